/**
 * `npm run ingest [-- --rebuild] [-- --allow-empty]`: brings the index in DATA_DIR up to date
 * with CORPUS_DIR, embedding only new or changed reports. Prints progress and a one-line
 * summary. An empty CORPUS_DIR removes the indexed reports only with --allow-empty.
 */
import 'dotenv/config';
import { describeIngest, openEmbedder } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { ingest } from '../src/ingest.js';
import { parseCli, runMain } from '../src/cli.js';
import { log } from '../src/log.js';
import { createProgress } from '../src/progress.js';

const USAGE = 'npm run ingest [-- --rebuild] [-- --allow-empty]';

async function main(argv: string[]): Promise<number> {
  const { values } = parseCli(argv, { rebuild: { type: 'boolean' }, 'allow-empty': { type: 'boolean' } }, USAGE);
  const config = loadConfig();
  log.quiet = config.quiet;
  const embedder = await openEmbedder(config);
  const summary = await ingest({
    corpusDir: config.corpusDir,
    dataDir: config.dataDir,
    embedder,
    rebuild: values.rebuild === true,
    allowEmpty: values['allow-empty'] === true,
    progress: createProgress(),
  });
  log.info(
    summary.wroteGeneration
      ? describeIngest(summary)
      : `Index is up to date (${summary.unchanged.length} reports, ${summary.totalChunks} chunks); nothing embedded.`,
  );
  return 0;
}

runMain(
  () => main(process.argv.slice(2)),
  () => loadConfig().dataDir,
);
