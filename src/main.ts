/**
 * `npm start`: loads configuration, brings the index up to date (building it on first
 * run), then runs the Telegram bot, or, without TELEGRAM_BOT_TOKEN, the same conversation
 * in the terminal.
 */
import 'dotenv/config';
import { describeIngest, openRuntime } from './app.js';
import { createBot } from './bot/create-bot.js';
import { exampleQuestions } from './bot/features/info.js';
import { startBot } from './bot/run.js';
import { loadConfig } from './config.js';
import { ConfigError, IndexError } from './errors.js';
import { log, registerSecret } from './log.js';
import { createProgress } from './progress.js';
import { runTerminal } from './terminal.js';
import { startNotices } from './notices/service.js';

async function main(): Promise<number> {
  const config = loadConfig();
  registerSecret(config.token);
  const runtime = await openRuntime(config, createProgress());
  const deps = {
    engine: () => runtime.engine,
    adminIds: config.adminIds,
    announceLexical: !runtime.embedder,
    reindex: async () => describeIngest(await runtime.refresh()),
  };
  if (!config.token) {
    log.info('No TELEGRAM_BOT_TOKEN set: running the conversation in the terminal.');
    await runTerminal(deps.engine, { input: process.stdin, output: process.stdout, examples: exampleQuestions(deps) });
    return 0;
  }
  const notices = await startNotices({ token: config.token, apiRoot: config.apiRoot, dataDir: config.dataDir, corpusDir: config.corpusDir, runtime, pollMs: Number(process.env.CORPUS_POLL_MS) || undefined });
  const bot = createBot(config.token, { ...deps, ...notices.botDeps }, { apiRoot: config.apiRoot });
  const running = await startBot(bot, { webhookUrl: config.webhookUrl, port: config.port });
  await new Promise<void>((resolve) => {
    const shutdown = (signal: string): void => {
      log.info(`${signal}: finishing in-flight replies, then stopping.`);
      void running
        .stop()
        .then(() => notices.stop())
        .then(resolve);
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
  });
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof ConfigError || error instanceof IndexError) log.error(error.message);
    else log.error(error);
    process.exit(error instanceof ConfigError ? 2 : 1);
  },
);
