/**
 * Questions: any text in a private chat; in groups, /ask <question> or a mention of the bot.
 */
import { Composer } from 'grammy';
import type { BotContext } from '../context.js';
import type { BotDeps } from '../deps.js';
import { answerInChat, questionOf } from '../reply.js';
import type { AnswerCache } from '../answer-cache.js';

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
