/**
 * What the bot is given (`createBot(token, deps)`): the engine and the hooks other modules
 * plug in. Its own module so features and the factory both depend on it, not on each other.
 */
import type { Composer } from 'grammy';
import type { AnswerEngine } from '../answer/engine.js';
import type { CardStore } from './card-store.js';
import type { BotContext } from './context.js';
import type { RateLimitOptions } from './middleware/rate-limit.js';

export interface BotDeps {
  /** The current answer engine (it is swapped when the index is refreshed). */
  engine(): AnswerEngine;
  adminIds?: number[];
  rateLimit?: Partial<RateLimitOptions>;
  /** Admin /reindex: bring the index up to date; returns a one-line summary. */
  reindex?(): Promise<string>;
  /** Extra lines for admin /stats. */
  stats?(): Promise<string[]>;
  /** Called on /start before the welcome (subscriptions re-activate a returning user here). */
  onStart?(ctx: BotContext): Promise<void>;
  /** Where the answers behind cards are kept beyond memory (DATA_DIR/cards.db), so cards work after a restart. */
  cards?: CardStore;
  /** Features added by other modules (subscriptions), placed before the catch-all fallback. */
  features?: Composer<BotContext>[];
}
