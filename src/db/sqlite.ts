/**
 * The Db interface over one SQLite file (better-sqlite3, WAL, synchronous=FULL). better-sqlite3 is
 * synchronous; statements are queued so that a transaction's statements never interleave with
 * another caller's (an `await` inside a transaction would otherwise let them in).
 */
import Database from 'better-sqlite3';
import { chmodSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { NewerSchemaError, DatabaseFileError } from '../errors.js';
import { migrationSql, type Db, type Migration, type Param } from './db.js';

export class SqliteDb implements Db {
  readonly dialect = 'sqlite' as const;
  readonly db: Database.Database;
  /** The end of the queue: every statement and transaction runs after the one before it settled. */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(readonly where: string) {
    if (where !== ':memory:') mkdirSync(dirname(where), { recursive: true, mode: 0o700 });
    this.db = new Database(where);
    // Chat ids, languages, watched topics and quotes sent are personal data: owner only (-wal/-shm get the same mode).
    if (where !== ':memory:') chmodSync(where, 0o600);
    try {
      this.db.pragma('journal_mode = WAL');
    } catch (error) {
      this.db.close();
      // SQLITE_NOTADB / SQLITE_CORRUPT: the file is there but is no database; a write error is the caller's.
      if (/NOTADB|CORRUPT/.test((error as { code?: string }).code ?? ''))
        throw new DatabaseFileError(where, (error as Error).message, { cause: error });
      throw error;
    }
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
  }

  /** Runs `fn` once everything queued before it has settled. */
  private queued<T>(fn: () => T | Promise<T>): Promise<T> {
    const result = this.tail.then(fn, fn);
    this.tail = result.catch(() => undefined);
    return result;
  }

  run(sql: string, params: Param[] = []): Promise<number> {
    return this.queued(() => this.runNow(sql, params));
  }

  all<T>(sql: string, params: Param[] = []): Promise<T[]> {
    return this.queued(() => this.db.prepare(sql).all(...params) as T[]);
  }

  get<T>(sql: string, params: Param[] = []): Promise<T | undefined> {
    return this.queued(() => this.db.prepare(sql).get(...params) as T | undefined);
  }

  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    return this.queued(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(new SqliteTransaction(this));
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  /** Statements of a transaction run at once: the transaction holds the queue. */
  runNow(sql: string, params: Param[]): number {
    const statement = this.db.prepare(sql);
    return statement.reader ? statement.all(...params).length : statement.run(...params).changes;
  }

  async migrate(_schema: string, migrations: Migration[]): Promise<{ created: boolean }> {
    // One schema per file: PRAGMA user_version holds the version reached.
    return this.queued(() => {
      const version = this.db.pragma('user_version', { simple: true }) as number;
      if (version > migrations.length) throw new NewerSchemaError(this.where, version, migrations.length);
      for (let v = version; v < migrations.length; v++) {
        this.db.transaction(() => {
          this.db.exec(migrationSql(migrations[v]!, 'sqlite'));
          this.db.pragma(`user_version = ${v + 1}`);
        })();
      }
      return { created: version === 0 };
    });
  }

  holdsLock(): Promise<boolean> {
    return Promise.resolve(true);
  }

  /** SQLite's own check of the file: "ok" when it is sound. */
  integrityCheck(): string {
    return this.db.pragma('integrity_check', { simple: true }) as string;
  }

  async close(): Promise<void> {
    await this.tail;
    if (this.db.open) this.db.close();
  }
}

/** The statements of one SQLite transaction: run directly, as the transaction already holds the queue. */
class SqliteTransaction implements Db {
  readonly dialect = 'sqlite' as const;
  readonly where: string;

  constructor(private readonly owner: SqliteDb) {
    this.where = owner.where;
  }

  run(sql: string, params: Param[] = []): Promise<number> {
    return Promise.resolve(this.owner.runNow(sql, params));
  }

  all<T>(sql: string, params: Param[] = []): Promise<T[]> {
    return Promise.resolve(this.owner.db.prepare(sql).all(...params) as T[]);
  }

  get<T>(sql: string, params: Param[] = []): Promise<T | undefined> {
    return Promise.resolve(this.owner.db.prepare(sql).get(...params) as T | undefined);
  }

  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    return fn(this);
  }

  migrate(): Promise<{ created: boolean }> {
    return Promise.reject(new Error('migrate inside a transaction'));
  }

  holdsLock(): Promise<boolean> {
    return Promise.resolve(true);
  }

  close(): Promise<void> {
    return Promise.reject(new Error('close inside a transaction'));
  }
}
