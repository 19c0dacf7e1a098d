/**
 * Running the bot: command menu, then long polling (grammY runner: concurrent updates)
 * or, when WEBHOOK_URL is set, a webhook server. Stops gracefully: no new updates are
 * taken and in-flight replies finish before `stop` resolves.
 */
import { run } from '@grammyjs/runner';
import { Api, GrammyError, webhookCallback, type Bot } from 'grammy';
import { ConfigError } from '../errors.js';
import { createServer, type Server } from 'node:http';
import { log } from '../log.js';
import type { BotContext } from './context.js';
import { commandMenu } from './create-bot.js';

export interface RunningBot {
  stop(): Promise<void>;
}

/** Registers the command menu in English and Chinese; a server without the method only logs it. */
export async function registerCommands(bot: Bot<BotContext>): Promise<void> {
  try {
    await bot.api.setMyCommands(commandMenu('en'));
    await bot.api.setMyCommands(commandMenu('zh'), { language_code: 'zh' });
  } catch (error) {
    log.warn('could not register the command menu:', error instanceof Error ? error.message : error);
  }
}

/**
 * Fetches the bot's identity (getMe) before anything else, retrying with a logged line
 * while the Bot API cannot be reached; a rejected token stops start-up. A plain Api is used
 * so the retries are visible (auto-retry would retry network errors silently forever).
 */
async function identify(bot: Bot<BotContext>, signal?: AbortSignal): Promise<void> {
  if (bot.isInited()) return;
  // Same server and client options as the bot's own Api, without its transformers.
  const api = new Api(bot.token, bot.api.options);
  for (let delay = 1; ; delay = Math.min(delay * 2, 60)) {
    try {
      bot.botInfo = await api.getMe();
      return;
    } catch (error) {
      if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404)) {
        throw new ConfigError(`The Bot API rejected TELEGRAM_BOT_TOKEN (${error.error_code} ${error.description}): check the token in .env.`);
      }
      log.warn(`Bot API not reachable (${error instanceof Error ? error.message : String(error)}); retrying in ${delay}s.`);
      await new Promise((r) => setTimeout(r, delay * 1000));
      if (signal?.aborted) throw new Error('stopped before the Bot API could be reached');
    }
  }
}

export async function startBot(bot: Bot<BotContext>, options: { webhookUrl?: string; port: number; signal?: AbortSignal }): Promise<RunningBot> {
  await identify(bot, options.signal);
  await registerCommands(bot);
  if (!options.webhookUrl) {
    await bot.api.deleteWebhook().catch((error) => log.warn('deleteWebhook failed:', error instanceof Error ? error.message : error));
    const handle = run(bot, { runner: { fetch: { allowed_updates: ['message', 'callback_query', 'inline_query', 'my_chat_member'] } } });
    log.info(`Bot @${bot.botInfo.username} is running (long polling).`);
    return { stop: () => (handle.isRunning() ? handle.stop() : Promise.resolve()) };
  }
  const inFlight = new Set<Promise<unknown>>();
  const callback = webhookCallback(bot, 'http');
  const server: Server = createServer((req, res) => {
    const done = callback(req, res).catch((error: unknown) => log.error('webhook update failed:', error));
    inFlight.add(done);
    void done.finally(() => inFlight.delete(done));
  });
  await new Promise<void>((resolve) => server.listen(options.port, resolve));
  await bot.api.setWebhook(options.webhookUrl, { allowed_updates: ['message', 'callback_query', 'inline_query', 'my_chat_member'] });
  log.info(`Bot @${bot.botInfo.username} is running (webhook on port ${options.port}).`);
  return {
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.allSettled([...inFlight]);
    },
  };
}
