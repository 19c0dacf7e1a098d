/**
 * Subscriptions state in SQLite (better-sqlite3, WAL): subscribers, watched topics, the
 * reports already announced, and the delivery outbox. Schema changes are numbered
 * migrations applied in order at open (PRAGMA user_version holds the version reached).
 */
import Database from 'better-sqlite3';
import { NewerSchemaError, SubscriptionsDbError } from '../errors.js';
import { chmodSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

const MIGRATIONS: string[] = [
  // 1: the first schema
  `CREATE TABLE subscribers (
     chat_id INTEGER PRIMARY KEY,
     chat_type TEXT NOT NULL,
     lang TEXT NOT NULL DEFAULT 'en',
     subscribed_at TEXT NOT NULL,
     active INTEGER NOT NULL DEFAULT 1,
     inactive_reason TEXT,
     updated_at TEXT NOT NULL
   );
   CREATE TABLE watches (
     chat_id INTEGER NOT NULL,
     words TEXT NOT NULL,
     created_at TEXT NOT NULL,
     PRIMARY KEY (chat_id, words)
   );
   CREATE TABLE announced_reports (
     report_id TEXT PRIMARY KEY,
     announced_at TEXT NOT NULL,
     baseline INTEGER NOT NULL DEFAULT 0
   );
   CREATE TABLE outbox (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     chat_id INTEGER NOT NULL,
     report_id TEXT NOT NULL,
     part TEXT NOT NULL,
     payload TEXT NOT NULL,
     status TEXT NOT NULL DEFAULT 'pending',
     attempts INTEGER NOT NULL DEFAULT 0,
     next_attempt_at INTEGER NOT NULL DEFAULT 0,
     last_error TEXT,
     created_at TEXT NOT NULL,
     sent_at TEXT,
     UNIQUE (chat_id, report_id, part)
   );
   CREATE INDEX outbox_due ON outbox (status, next_attempt_at, id);`,
  // 2: watched sources (SOURCES_FILE) and what each has yielded
  `CREATE TABLE sources (
     url TEXT PRIMARY KEY,
     etag TEXT,
     last_modified TEXT,
     checked_at TEXT,
     ok_at TEXT,
     failures INTEGER NOT NULL DEFAULT 0,
     retry_at INTEGER NOT NULL DEFAULT 0,
     last_error TEXT,
     items INTEGER NOT NULL DEFAULT 0
   );
   CREATE TABLE source_items (
     url TEXT PRIMARY KEY,
     source TEXT NOT NULL,
     file TEXT NOT NULL,
     etag TEXT,
     last_modified TEXT,
     hash TEXT NOT NULL,
     fetched_at TEXT NOT NULL
   );`,
];

/** A watched source's state (notices/sources.ts). */
export interface SourceRow {
  url: string;
  etag?: string | undefined;
  lastModified?: string | undefined;
  checkedAt?: string | undefined;
  okAt?: string | undefined;
  failures: number;
  /** Epoch ms before which the source is not polled again (back-off after errors). */
  retryAt: number;
  lastError?: string | undefined;
  items: number;
}

/** A report downloaded from a source. */
export interface SourceItemRow {
  url: string;
  source: string;
  /**
   * The corpus file it was saved as ('' while it has never been saved: every fetch so far failed, or its bytes are
   * another address's file).
   */
  file: string;
  etag?: string | undefined;
  lastModified?: string | undefined;
  hash: string;
  /** When it was last fetched or tried (ISO time). */
  fetchedAt?: string | undefined;
}

export interface Subscriber {
  chatId: number;
  chatType: string;
  lang: string;
  subscribedAt: string;
  active: boolean;
  inactiveReason?: string;
}

export interface OutboxRow {
  id: number;
  chatId: number;
  reportId: string;
  part: string;
  payload: { text: string; replyMarkup?: unknown };
  attempts: number;
  chatType: string;
}

export interface OutboxCounts {
  pending: number;
  sent: number;
  dropped: number;
  /** Messages the Bot API refused as malformed (our fault): kept for the admin, subscriber untouched. */
  failed: number;
}

const now = (): string => new Date().toISOString();

function toSubscriber(row: Record<string, unknown>): Subscriber {
  return {
    chatId: row.chat_id as number,
    chatType: row.chat_type as string,
    lang: row.lang as string,
    subscribedAt: row.subscribed_at as string,
    active: row.active === 1,
    inactiveReason: (row.inactive_reason as string) ?? undefined,
  };
}

export class SubscriptionStore {
  readonly db: Database.Database;
  /** True when this open created the database: the reports already indexed are the baseline, not news. */
  readonly created: boolean;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    this.db = new Database(path);
    // Chat ids, languages and watched topics are personal data: owner only (SQLite gives -wal/-shm the same mode).
    if (path !== ':memory:') chmodSync(path, 0o600);
    try {
      this.db.pragma('journal_mode = WAL');
    } catch (error) {
      this.db.close();
      // SQLITE_NOTADB / SQLITE_CORRUPT: the file is there but is no database; a write error is the caller's
      // (StorageError).
      if (/NOTADB|CORRUPT/.test((error as { code?: string }).code ?? ''))
        throw new SubscriptionsDbError(path, (error as Error).message, { cause: error });
      throw error;
    }
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    const version = this.db.pragma('user_version', { simple: true }) as number;
    this.created = version === 0;
    if (version > MIGRATIONS.length) throw new NewerSchemaError(path, version, MIGRATIONS.length);
    for (let v = version; v < MIGRATIONS.length; v++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v]!);
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  close(): void {
    this.db.close();
  }

  subscribe(chatId: number, chatType: string, lang: string): void {
    this.db
      .prepare(
        `INSERT INTO subscribers (chat_id, chat_type, lang, subscribed_at, active, updated_at) VALUES (?, ?, ?, ?, 1, ?)
         ON CONFLICT (chat_id) DO UPDATE SET active = 1, inactive_reason = NULL, lang = excluded.lang, updated_at = excluded.updated_at,
           subscribed_at = CASE WHEN subscribers.active = 1 THEN subscribers.subscribed_at ELSE excluded.subscribed_at END`,
      )
      .run(chatId, chatType, lang, now(), now());
  }

  /** Marks a subscriber inactive (unsubscribed, blocked the bot, deleted account …). Returns whether it was active. */
  deactivate(chatId: number, reason: string): boolean {
    return (
      this.db
        .prepare(
          `UPDATE subscribers SET active = 0, inactive_reason = ?, updated_at = ? WHERE chat_id = ? AND active = 1`,
        )
        .run(reason, now(), chatId).changes > 0
    );
  }

  /**
   * A group upgraded to a supergroup has a new chat id: its subscription, watches and pending notices move there
   * (kept as they are when the new id already has them). Returns whether there was anything to move.
   */
  migrateChat(from: number, to: number): boolean {
    return this.db.transaction(() => {
      const moved = this.db
        .prepare(
          `UPDATE OR IGNORE subscribers SET chat_id = ?, chat_type = 'supergroup', updated_at = ? WHERE chat_id = ?`,
        )
        .run(to, now(), from).changes;
      this.db.prepare(`UPDATE OR IGNORE watches SET chat_id = ? WHERE chat_id = ?`).run(to, from);
      this.db
        .prepare(
          `UPDATE OR IGNORE outbox SET chat_id = ?, next_attempt_at = 0 WHERE chat_id = ? AND status = 'pending'`,
        )
        .run(to, from);
      for (const table of ['subscribers', 'watches'])
        this.db.prepare(`DELETE FROM ${table} WHERE chat_id = ?`).run(from);
      this.db
        .prepare(
          `UPDATE outbox SET status = 'dropped', last_error = 'chat moved to a supergroup' WHERE chat_id = ? AND status = 'pending'`,
        )
        .run(from);
      return moved > 0;
    })();
  }

  /** Re-activates a subscriber that became inactive by blocking the bot (not one that unsubscribed). */
  reactivate(chatId: number): boolean {
    return (
      this.db
        .prepare(
          `UPDATE subscribers SET active = 1, inactive_reason = NULL, updated_at = ? WHERE chat_id = ? AND active = 0 AND inactive_reason <> 'unsubscribed'`,
        )
        .run(now(), chatId).changes > 0
    );
  }

  subscriber(chatId: number): Subscriber | undefined {
    const row = this.db.prepare(`SELECT * FROM subscribers WHERE chat_id = ?`).get(chatId) as
      Record<string, unknown> | undefined;
    return row && toSubscriber(row);
  }

  activeSubscribers(): Subscriber[] {
    return (
      this.db.prepare(`SELECT * FROM subscribers WHERE active = 1 ORDER BY chat_id`).all() as Record<string, unknown>[]
    ).map(toSubscriber);
  }

  addWatch(chatId: number, words: string): void {
    this.db
      .prepare(`INSERT OR IGNORE INTO watches (chat_id, words, created_at) VALUES (?, ?, ?)`)
      .run(chatId, words, now());
  }

  removeWatch(chatId: number, words: string): number {
    return this.db.prepare(`DELETE FROM watches WHERE chat_id = ? AND words = ?`).run(chatId, words).changes;
  }

  watches(chatId: number): string[] {
    return (
      this.db.prepare(`SELECT words FROM watches WHERE chat_id = ? ORDER BY created_at`).all(chatId) as {
        words: string;
      }[]
    ).map((r) => r.words);
  }

  /** Every active subscriber's watched topics, in one query: chat id → words. */
  activeWatches(): Map<number, string[]> {
    const rows = this.db
      .prepare(
        `SELECT w.chat_id, w.words FROM watches w JOIN subscribers s ON s.chat_id = w.chat_id WHERE s.active = 1 ORDER BY w.chat_id, w.created_at`,
      )
      .all() as { chat_id: number; words: string }[];
    const out = new Map<number, string[]>();
    for (const r of rows) out.set(r.chat_id, [...(out.get(r.chat_id) ?? []), r.words]);
    return out;
  }

  isAnnounced(reportId: string): boolean {
    return !!this.db.prepare(`SELECT 1 FROM announced_reports WHERE report_id = ?`).get(reportId);
  }

  /** Records reports as known without notifying anyone (the corpus a new database starts with). */
  markBaseline(reportIds: string[]): void {
    const insert = this.db.prepare(
      `INSERT OR IGNORE INTO announced_reports (report_id, announced_at, baseline) VALUES (?, ?, 1)`,
    );
    this.db.transaction(() => reportIds.forEach((id) => insert.run(id, now())))();
  }

  /**
   * Announces a report: records it and queues `messagesFor(subscriber)` for every active
   * subscriber, all in one transaction, so a crash leaves either everything queued or nothing
   * (and the report still unannounced, to be announced on the next start).
   */
  announce(
    reportId: string,
    messagesFor: (s: Subscriber) => { part: string; payload: OutboxRow['payload'] }[],
  ): number {
    let queued = 0;
    const insert = this.db.prepare(
      `INSERT OR IGNORE INTO outbox (chat_id, report_id, part, payload, created_at) VALUES (?, ?, ?, ?, ?)`,
    );
    this.db.transaction(() => {
      if (
        this.db
          .prepare(`INSERT OR IGNORE INTO announced_reports (report_id, announced_at) VALUES (?, ?)`)
          .run(reportId, now()).changes === 0
      )
        return;
      for (const s of this.activeSubscribers()) {
        for (const m of messagesFor(s))
          queued += insert.run(s.chatId, reportId, m.part, JSON.stringify(m.payload), now()).changes;
      }
    })();
    return queued;
  }

  /** Pending outbox rows due at `nowMs`, oldest first. */
  due(nowMs: number, limit: number): OutboxRow[] {
    const rows = this.db
      .prepare(
        `SELECT o.id, o.chat_id, o.report_id, o.part, o.payload, o.attempts, s.chat_type FROM outbox o JOIN subscribers s ON s.chat_id = o.chat_id
         WHERE o.status = 'pending' AND o.next_attempt_at <= ? ORDER BY o.id LIMIT ?`,
      )
      .all(nowMs, limit) as Record<string, unknown>[];
    return rows.map((r) => ({
      id: r.id as number,
      chatId: r.chat_id as number,
      reportId: r.report_id as string,
      part: r.part as string,
      payload: JSON.parse(r.payload as string) as OutboxRow['payload'],
      attempts: r.attempts as number,
      chatType: r.chat_type as string,
    }));
  }

  /** Earliest time a pending row becomes due, or undefined when none is pending. */
  nextDueAt(): number | undefined {
    const row = this.db.prepare(`SELECT MIN(next_attempt_at) AS t FROM outbox WHERE status = 'pending'`).get() as {
      t: number | null;
    };
    return row.t ?? undefined;
  }

  markSent(id: number): void {
    this.db
      .prepare(`UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1 WHERE id = ?`)
      .run(now(), id);
  }

  retryLater(id: number, atMs: number, error: string): void {
    this.db
      .prepare(`UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?`)
      .run(atMs, error.slice(0, 300), id);
  }

  /** Gives up on a row because its chat cannot be reached, and deactivates the subscriber. */
  drop(id: number, chatId: number, reason: string): void {
    this.db.transaction(() => {
      this.db
        .prepare(`UPDATE outbox SET status = 'dropped', last_error = ?, attempts = attempts + 1 WHERE id = ?`)
        .run(reason.slice(0, 300), id);
      this.db
        .prepare(
          `UPDATE outbox SET status = 'dropped', last_error = 'subscriber inactive' WHERE chat_id = ? AND status = 'pending'`,
        )
        .run(chatId);
      this.deactivate(chatId, reason);
    })();
  }

  /** Sets a row aside because the Bot API refused the message itself; its subscriber is not touched. */
  fail(id: number, reason: string): void {
    this.db
      .prepare(`UPDATE outbox SET status = 'failed', last_error = ?, attempts = attempts + 1 WHERE id = ?`)
      .run(reason.slice(0, 300), id);
  }

  counts(): OutboxCounts {
    const rows = this.db.prepare(`SELECT status, COUNT(*) AS n FROM outbox GROUP BY status`).all() as {
      status: string;
      n: number;
    }[];
    const get = (s: string): number => rows.find((r) => r.status === s)?.n ?? 0;
    return { pending: get('pending'), sent: get('sent'), dropped: get('dropped'), failed: get('failed') };
  }

  source(url: string): SourceRow | undefined {
    const r = this.db.prepare(`SELECT * FROM sources WHERE url = ?`).get(url) as Record<string, unknown> | undefined;
    return r && sourceRow(r);
  }

  sources(): SourceRow[] {
    return (this.db.prepare(`SELECT * FROM sources ORDER BY url`).all() as Record<string, unknown>[]).map(sourceRow);
  }

  /** Records a poll of a source: its new validators on success, or the error and when to try again. */
  recordSourcePoll(
    url: string,
    outcome:
      | {
          etag?: string | undefined;
          lastModified?: string | undefined;
          items?: number | undefined;
          unfinished?: boolean | undefined;
        }
      | { error: string; retryAt: number },
  ): void {
    const at = now();
    this.db.prepare(`INSERT OR IGNORE INTO sources (url) VALUES (?)`).run(url);
    if ('error' in outcome)
      this.db
        .prepare(
          `UPDATE sources SET checked_at = ?, failures = failures + 1, retry_at = ?, last_error = ? WHERE url = ?`,
        )
        .run(at, outcome.retryAt, outcome.error, url);
    else
      this.db
        .prepare(
          `UPDATE sources SET checked_at = ?, ok_at = ?, failures = 0, retry_at = 0, last_error = NULL, etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified), items = items + ? WHERE url = ?`,
        )
        .run(at, at, outcome.etag ?? null, outcome.lastModified ?? null, outcome.items ?? 0, url);
    // A listing read only in part is fetched in full next time: a 304 would hide the links not yet tried.
    if (!('error' in outcome) && outcome.unfinished)
      this.db.prepare(`UPDATE sources SET etag = NULL, last_modified = NULL WHERE url = ?`).run(url);
  }

  sourceItem(url: string): SourceItemRow | undefined {
    return this.itemRow(
      this.db.prepare(`SELECT * FROM source_items WHERE url = ?`).get(url) as Record<string, string | null> | undefined,
    );
  }

  /**
   * Another address whose download, with these very bytes, is saved in the corpus (the same report published twice).
   */
  savedTwin(hash: string, url: string): SourceItemRow | undefined {
    return this.itemRow(
      this.db
        .prepare(`SELECT * FROM source_items WHERE hash = ? AND url != ? AND file != '' LIMIT 1`)
        .get(hash, url) as Record<string, string | null> | undefined,
    );
  }

  private itemRow(r: Record<string, string | null> | undefined): SourceItemRow | undefined {
    return (
      r && {
        url: r.url!,
        source: r.source!,
        file: r.file!,
        etag: r.etag ?? undefined,
        lastModified: r.last_modified ?? undefined,
        hash: r.hash!,
        fetchedAt: r.fetched_at!,
      }
    );
  }

  /** Records that a listed item was checked (unchanged, or failed) now, so the next poll tries others first. */
  touchSourceItem(url: string, source: string): void {
    this.db
      .prepare(
        `INSERT INTO source_items (url, source, file, hash, fetched_at) VALUES (?, ?, '', '', ?)
         ON CONFLICT (url) DO UPDATE SET fetched_at = excluded.fetched_at`,
      )
      .run(url, source, now());
  }

  saveSourceItem(item: SourceItemRow): void {
    this.db
      .prepare(
        `INSERT INTO source_items (url, source, file, etag, last_modified, hash, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (url) DO UPDATE SET file = excluded.file, etag = excluded.etag, last_modified = excluded.last_modified, hash = excluded.hash, fetched_at = excluded.fetched_at`,
      )
      .run(item.url, item.source, item.file, item.etag ?? null, item.lastModified ?? null, item.hash, now());
  }

  /** Runs SQLite's integrity check; "ok" when the file is sound. */
  integrityCheck(): string {
    return this.db.pragma('integrity_check', { simple: true }) as string;
  }
}

function sourceRow(r: Record<string, unknown>): SourceRow {
  const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  return {
    url: String(r.url),
    etag: text(r.etag),
    lastModified: text(r.last_modified),
    checkedAt: text(r.checked_at),
    okAt: text(r.ok_at),
    failures: Number(r.failures),
    retryAt: Number(r.retry_at),
    lastError: text(r.last_error),
    items: Number(r.items),
  };
}
