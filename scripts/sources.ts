/**
 * `npm run sources -- --once`: polls every source in SOURCES_FILE once, downloads new or
 * changed reports into CORPUS_DIR, prints what each source gave, then brings the index up to
 * date. (The running bot polls every SOURCES_POLL_S seconds by itself and announces new reports;
 * reports fetched here are announced by the bot's next start.)
 */
import 'dotenv/config';
import { existsSync } from 'node:fs';
import { describeIngest, openEmbedder } from '../src/app.js';
import { parseCli, runMain } from '../src/cli.js';
import { ConfigError } from '../src/errors.js';
import { loadConfig } from '../src/config.js';
import { ingest } from '../src/ingest.js';
import { log } from '../src/log.js';
import { loadSourceList, pollSources } from '../src/notices/sources.js';
import { openDatabases } from '../src/db/open.js';
import { SubscriptionStore } from '../src/notices/store.js';
import { createProgress } from '../src/progress.js';

const USAGE = 'npm run sources -- --once';

async function main(argv: string[]): Promise<number> {
  const { values } = parseCli(argv, { once: { type: 'boolean' } }, USAGE);
  if (values.once !== true) throw new ConfigError(`usage: ${USAGE} (the running bot polls by itself)`);
  const config = loadConfig({ ...process.env, TELEGRAM_BOT_TOKEN: '' });
  log.quiet = config.quiet;
  if (!existsSync(config.sourcesFile))
    throw new ConfigError(`SOURCES_FILE (${config.sourcesFile}) does not exist: create it with one source URL a line.`);
  const databases = openDatabases(config.dataDir, config.databaseUrl);
  const store = await SubscriptionStore.open(databases.notices);
  try {
    const reports = await pollSources(loadSourceList(config.sourcesFile), {
      corpusDir: config.corpusDir,
      store,
      allowPrivate: config.sourcesAllowPrivate,
      intervalMs: config.sourcesPollMs,
    });
    for (const r of reports)
      process.stdout.write(
        `${r.source}: ${r.error ? `error: ${r.error}` : `${r.found} found, ${r.downloaded.length} downloaded${r.downloaded.length ? ` (${r.downloaded.join(', ')})` : ''}, ${r.unchanged} unchanged`}\n`,
      );
  } finally {
    await databases.close();
  }
  const summary = await ingest({
    corpusDir: config.corpusDir,
    dataDir: config.dataDir,
    embedder: await openEmbedder(config),
    progress: createProgress(),
  });
  process.stdout.write(`${summary.wroteGeneration ? describeIngest(summary) : 'Index is up to date.'}\n`);
  return 0;
}

runMain(
  () => main(process.argv.slice(2)),
  () => loadConfig({ ...process.env, TELEGRAM_BOT_TOKEN: '' }).dataDir,
);
