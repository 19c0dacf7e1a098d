/**
 * `npm run ingest [-- --rebuild] [-- --allow-empty]`: brings the index in DATA_DIR up to date
 * with CORPUS_DIR, embedding only new or changed reports. Prints progress and a one-line
 * summary. An empty CORPUS_DIR removes the indexed reports only with --allow-empty.
 */
import 'dotenv/config';
import { describeIngest, openEmbedder } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { ingest } from '../src/ingest.js';
import { StorageError } from '../src/errors.js';
import { log } from '../src/log.js';
import { createProgress } from '../src/progress.js';

async function main(argv: string[]): Promise<number> {
  const config = loadConfig();
  const { embedder, reason } = await openEmbedder(config);
  const summary = await ingest({ corpusDir: config.corpusDir, dataDir: config.dataDir, embedder, vectorsAbsentReason: reason, rebuild: argv.includes('--rebuild'), allowEmpty: argv.includes('--allow-empty'), progress: createProgress() });
  log.info(summary.wroteGeneration ? describeIngest(summary) : `Index is up to date (${summary.unchanged.length} reports, ${summary.totalChunks} chunks); nothing embedded.`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    const storage = StorageError.from(error, loadConfig().dataDir);
    log.error(storage?.message ?? (error instanceof Error ? error.message : error));
    process.exit(storage ? 3 : 1);
  },
);
