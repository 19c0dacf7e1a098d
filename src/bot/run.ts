/**
 * Running the bot: command menu, then long polling (grammY runner: concurrent updates)
 * or, when WEBHOOK_URL is set, a webhook server. Stops gracefully: no new updates are
 * taken and in-flight replies finish before `stop` resolves.
 */
import { run } from '@grammyjs/runner';
import { Api, GrammyError, webhookCallback, type Bot } from 'grammy';
import { DEFAULT_WEBHOOK_HOST } from '../config.js';
import { ConfigError, describeError } from '../errors.js';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { log, registerSecret } from '../log.js';
import { healthCheck, serveOperators } from '../metrics.js';
import type { BotContext } from './context.js';
import { commandMenu, STRINGS } from './i18n.js';
import { pluginCommands, type BotPlugin } from './deps.js';

export interface RunningBot {
  stop(): Promise<void>;
  /** Settles only if the bot cannot go on (the token was revoked): with the error to stop on. */
  failed: Promise<Error>;
}

/** Pause between getUpdates attempts while the Bot API is unreachable (the runner's default doubles without bound). */
const POLL_RETRY_MS = 2000;
/** Back-off while another instance polls with the same token (409), doubling up to the maximum. */
const CONFLICT_RETRY_MS = 5000;
const CONFLICT_RETRY_MAX_MS = 60_000;

/**
 * Registers the command menus (private chats; groups, where /ask is how to ask) and the
 * bot's description (the empty chat's "What can this bot do?") in English and Chinese. A
 * server without these methods only logs it.
 */
async function registerCommands(bot: Bot<BotContext>, plugins: BotPlugin[] | undefined): Promise<void> {
  try {
    for (const lang of ['en', 'zh'] as const) {
      const language = lang === 'en' ? {} : { language_code: lang };
      const more = pluginCommands(plugins, lang);
      await bot.api.setMyCommands(commandMenu(lang, 'private', more), {
        scope: { type: 'all_private_chats' },
        ...language,
      });
      await bot.api.setMyCommands(commandMenu(lang, 'group', more), {
        scope: { type: 'all_group_chats' },
        ...language,
      });
      await bot.api.setMyDescription(STRINGS[lang].description, language);
      await bot.api.setMyShortDescription(STRINGS[lang].shortDescription, language);
    }
  } catch (error) {
    log.warn('could not register the command menu or description:', describeError(error));
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
  for (let delay = 1; ; delay = Math.min(delay * 2, 30)) {
    try {
      bot.botInfo = await api.getMe();
      return;
    } catch (error) {
      if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404)) {
        throw new ConfigError(
          `The Bot API rejected TELEGRAM_BOT_TOKEN (${error.error_code} ${error.description}): check the token in .env.`,
        );
      }
      if (signal?.aborted) throw new Error('stopped before the Bot API could be reached');
      log.warn(`Bot API not reachable (${describeError(error)}); retrying in ${delay}s.`);
      // A stop request (SIGTERM) ends the wait at once rather than after it.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay * 1000);
        signal?.addEventListener(
          'abort',
          () => {
            clearTimeout(timer);
            resolve();
          },
          { once: true },
        );
      });
      if (signal?.aborted) throw new Error('stopped before the Bot API could be reached');
    }
  }
}

export interface StartOptions {
  webhookUrl?: string | undefined;
  port: number;
  /** Interface the webhook server listens on (default loopback: a reverse proxy forwards to it). */
  host?: string | undefined;
  /** Secret Telegram must send with each update (X-Telegram-Bot-Api-Secret-Token); random when not given. */
  webhookSecret?: string | undefined;
  signal?: AbortSignal | undefined;
  /** The plug-ins the bot was built with (createBot's deps.plugins): their commands join the menu. */
  plugins?: BotPlugin[] | undefined;
}

const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query', 'inline_query', 'my_chat_member'] as const;

/** When the Bot API last answered us (or, with a webhook, last sent an update). */
let telegramContact = 0;
/** Healthy while Telegram was in contact this recently (long polling asks every 30 s). */
const CONTACT_MS = 5 * 60_000;

