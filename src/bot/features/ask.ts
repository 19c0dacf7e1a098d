/**
 * Questions: any text in a private chat; in groups, /ask <question> or a mention of the bot.
 */
import { Composer } from 'grammy';
import type { BotContext } from '../context.js';
import type { BotDeps } from '../create-bot.js';
import { replyWithAnswer, showTyping } from '../reply.js';
import type { AnswerCache } from '../answer-cache.js';
import { rateLimit } from '../middleware/rate-limit.js';

/** Answers `question` in the current chat, showing "typing…" while it works. */
export async function answerInChat(ctx: BotContext, deps: BotDeps, cache: AnswerCache, question: string): Promise<void> {
  await showTyping(ctx);
  const answer = await deps.engine().answer(question, 5);
  await replyWithAnswer(ctx, answer, cache);
}

export function askFeature(deps: BotDeps, cache: AnswerCache): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const limited = feature.use(rateLimit(deps.rateLimit));

  limited.command('ask', async (ctx) => {
    const question = ctx.match.trim();
    if (!question) return void (await ctx.reply(ctx.t.askUsage));
    await answerInChat(ctx, deps, cache, question);
  });

  limited.on('message:text', async (ctx, next) => {
    const text = ctx.message.text;
    if (text.startsWith('/')) return next(); // commands belong to other features or the fallback
    if (ctx.chat.type === 'private') return answerInChat(ctx, deps, cache, text);
    const username = ctx.me.username;
    const mention = new RegExp(`@${username}\\b`, 'i');
    if (username && mention.test(text)) return answerInChat(ctx, deps, cache, text.replace(mention, ' ').trim());
    return next();
  });
  return feature;
}
