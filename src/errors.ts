/**
 * The project's named errors. Each message says what went wrong and what to do next.
 */

/** One line saying what an error was, whatever was thrown. */
export function describeError(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The stored index cannot be used as it is; the message names the command that fixes it. */
export class IndexError extends Error {
  override name = 'IndexError';
}

/** Nothing was indexed: the corpus folder holds no report the bot can read. */
export class EmptyIndexError extends IndexError {
  override name = 'EmptyIndexError';
  constructor(readonly corpusDir: string) {
    super(
      `No report is indexed: CORPUS_DIR (${corpusDir}) holds no .txt, .md, .html, .pdf or .docx report the bot could read. Add one there, then start again (or npm run ingest).`,
    );
  }
}

/** Another process is ingesting into the same DATA_DIR (a replica, or `npm run ingest` beside the bot). */
export class IngestBusyError extends IndexError {
  override name = 'IngestBusyError';
  constructor(
    readonly dataDir: string,
    readonly pid: number | undefined,
  ) {
    super(`Another ingest${pid ? ` (pid ${pid})` : ''} is running on ${dataDir}; wait for it to finish.`);
  }
}

export class DimensionMismatchError extends IndexError {
  override name = 'DimensionMismatchError';
  constructor(
    readonly expected: number,
    readonly actual: number,
  ) {
    super(
      `Vector dimension ${actual} does not match the index dimension ${expected}. Rebuild the index: npm run ingest -- --rebuild`,
    );
  }
}

/** One report file could not be ingested; the others still are. */
export class ReportFileError extends Error {
  override name = 'ReportFileError';
  constructor(
    readonly file: string,
    /** Why, without the file's name ("is empty."): what a record of the failure keeps. */
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

/** The embedding model could not be loaded; search falls back to lexical only. */
export class ModelUnavailableError extends Error {
  override name = 'ModelUnavailableError';
  constructor(
    readonly model: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`Embedding model "${model}" could not be loaded (${reason}); answering with lexical search only.`, options);
  }
}

/** The model's files changed while the process had it loaded (rebuilt or replaced): its vectors would be mixed. */
export class ModelChangedError extends Error {
  override name = 'ModelChangedError';
  constructor(readonly file: string) {
    super(`${file} changed since the model was loaded; restart the bot (or the command) to load the new model.`);
  }
}

const STORAGE_CODES: Record<string, string> = {
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENOTDIR: 'a path component is not a directory',
  SQLITE_FULL: 'no space left on the device',
  SQLITE_READONLY: 'the database is read-only',
  SQLITE_CANTOPEN: 'the database file cannot be opened',
  SQLITE_IOERR_WRITE: 'a write failed',
};

/**
 * A write to DATA_DIR failed (read-only, full, no permission). Built from the system error
 * so the message says what happened and what to do, instead of a stack trace.
 */
export class StorageError extends Error {
  override name = 'StorageError';
  constructor(dataDir: string, reason: string, options?: { cause?: unknown }) {
    super(
      `Cannot write to DATA_DIR (${dataDir}): ${reason}. Free some space or set DATA_DIR to a writable directory; the index and subscriptions already there are unchanged.`,
      options,
    );
  }

  /** A StorageError for a file-system or SQLite write error, or undefined for any other error. */
  static from(error: unknown, dataDir: string): StorageError | undefined {
    const code = (error as { code?: string } | undefined)?.code;
    const reason = code ? STORAGE_CODES[code] : undefined;
    return reason ? new StorageError(dataDir, reason, { cause: error }) : undefined;
  }
}

/** The subscriptions database exists but is not one SQLite can read (damaged, or another file). */
/** A SQLite file in DATA_DIR (subscriptions.db, cards.db) is damaged or is no database. */
export class DatabaseFileError extends Error {
  override name = 'DatabaseFileError';
  constructor(path: string, reason: string, options?: { cause?: unknown }) {
    super(
      `The database ${path} cannot be read (${reason}). Move it aside (mv "${path}" "${path}.broken") and start again: a new, empty database is created (for subscriptions.db, subscribers have to /subscribe again; for cards.db, older cards' buttons say they expired).`,
      options,
    );
  }
}

/** A database written by a newer version of the program: never downgraded, the program must be updated. */
export class NewerSchemaError extends Error {
  override name = 'NewerSchemaError';
  constructor(
    readonly path: string,
    readonly version: number,
    readonly known: number,
  ) {
    super(
      `The database ${path} has schema version ${version}, newer than this program knows (${known}): update the program (git pull && npm ci).`,
    );
  }
}
