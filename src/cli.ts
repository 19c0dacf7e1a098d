/**
 * What every command-line entry point shares: flags parsed strictly (a mistyped flag is an
 * error, not a question) and one mapping from errors to a one-line message and an exit
 * code: 0 done, 1 error (a broken index included: the message names the command to run),
 * 2 configuration or usage, 3 DATA_DIR not writable.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError, describeError, IndexError, NewerSchemaError, StorageError, DatabaseFileError } from './errors.js';
import { log } from './log.js';

/** Parses flags with node:util; an unknown or malformed flag throws a ConfigError carrying `usage`. */
export function parseCli<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, usage: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (cause) {
    throw new ConfigError(`${describeError(cause)}\nusage: ${usage}`, { cause });
  }
}

/** Runs an entry point and exits with its code, or with one line and the code its error maps to. */
export function runMain(main: () => Promise<number>, dataDir: () => string): void {
  // A reader that stopped reading ("… | head") has all it wants: done, not a crash with a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      // A configuration error first: reading where the data lives reads the configuration again.
      const storage = error instanceof ConfigError ? undefined : StorageError.from(error, dataDir());
      if (storage) log.error(storage.message);
      else if (
        error instanceof ConfigError ||
        error instanceof IndexError ||
        error instanceof DatabaseFileError ||
        error instanceof NewerSchemaError
      )
        log.error(error.message);
      else log.error(error);
      process.exit(error instanceof ConfigError ? 2 : storage ? 3 : 1);
    },
  );
}
