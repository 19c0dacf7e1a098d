/**
 * Questions: any text in a private chat; in groups, /ask <question> or a mention of the bot.
 */
import { Composer } from 'grammy';
import type { BotContext } from '../context.js';
import type { BotDeps } from '../create-bot.js';
import { replyWithAnswer, showTyping } from '../reply.js';
import type { AnswerCache } from '../answer-cache.js';

/** Answers `question` in the current chat, showing "typing…" while it works. */
export async function answerInChat(ctx: BotContext, deps: BotDeps, cache: AnswerCache, question: string): Promise<void> {
  await showTyping(ctx);
  const answer = await deps.engine().answer(question, 5);
  await replyWithAnswer(ctx, answer, cache);
}

/** The question a message puts to the bot ("" for a bare /ask), or undefined when it is not addressed to it. */
export function questionOf(ctx: BotContext): string | undefined {
  const text = ctx.message?.text;
  if (!text || !ctx.chat) return undefined;
  if (ctx.hasCommand('ask')) return text.replace(/^\/ask(@\w+)?/i, '').trim();
  if (text.startsWith('/')) return undefined; // other commands belong to other features or the fallback
  if (ctx.chat.type === 'private') return text;
  const username = ctx.me.username;
  const mention = new RegExp(`@${username}\\b`, 'i');
  return username && mention.test(text) ? text.replace(mention, ' ').trim() : undefined;
}

export function askFeature(deps: BotDeps, cache: AnswerCache): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature
    .filter((ctx) => questionOf(ctx) !== undefined)
    .use(async (ctx) => {
      const question = questionOf(ctx)!;
      if (!question) return void (await ctx.reply(ctx.t.askUsage));
      await answerInChat(ctx, deps, cache, question);
    });
  return feature;
}
