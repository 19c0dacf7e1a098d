/**
 * What the bot is given (`createBot(token, deps)`): the engine and the plug-ins other modules
 * add. Its own module so features and the factory both depend on it, not on each other.
 */
import type { Composer } from 'grammy';
import type { AnswerEngine } from '../answer/engine.js';
import type { CardStore } from './card-store.js';
import type { BotContext } from './context.js';
import type { CommandHelp, Lang } from './i18n.js';
import type { RateLimitOptions } from './middleware/rate-limit.js';

/**
 * A feature another module adds whole (the notices): its handlers, its commands in each language
 * (menu and /help), and its hooks. A bot built without it shows nothing of it.
 */
export interface BotPlugin {
  /** Its handlers, placed before the bot's own (so it sees /start and its buttons first). */
  feature: Composer<BotContext>;
  commands: Record<Lang, CommandHelp[]>;
  /** Called on /start before the welcome (subscriptions re-activate a returning user here). */
  onStart?(ctx: BotContext): Promise<void>;
  /** Extra lines for admin /stats. */
  stats?(): Promise<string[]>;
}

export interface BotDeps {
  /** The current answer engine (it is swapped when the index is refreshed). */
  engine(): AnswerEngine;
  adminIds?: number[];
  rateLimit?: Partial<RateLimitOptions>;
  /** Admin /reindex: bring the index up to date; returns a one-line summary. */
  reindex?(): Promise<string>;
  /** Where the answers behind cards are kept beyond memory (DATA_DIR/cards.db), so cards work after a restart. */
  cards?: CardStore;
  plugins?: BotPlugin[] | undefined;
}

/** The plug-ins' commands in one language, in order. */
export function pluginCommands(plugins: BotPlugin[] | undefined, lang: Lang): CommandHelp[] {
  return (plugins ?? []).flatMap((p) => p.commands[lang]);
}
