/**
 * Inline mode: "@bot question" in any chat offers the top quotes as shareable cards, each opening
 * with the question it answers. An empty query, or one the reports do not answer, offers a button
 * into the private chat instead of nothing.
 */
import { Composer, InlineQueryResultBuilder } from 'grammy';
import type { BotContext } from '../context.js';
import type { BotDeps } from '../deps.js';
import { answerHtml, clipText } from '../format.js';
import { askEngine } from '../reply.js';

/** Longest result title Telegram shows in full on a phone. */
const TITLE_CHARS = 64;

export function inlineFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.on('inline_query', async (ctx) => {
    const question = ctx.inlineQuery.query.trim();
    const intoChat = { button: { text: ctx.t.inlineIntoChat, start_parameter: 'inline' } };
    if (!question) return void (await ctx.answerInlineQuery([], { cache_time: 60, ...intoChat }));
    const answer = await askEngine(deps, question);
    if (answer.abstained) return void (await ctx.answerInlineQuery([], { cache_time: 60, ...intoChat }));
    const results = answer.answers.map((item, i) =>
      InlineQueryResultBuilder.article(`a${i}`, clipText(item.quote.text, TITLE_CHARS), {
        description: `${answer.confidence === 'low' ? '≈ ' : ''}${item.citation.section.split(' › ').at(-1)} · ¶${item.citation.paragraph}`,
      }).text(
        answerHtml(item, `❓ ${question}`, answer.confidence === 'low' ? ctx.t.lowConfidence : '', ctx.me.username),
        {
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
        },
      ),
    );
    await ctx.answerInlineQuery(results, { cache_time: 300 });
  });
  return feature;
}
