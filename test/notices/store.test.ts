import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { NewerSchemaError } from '../../src/errors.js';
import { SubscriptionStore } from '../../src/notices/store.js';
import { tempDir } from '../helpers/fixtures.js';

describe('SubscriptionStore on disk', () => {
  it('keeps subscribers private: the database 0600 and a directory it creates 0700', () => {
    const dir = join(tempDir(), 'data');
    const path = join(dir, 'subscriptions.db');
    const store = new SubscriptionStore(path);
    store.subscribe(1, 'private', 'en');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(`${path}-wal`).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    store.close();
  });

  it('names a damaged database file and the command that fixes it', () => {
    const path = join(tempDir(), 'subscriptions.db');
    writeFileSync(path, 'this is not a database, just some text that is long enough to have a header');
    expect(() => new SubscriptionStore(path)).toThrow(
      `The subscriptions database ${path} cannot be read (file is not a database). Move it aside (mv "${path}" "${path}.broken") and start again`,
    );
  });

  it('refuses a database written by a newer program, saying to update, and leaves it as it is', () => {
    const path = join(tempDir(), 'subscriptions.db');
    new SubscriptionStore(path).close();
    const db = new Database(path);
    db.pragma('user_version = 99');
    db.close();
    expect(() => new SubscriptionStore(path)).toThrow(NewerSchemaError);
    expect(() => new SubscriptionStore(path)).toThrow(
      /schema version 99, newer than this program knows \(\d+\): update the program/,
    );
    const again = new Database(path);
    expect(again.pragma('user_version', { simple: true })).toBe(99);
    again.close();
  });
});
