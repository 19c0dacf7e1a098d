import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { SqliteDb } from '../../src/db/sqlite.js';
import { NewerSchemaError } from '../../src/errors.js';
import { SubscriptionStore } from '../../src/notices/store.js';
import { tempDir } from '../helpers/fixtures.js';

const open = (path: string): Promise<SubscriptionStore> => SubscriptionStore.open(new SqliteDb(path));

describe('SubscriptionStore in a SQLite file', () => {
  it('keeps subscribers private: the database 0600 and a directory it creates 0700', async () => {
    const dir = join(tempDir(), 'data');
    const path = join(dir, 'subscriptions.db');
    const store = await open(path);
    await store.subscribe(1, 'private', 'en');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(`${path}-wal`).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    await store.close();
  });

  it('names a damaged database file and the command that fixes it', () => {
    const path = join(tempDir(), 'subscriptions.db');
    writeFileSync(path, 'this is not a database, just some text that is long enough to have a header');
    expect(() => new SqliteDb(path)).toThrow(
      `The database ${path} cannot be read (file is not a database). Move it aside (mv "${path}" "${path}.broken") and start again`,
    );
  });

  it('refuses a database written by a newer program, saying to update, and leaves it as it is', async () => {
    const path = join(tempDir(), 'subscriptions.db');
    await (await open(path)).close();
    const db = new Database(path);
    db.pragma('user_version = 99');
    db.close();
    await expect(open(path)).rejects.toThrow(NewerSchemaError);
    await expect(open(path)).rejects.toThrow(
      /schema version 99, newer than this program knows \(\d+\): update the program/,
    );
    const again = new Database(path);
    expect(again.pragma('user_version', { simple: true })).toBe(99);
    again.close();
  });

  it('a database of the first two schema versions gains the outbox claims and keeps its rows', async () => {
    const path = join(tempDir(), 'subscriptions.db');
    const old = new Database(path);
    old.exec(`CREATE TABLE subscribers (chat_id INTEGER PRIMARY KEY, chat_type TEXT NOT NULL, lang TEXT NOT NULL DEFAULT 'en',
      subscribed_at TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1, inactive_reason TEXT, updated_at TEXT NOT NULL);
      CREATE TABLE watches (chat_id INTEGER NOT NULL, words TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (chat_id, words));
      CREATE TABLE announced_reports (report_id TEXT PRIMARY KEY, announced_at TEXT NOT NULL, baseline INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, chat_id INTEGER NOT NULL, report_id TEXT NOT NULL, part TEXT NOT NULL,
        payload TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'pending', attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL DEFAULT 0, last_error TEXT, created_at TEXT NOT NULL, sent_at TEXT, UNIQUE (chat_id, report_id, part));
      CREATE TABLE sources (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, checked_at TEXT, ok_at TEXT,
        failures INTEGER NOT NULL DEFAULT 0, retry_at INTEGER NOT NULL DEFAULT 0, last_error TEXT, items INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE source_items (url TEXT PRIMARY KEY, source TEXT NOT NULL, file TEXT NOT NULL, etag TEXT, last_modified TEXT,
        hash TEXT NOT NULL, fetched_at TEXT NOT NULL);
      INSERT INTO subscribers VALUES (5, 'private', 'zh', 'then', 1, NULL, 'then');
      INSERT INTO outbox (chat_id, report_id, part, payload, created_at) VALUES (5, 'r', 'notice', '{"text":"hi"}', 'then');
      PRAGMA user_version = 2;`);
    old.close();
    const store = await open(path);
    expect(store.created).toBe(false);
    expect((await store.subscriber(5))?.lang).toBe('zh');
    const [row] = await store.due(Date.now(), 10);
    expect(row?.payload.text).toBe('hi');
    expect(await store.claim(row!.id, Date.now())).toBe(true);
    await store.close();
  });
});
