/**
 * `npm start`: loads configuration, brings the index up to date (building it on first
 * run), then runs the Telegram bot, or, without TELEGRAM_BOT_TOKEN, the same conversation
 * in the terminal.
 */
import 'dotenv/config';
import { describeIngest, openRuntime, type Runtime } from './app.js';
import { createBot } from './bot/create-bot.js';
import { DbCardStore } from './bot/card-store.js';
import { openDatabases } from './db/open.js';
import { startBot, type RunningBot } from './bot/run.js';
import { loadConfig, type Config } from './config.js';
import type { BotDeps } from './bot/deps.js';
import { runMain } from './cli.js';
import { describeError } from './errors.js';
import { log, registerSecret } from './log.js';
import { createProgress } from './progress.js';
import { runTerminal } from './terminal.js';
import { healthCheck, observe, startMetricsServer } from './metrics.js';
import { startNotices } from './notices/service.js';

let dataDir = 'data';

async function main(): Promise<number> {
  const config = loadConfig();
  log.quiet = config.quiet;
  dataDir = config.dataDir;
  registerSecret(config.token);
  if (config.databaseUrl) {
    registerSecret(config.databaseUrl);
    const password = new URL(config.databaseUrl).password;
    if (password) registerSecret(decodeURIComponent(password));
  }
  const runtime = await openRuntime(config, createProgress());
  runtime.dense.then(
    () => runtime.engine.mode === 'hybrid' && log.info('The vector index is loaded: answering by meaning and words.'),
    (error: unknown) => log.error(`${describeError(error)} Answering by words only meanwhile.`),
  );
  void runtime.readAhead();
  const deps: BotDeps = {
    engine: () => runtime.engine,
    adminIds: config.adminIds,
    reindex: async () => describeIngest(await runtime.refresh()),
  };
  if (!config.token) {
    log.info('No TELEGRAM_BOT_TOKEN set: running the conversation in the terminal.');
    await runTerminal(() => runtime.engine, { input: process.stdin, output: process.stdout });
    return 0;
  }
  observeRuntime(runtime);
  const metricsServer = config.metricsPort ? await startMetricsServer(config.metricsPort) : undefined;
  if (metricsServer) log.info(`Health and metrics on http://127.0.0.1:${metricsServer.port}/healthz and /metrics.`);
  try {
    await runBot({ ...config, token: config.token }, runtime, deps);
  } finally {
    await metricsServer?.stop();
  }
  return 0;
}

/** The bot with its notices, until SIGINT/SIGTERM or until it cannot go on (a revoked token: its error is thrown). */
async function runBot(config: Config & { token: string }, runtime: Runtime, deps: BotDeps): Promise<void> {
  const stopping = new AbortController();
  let running: RunningBot | undefined;
  const stopped = onStopSignal(() => stopping.abort());
  const databases = openDatabases(config.dataDir, config.databaseUrl);
  const notices = await startNotices({
    token: config.token,
    apiRoot: config.apiRoot,
    db: databases.notices,
    corpusDir: config.corpusDir,
    runtime,
    pollMs: config.corpusPollMs,
    sources: { file: config.sourcesFile, pollMs: config.sourcesPollMs, allowPrivate: config.sourcesAllowPrivate },
    dispatcher: { claimMs: config.outboxClaimMs },
  }).catch(async (error: unknown) => {
    await databases.close();
    throw error;
  });
  try {
    const cards = await DbCardStore.open(databases.cards);
    const bot = createBot(config.token, { ...deps, plugins: [notices.plugin], cards }, { apiRoot: config.apiRoot });
    running = await Promise.race([
      startBot(bot, {
        webhookUrl: config.webhookUrl,
        port: config.port,
        host: config.webhookHost,
        webhookSecret: config.webhookSecret,
        signal: stopping.signal,
        plugins: [notices.plugin],
      }),
      stopped.then(() => undefined),
    ]);
    // Runs until SIGINT/SIGTERM, or until the bot cannot go on (a revoked token): then a graceful stop and its error.
    const fatal = await Promise.race([
      stopped.then(() => undefined),
      running?.failed ?? new Promise<undefined>(() => undefined),
    ]);
    if (fatal) throw fatal;
  } finally {
    await running?.stop();
    await notices.stop();
    await databases.close();
  }
}

/** For operators: the index's size and generation, and whether one is loaded (GET /healthz, /metrics). */
function observeRuntime(runtime: Runtime): void {
  observe('rqb_index_reports', 'Reports in the live index.', () => [{ value: runtime.engine.index.reports.size }]);
  observe('rqb_index_chunks', 'Chunks (sentences) in the live index.', () => [
    { value: runtime.engine.index.chunkCount },
  ]);
  observe(
    'rqb_index_generation',
    'The live index generation (its name as a label).',
    () => [{ labels: { generation: runtime.generation }, value: 1 }],
    ['generation'],
  );
  healthCheck('index', () => ({
    ok: runtime.engine.index.reports.size > 0,
    detail: `${runtime.engine.index.reports.size} report(s), ${runtime.generation}`,
  }));
}

/** Resolves on SIGINT or SIGTERM, after `onStop` (in-flight replies then finish). */
function onStopSignal(onStop: () => void): Promise<void> {
  return new Promise<void>((resolve) => {
    const shutdown = (signal: string): void => {
      log.info(`${signal}: finishing in-flight replies, then stopping.`);
      onStop();
      resolve();
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
  });
}

runMain(main, () => dataDir);
