/**
 * Recent answers, so a card's buttons ("More context", "Other matches", …) find them by a short
 * id that fits in callback data. Bounded in memory (least recently used entries go first) and,
 * given a CardStore, kept on disk too, so cards work after a restart; without one, old buttons say
 * "expired" instead of failing. Ids are random (not a counter another user could guess) and an
 * answer is only given back to the chat it was sent to.
 */
import { randomBytes } from 'node:crypto';
import type { Answer } from '../answer/types.js';
import { describeError } from '../errors.js';
import { log } from '../log.js';
import { LruMap } from '../lru-map.js';
import type { CardStore } from './card-store.js';
import type { Lang } from './i18n.js';

export class AnswerCache {
  private readonly entries: LruMap<string, { answer: Answer; chatId: number; lang: Lang }>;

  constructor(
    capacity = 2000,
    private readonly store?: CardStore,
  ) {
    this.entries = new LruMap(capacity);
  }

  /**
   * Stores an answer sent to `chatId` in `lang` and returns its id (12 base-36 characters). A database that cannot
   * take it loses nothing but the card's life after a restart (or on another replica): logged, not thrown.
   */
  async put(answer: Answer, chatId: number, lang: Lang = 'en'): Promise<string> {
    let id: string;
    do
      id = BigInt(`0x${randomBytes(8).toString('hex')}`)
        .toString(36)
        .padStart(12, '0')
        .slice(-12);
    while (this.entries.has(id));
    this.entries.set(id, { answer, chatId, lang });
    await this.store
      ?.save(id, { answer, chatId, lang })
      .catch((error: unknown) => log.warn(`A card was not saved to the database: ${describeError(error)}`));
    return id;
  }

  /** The answer under `id` if it was sent to `chatId`. */
  async get(id: string, chatId: number | undefined): Promise<Answer | undefined> {
    return (await this.card(id, chatId))?.answer;
  }

  /**
   * The answer under `id` and the language its card was sent in (its buttons keep that language, whoever taps them).
   */
  async card(id: string, chatId: number | undefined): Promise<{ answer: Answer; lang: Lang } | undefined> {
    let entry = this.entries.get(id);
    if (!entry && this.store) {
      entry = await this.store.load(id);
      if (entry) this.entries.set(id, entry);
    }
    return entry && entry.chatId === chatId ? entry : undefined;
  }
}