export async function startBot(bot: Bot<BotContext>, options: StartOptions): Promise<RunningBot> {
  bot.api.config.use(async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    telegramContact = Date.now();
    return result;
  });
  healthCheck('telegram', () => {
    const ago = Date.now() - telegramContact;
    return {
      ok: ago < CONTACT_MS,
      detail: telegramContact ? `last contact ${Math.round(ago / 1000)} s ago` : 'no contact yet',
    };
  });
  await identify(bot, options.signal);
  await registerCommands(bot, options.plugins);
  if (!options.webhookUrl) {
    await bot.api.deleteWebhook().catch((error: unknown) => log.warn('deleteWebhook failed:', describeError(error)));
    const polling = startPolling(bot);
    log.info(`Bot @${bot.botInfo.username} is running (long polling).`);
    return polling;
  }
  return startWebhook(bot, { ...options, webhookUrl: options.webhookUrl });
}

/**
 * Long polling under supervision: the runner stops on 401 and 409, which it cannot retry.
 * 409 (another instance polls with this token) is retried with back-off and one line each
 * time; 401 (the token was revoked) ends the bot through `failed`.
 */
function startPolling(bot: Bot<BotContext>): RunningBot {
  let handle: ReturnType<typeof run> | undefined;
  let stopping = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let fail: (error: Error) => void = () => undefined;
  const failed = new Promise<Error>((resolve) => (fail = resolve));
  const launch = (conflictDelay: number): void => {
    if (stopping) return;
    handle = run(bot, {
      runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] }, retryInterval: POLL_RETRY_MS, silent: true },
    });
    handle.task()?.then(
      () => undefined,
      (error: unknown) => {
        if (stopping) return;
        if (error instanceof GrammyError && error.error_code === 409) {
          log.warn(
            `Another instance is polling with this bot token (409 Conflict); trying again in ${conflictDelay / 1000}s. Stop the other instance, or use one WEBHOOK_URL for all.`,
          );
          retryTimer = setTimeout(() => launch(Math.min(conflictDelay * 2, CONFLICT_RETRY_MAX_MS)), conflictDelay);
        } else if (error instanceof GrammyError && error.error_code === 401) {
          fail(
            new ConfigError(
              'The Bot API no longer accepts TELEGRAM_BOT_TOKEN (401 Unauthorized): it was revoked or changed. Put the current token from @BotFather in .env and start again.',
            ),
          );
        } else {
          fail(error instanceof Error ? error : new Error(String(error)));
        }
      },
    );
  };
  launch(CONFLICT_RETRY_MS);
  return {
    failed,
    async stop() {
      stopping = true;
      clearTimeout(retryTimer);
      if (handle?.isRunning()) await handle.stop();
    },
  };
}

/**
 * The webhook server: only requests carrying the secret registered with setWebhook reach the
 * bot; anything else (a forged update from whoever can reach the port) is answered 401.
 */
async function startWebhook(bot: Bot<BotContext>, options: StartOptions & { webhookUrl: string }): Promise<RunningBot> {
  const secret = options.webhookSecret ?? randomBytes(32).toString('hex');
  registerSecret(secret);
  const host = options.host ?? DEFAULT_WEBHOOK_HOST;
  const inFlight = new Set<Promise<unknown>>();
  const callback = webhookCallback(bot, 'http', { secretToken: secret });
  let forged = 0;
  const server: Server = createServer((req, res) => {
    if (serveOperators(req, res)) return;
    if (!secretMatches(req.headers['x-telegram-bot-api-secret-token'], secret)) {
      // Logged on the first and then every 100th, so a flood cannot fill the log.
      if (forged++ % 100 === 0)
        log.warn(
          `webhook: refused ${forged} request(s) without the right secret token (latest from ${req.socket.remoteAddress}).`,
        );
      res.writeHead(401).end();
      req.resume();
      return;
    }
    telegramContact = Date.now();
    const done = callback(req, res).catch((error: unknown) => log.error('webhook update failed:', error));
    inFlight.add(done);
    void done.finally(() => inFlight.delete(done));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, resolve);
  });
  await bot.api.setWebhook(options.webhookUrl, { allowed_updates: [...ALLOWED_UPDATES], secret_token: secret });
  log.info(`Bot @${bot.botInfo.username} is running (webhook on ${host}:${options.port}).`);
  return {
    failed: new Promise<Error>(() => undefined), // a webhook server has nothing to give up on: Telegram retries
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.allSettled([...inFlight]);
    },
  };
}

/** Constant-time comparison of the secret header. */
function secretMatches(header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== 'string') return false;
  const a = Buffer.from(header);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}
