/**
 * The answers behind cards, kept in the database so a card's buttons still work after a restart,
 * and on any replica (SQLite `DATA_DIR/cards.db`, or the shared PostgreSQL): one row per answer sent,
 * bounded by age and count. Only what a card needs is kept (the answer's quotes and citations, the
 * chat it went to, its language); an answer is given back only to the chat it was sent to.
 */
import type { Answer } from '../answer/types.js';
import type { Db, Migration } from '../db/db.js';
import type { Lang } from './i18n.js';

export interface StoredCard {
  answer: Answer;
  chatId: number;
  lang: Lang;
}

/** Where the answer cache keeps cards beyond its memory (tests and the terminal use none). */
export interface CardStore {
  save(id: string, card: StoredCard): Promise<void>;
  load(id: string): Promise<StoredCard | undefined>;
}

/** Cards older than this are let go: a button on one says it expired. */
const MAX_AGE_MS = 30 * 24 * 3600_000;
/** Most cards kept (the oldest go first). */
const MAX_CARDS = 100_000;
/** Old cards are pruned once per this many saves. */
const PRUNE_EVERY = 500;

const MIGRATIONS: Migration[] = [
  // 1: IF NOT EXISTS: a cards.db written before migrations were counted already has the table.
  {
    sqlite: `CREATE TABLE IF NOT EXISTS cards (id TEXT PRIMARY KEY, chat_id INTEGER NOT NULL, lang TEXT NOT NULL, answer TEXT NOT NULL, at INTEGER NOT NULL);
             CREATE INDEX IF NOT EXISTS cards_at ON cards (at);`,
    postgres: `CREATE TABLE IF NOT EXISTS cards (id TEXT PRIMARY KEY, chat_id BIGINT NOT NULL, lang TEXT NOT NULL, answer TEXT NOT NULL, at BIGINT NOT NULL);
               CREATE INDEX IF NOT EXISTS cards_at ON cards (at);`,
  },
];

export class DbCardStore implements CardStore {
  private saves = 0;

  private constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  static async open(db: Db, now: () => number = Date.now): Promise<DbCardStore> {
    await db.migrate('cards', MIGRATIONS);
    return new DbCardStore(db, now);
  }

  async save(id: string, card: StoredCard): Promise<void> {
    await this.db.run(
      `INSERT INTO cards (id, chat_id, lang, answer, at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET chat_id = excluded.chat_id, lang = excluded.lang, answer = excluded.answer, at = excluded.at`,
      [id, card.chatId, card.lang, JSON.stringify(card.answer), this.now()],
    );
    if (++this.saves % PRUNE_EVERY === 0) await this.prune();
  }

  async load(id: string): Promise<StoredCard | undefined> {
    const row = await this.db.get<{ chat_id: number; lang: Lang; answer: string; at: number }>(
      `SELECT chat_id, lang, answer, at FROM cards WHERE id = ?`,
      [id],
    );
    if (!row || this.now() - row.at > MAX_AGE_MS) return undefined;
    return { chatId: row.chat_id, lang: row.lang, answer: JSON.parse(row.answer) as Answer };
  }

  /** Drops cards past their age, and the oldest beyond the count. */
  async prune(): Promise<void> {
    await this.db.run(`DELETE FROM cards WHERE at < ?`, [this.now() - MAX_AGE_MS]);
    await this.db.run(`DELETE FROM cards WHERE at < (SELECT at FROM cards ORDER BY at DESC LIMIT 1 OFFSET ?)`, [
      MAX_CARDS,
    ]);
  }
}
