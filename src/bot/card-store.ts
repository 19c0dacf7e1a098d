/**
 * The answers behind cards, kept on disk so a card's buttons still work after a restart:
 * SQLite (`DATA_DIR/cards.db`, WAL), one row per answer sent, bounded by age and count.
 * Only what a card needs is kept (the answer's quotes and citations, the chat it went to, its
 * language); an answer is given back only to the chat it was sent to.
 */
import Database from 'better-sqlite3';
import { chmodSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Answer } from '../answer/types.js';
import type { Lang } from './i18n.js';

export interface StoredCard {
  answer: Answer;
  chatId: number;
  lang: Lang;
}

/** Where the answer cache keeps cards beyond its memory (tests and the terminal use none). */
export interface CardStore {
  save(id: string, card: StoredCard): void;
  load(id: string): StoredCard | undefined;
}

/** Cards older than this are let go: a button on one says it expired. */
const MAX_AGE_MS = 30 * 24 * 3600_000;
/** Most cards kept (the oldest go first). */
const MAX_CARDS = 100_000;
/** Old cards are pruned once per this many saves. */
const PRUNE_EVERY = 500;

export class SqliteCardStore implements CardStore {
  private readonly db: Database.Database;
  private saves = 0;

  constructor(
    path: string,
    private readonly now: () => number = Date.now,
  ) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    this.db = new Database(path);
    // Quotes sent to chats, with chat ids: owner only.
    if (path !== ':memory:') chmodSync(path, 0o600);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(
      `CREATE TABLE IF NOT EXISTS cards (id TEXT PRIMARY KEY, chat_id INTEGER NOT NULL, lang TEXT NOT NULL, answer TEXT NOT NULL, at INTEGER NOT NULL)`,
    );
    this.db.exec(`CREATE INDEX IF NOT EXISTS cards_at ON cards (at)`);
  }

  save(id: string, card: StoredCard): void {
    this.db
      .prepare(`INSERT OR REPLACE INTO cards (id, chat_id, lang, answer, at) VALUES (?, ?, ?, ?, ?)`)
      .run(id, card.chatId, card.lang, JSON.stringify(card.answer), this.now());
    if (++this.saves % PRUNE_EVERY === 0) this.prune();
  }

  load(id: string): StoredCard | undefined {
    const row = this.db.prepare(`SELECT chat_id, lang, answer, at FROM cards WHERE id = ?`).get(id) as
      { chat_id: number; lang: Lang; answer: string; at: number } | undefined;
    if (!row || this.now() - row.at > MAX_AGE_MS) return undefined;
    return { chatId: row.chat_id, lang: row.lang, answer: JSON.parse(row.answer) as Answer };
  }

  /** Drops cards past their age, and the oldest beyond the count. */
  prune(): void {
    this.db.prepare(`DELETE FROM cards WHERE at < ?`).run(this.now() - MAX_AGE_MS);
    this.db
      .prepare(`DELETE FROM cards WHERE id IN (SELECT id FROM cards ORDER BY at DESC LIMIT -1 OFFSET ?)`)
      .run(MAX_CARDS);
  }

  close(): void {
    this.db.close();
  }
}
