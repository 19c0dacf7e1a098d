/**
 * The one database interface the stores are written against: SQLite (a file, the default that needs
 * nothing) or PostgreSQL (`DATABASE_URL`, shared by several replicas). Statements are written once, in
 * the SQL both understand, with `?` placeholders; what differs (column types, locking) goes through
 * `dialect`. Schema changes are numbered migrations applied in order at open.
 */

export type Dialect = 'sqlite' | 'postgres';

export type Param = string | number | null;

/** A migration: one SQL script, or one per dialect where their DDL differs. */
export type Migration = string | Record<Dialect, string>;

export interface Db {
  readonly dialect: Dialect;
  /** Where the data is, for messages: a file path, or the PostgreSQL host and database (never the password). */
  readonly where: string;
  /** Runs a statement; returns the number of rows it changed. */
  run(sql: string, params?: Param[]): Promise<number>;
  /** The rows a query (or a statement with RETURNING) gives. */
  all<T = Record<string, unknown>>(sql: string, params?: Param[]): Promise<T[]>;
  get<T = Record<string, unknown>>(sql: string, params?: Param[]): Promise<T | undefined>;
  /** Runs `fn` in one transaction: all of its statements take effect, or (when it throws) none. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /**
   * Brings the schema named `schema` to the last of `migrations`; returns whether it was created now (it had no
   * version). A database of a newer version than the program knows is refused (NewerSchemaError).
   */
  migrate(schema: string, migrations: Migration[]): Promise<{ created: boolean }>;
  /**
   * Whether this process holds the lock named `name` (taken on the first call that finds it free, kept until the
   * process ends or closes the database; taken over by another process when this one dies). SQLite serves one
   * process: always true.
   */
  holdsLock(name: string): Promise<boolean>;
  close(): Promise<void>;
}

/** The SQL of a migration for a dialect. */
export function migrationSql(m: Migration, dialect: Dialect): string {
  return typeof m === 'string' ? m : m[dialect];
}
