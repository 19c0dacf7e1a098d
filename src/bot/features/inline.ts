/** Inline mode: "@bot question" in any chat offers the top quotes as shareable cards. */
import { Composer, InlineQueryResultBuilder } from 'grammy';
import type { BotContext } from '../context.js';
import type { BotDeps } from '../deps.js';
import { answerHtml } from '../format.js';

export function inlineFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.on('inline_query', async (ctx) => {
    const question = ctx.inlineQuery.query.trim();
    if (!question) return void (await ctx.answerInlineQuery([], { cache_time: 60 }));
    const answer = await deps.engine().answer(question, 5);
    const results = answer.answers.map((item, i) =>
      InlineQueryResultBuilder.article(`a${i}`, item.quote.text.slice(0, 64), {
        description: `${answer.confidence === 'low' ? '≈ ' : ''}${item.citation.section.split(' › ').at(-1)} · ¶${item.citation.paragraph}`,
      }).text(answerHtml(item, '', answer.confidence === 'low' ? ctx.t.lowConfidence : '', ctx.me.username), {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
      }),
    );
    await ctx.answerInlineQuery(results, { cache_time: 300 });
  });
  return feature;
}
