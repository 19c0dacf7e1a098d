/**
 * The Db interface over PostgreSQL (the `pg` client, a small pool), for several replicas sharing one
 * state. `?` placeholders become `$1, $2, …`; 64-bit integers (chat ids) come back as numbers.
 * Migrations run under a transaction-scoped advisory lock, so replicas starting together apply each
 * once; a named lock (`holdsLock`) is a session advisory lock on a connection of its own, released by
 * PostgreSQL when the process holding it dies.
 */
import pg from 'pg';
import { NewerSchemaError } from '../errors.js';
import { migrationSql, type Db, type Migration, type Param } from './db.js';

/** Chat ids are 64-bit integers well inside JavaScript's exact range (Telegram keeps them under 2^52). */
const types = new pg.TypeOverrides();
types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

/** `?` → `$n` (the statements here hold no `?` inside string literals). */
export function numberedPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** The lock key of a name: PostgreSQL's advisory locks take a 64-bit key; hashtext gives one from the name. */
const LOCK_KEY = 'hashtext($1)::bigint';

interface Queryable {
  query(sql: string, params?: Param[]): Promise<pg.QueryResult>;
}

class PgStatements {
  constructor(protected readonly client: Queryable) {}

  async run(sql: string, params: Param[] = []): Promise<number> {
    return (await this.client.query(numberedPlaceholders(sql), params)).rowCount ?? 0;
  }

  async all<T>(sql: string, params: Param[] = []): Promise<T[]> {
    return (await this.client.query(numberedPlaceholders(sql), params)).rows as T[];
  }

  async get<T>(sql: string, params: Param[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }
}

export class PgDb extends PgStatements implements Db {
  readonly dialect = 'postgres' as const;
  readonly where: string;
  private readonly pool: pg.Pool;
  /** The connection that holds this process's named locks, and the names held. */
  private lockClient?: pg.Client | undefined;
  private readonly locks = new Set<string>();

  constructor(url: string, poolSize = 5) {
    const pool = new pg.Pool({ connectionString: url, max: poolSize, types });
    super(pool);
    this.pool = pool;
    // An idle client's error (the server restarted) is the pool's to replace, not a crash.
    this.pool.on('error', () => undefined);
    const u = new URL(url);
    this.where = `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}`;
  }

  async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(new PgTransaction(client, this.where));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async migrate(schema: string, migrations: Migration[]): Promise<{ created: boolean }> {
    return this.transaction(async (tx) => {
      await tx.run(`SELECT pg_advisory_xact_lock(${LOCK_KEY})`, [`migrate:${schema}`]);
      await tx.run(`CREATE TABLE IF NOT EXISTS schema_versions (name TEXT PRIMARY KEY, version INTEGER NOT NULL)`);
      const row = await tx.get<{ version: number }>(`SELECT version FROM schema_versions WHERE name = ?`, [schema]);
      const version = row?.version ?? 0;
      if (version > migrations.length)
        throw new NewerSchemaError(`${this.where} (${schema})`, version, migrations.length);
      for (let v = version; v < migrations.length; v++) await tx.run(migrationSql(migrations[v]!, 'postgres'));
      await tx.run(
        `INSERT INTO schema_versions (name, version) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET version = excluded.version`,
        [schema, migrations.length],
      );
      return { created: version === 0 };
    });
  }

  async holdsLock(name: string): Promise<boolean> {
    if (this.locks.has(name)) return true;
    if (!this.lockClient) {
      const client = new pg.Client({ connectionString: this.pool.options.connectionString, types });
      // The lock connection lost: its locks are gone with it (another replica may take them); ask again next time.
      client.on('error', () => this.dropLocks(client));
      client.on('end', () => this.dropLocks(client));
      await client.connect();
      this.lockClient = client;
    }
    const row = (await this.lockClient.query(`SELECT pg_try_advisory_lock(${LOCK_KEY}) AS held`, [name])).rows[0] as {
      held: boolean;
    };
    if (row.held) this.locks.add(name);
    return row.held;
  }

  private dropLocks(client: pg.Client): void {
    if (this.lockClient !== client) return;
    this.lockClient = undefined;
    this.locks.clear();
  }

  async close(): Promise<void> {
    const lockClient = this.lockClient;
    if (lockClient) {
      this.dropLocks(lockClient);
      await lockClient.end().catch(() => undefined);
    }
    await this.pool.end();
  }
}

class PgTransaction extends PgStatements implements Db {
  readonly dialect = 'postgres' as const;

  constructor(
    client: pg.PoolClient,
    readonly where: string,
  ) {
    super(client);
  }

  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    return fn(this);
  }

  migrate(): Promise<{ created: boolean }> {
    return Promise.reject(new Error('migrate inside a transaction'));
  }

  holdsLock(): Promise<boolean> {
    return Promise.reject(new Error('holdsLock inside a transaction'));
  }

  close(): Promise<void> {
    return Promise.reject(new Error('close inside a transaction'));
  }
}

/** A database URL PostgreSQL serves. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}
