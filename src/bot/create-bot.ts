/**
 * The bot factory: grammY Bot with flood control, de-duplication, the reader's language,
 * every feature (one Composer each) and an error boundary. Everything it needs comes in
 * through `deps`, so tests drive the real bot with a real engine against an emulator.
 */
import { autoRetry } from '@grammyjs/auto-retry';
import { Bot, GrammyError, HttpError } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { log } from '../log.js';
import { networkRetry } from './middleware/network.js';
import { AnswerCache } from './answer-cache.js';
import type { BotContext } from './context.js';
import { adminFeature } from './features/admin.js';
import { askFeature } from './features/ask.js';
import { buttonsFeature } from './features/buttons.js';
import { fallbackFeature } from './features/fallback.js';
import { infoFeature } from './features/info.js';
import { inlineFeature } from './features/inline.js';
import { STRINGS, langOf, type Lang, type Strings } from './i18n.js';
import { dedupeUpdates } from './middleware/dedupe.js';
import { rateLimit } from './middleware/rate-limit.js';
import { pluginCommands, type BotDeps, type BotPlugin } from './deps.js';
import { questionOf } from './reply.js';

export interface BotOptions {
  apiRoot?: string | undefined;
  /** Skips the getMe call at start (tests). */
  botInfo?: UserFromGetMe | undefined;
  /** Retries of a failed Bot API call (429 after retry_after, 5xx and network errors with backoff). */
  maxRetryAttempts?: number | undefined;
  maxRetryDelaySeconds?: number | undefined;
}

/** A group message that is neither a command nor a question to the bot: costs nothing, counts for nothing. */
function isGroupChatter(ctx: BotContext): boolean {
  return (
    !!ctx.message && ctx.chat?.type !== 'private' && !ctx.message.text?.startsWith('/') && questionOf(ctx) === undefined
  );
}

/** The bot's words with its plug-ins' commands in /help. */
function stringsWith(plugins: BotPlugin[] | undefined): Record<Lang, Strings> {
  const of = (lang: Lang): Strings => {
    const more = pluginCommands(plugins, lang).map((c) => c.help);
    return { ...STRINGS[lang], help: (bot: string) => STRINGS[lang].help(bot, more) };
  };
  return { en: of('en'), zh: of('zh') };
}

export function createBot(token: string, deps: BotDeps, options: BotOptions = {}): Bot<BotContext> {
  const bot = new Bot<BotContext>(token, {
    client: options.apiRoot ? { apiRoot: options.apiRoot } : {},
    ...(options.botInfo && { botInfo: options.botInfo }),
  });
  // auto-retry retries forever by default; an interactive reply is worth a few tries only, but a
  // long flood-wait (retry_after) is waited out (up to 5 minutes) rather than the answer lost.
  // Network errors are networkRetry's: bounded, and logged when the Bot API goes and comes back.
  bot.api.config.use(
    autoRetry({
      maxRetryAttempts: options.maxRetryAttempts ?? 3,
      maxDelaySeconds: options.maxRetryDelaySeconds ?? 300,
      rethrowInternalServerErrors: false,
      rethrowHttpErrors: true,
    }),
  );
  bot.api.config.use(networkRetry());
  const cache = new AnswerCache(undefined, deps.cards);

  bot.use(dedupeUpdates());
  const strings = stringsWith(deps.plugins);
  bot.use((ctx, next) => {
    ctx.lang = langOf(ctx.from?.language_code);
    ctx.t = strings[ctx.lang];
    return next();
  });
  // One flood limit for the whole bot: every update counts against its sender (a sticker flood
  // too), except group chatter not addressed to the bot, which is ignored without a reply.
  bot.filter((ctx) => !isGroupChatter(ctx), rateLimit(deps.rateLimit));
  bot.use(adminFeature(deps));
  for (const plugin of deps.plugins ?? []) bot.use(plugin.feature);
  bot.use(
    infoFeature(deps),
    askFeature(deps, cache),
    buttonsFeature(deps, cache),
    inlineFeature(deps),
    fallbackFeature(),
  );

  bot.catch(async (err) => {
    const { ctx, error } = err;
    const what =
      error instanceof GrammyError
        ? `Bot API error ${error.error_code}: ${error.description}`
        : error instanceof HttpError
          ? `network error: ${error.message}`
          : error;
    log.error(`update ${ctx.update.update_id} failed:`, what);
    if (ctx.chat && !ctx.inlineQuery) await ctx.reply(ctx.t?.error ?? STRINGS.en.error).catch(() => undefined);
  });
  return bot;
}
