/**
 * The project's named errors. Each message says what went wrong and what to do next.
 */

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The stored index cannot be used as it is; the message names the command that fixes it. */
export class IndexError extends Error {
  override name = 'IndexError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export class DimensionMismatchError extends IndexError {
  override name = 'DimensionMismatchError';
  constructor(
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`Vector dimension ${actual} does not match the index dimension ${expected}. Rebuild the index: npm run ingest -- --rebuild`);
  }
}

/** One report file could not be ingested; the others still are. */
export class ReportFileError extends Error {
  override name = 'ReportFileError';
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

/** The embedding model could not be loaded; search falls back to lexical only. */
export class ModelUnavailableError extends Error {
  override name = 'ModelUnavailableError';
  constructor(
    readonly model: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`Embedding model "${model}" could not be loaded (${reason}); answering with lexical search only.`, options);
  }
}
