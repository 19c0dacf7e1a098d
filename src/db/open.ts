/**
 * The databases of a running bot: one PostgreSQL database for everything when DATABASE_URL is set
 * (several replicas share it), else SQLite files in DATA_DIR (subscriptions.db, cards.db).
 */
import { join } from 'node:path';
import type { Db } from './db.js';
import { PgDb } from './postgres.js';
import { SqliteDb } from './sqlite.js';

export interface Databases {
  /** Subscriptions, the outbox and the sources' state. */
  notices: Db;
  /** The answers behind cards. */
  cards: Db;
  close(): Promise<void>;
}

export function openDatabases(dataDir: string, databaseUrl?: string): Databases {
  if (databaseUrl) {
    const shared = new PgDb(databaseUrl);
    return { notices: shared, cards: shared, close: () => shared.close() };
  }
  const notices = new SqliteDb(join(dataDir, 'subscriptions.db'));
  const cards = new SqliteDb(join(dataDir, 'cards.db'));
  return {
    notices,
    cards,
    close: async () => {
      await notices.close();
      await cards.close();
    },
  };
}
