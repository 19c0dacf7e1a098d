/** /start, /help, /about, /reports: what the bot is and what it knows. */
import { Composer, InlineKeyboard } from 'grammy';
import type { BotContext } from '../context.js';
import { encodeCallback } from '../callback-data.js';
import { escapeHtml, packMessages, reportLine } from '../format.js';
import type { BotDeps } from '../deps.js';
import { exampleQuestions } from '../examples.js';

export function infoFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const reportLines = (ctx: BotContext): string => {
    const reports = [...deps.engine().index.reports.values()];
    return reports.length ? reports.map(reportLine).join('\n') : escapeHtml(ctx.t.noReports);
  };

  feature.command('start', async (ctx) => {
    await deps.onStart?.(ctx);
    const keyboard = new InlineKeyboard();
    exampleQuestions(deps).forEach((q, index) => keyboard.text(q.slice(0, 60), encodeCallback({ kind: 'example', index })).row());
    const note = deps.engine().mode === 'lexical' && deps.announceLexical ? `\n\n<i>${escapeHtml(ctx.t.lexicalOnly)}</i>` : '';
    for (const [i, text] of packMessages([ctx.t.start(reportLines(ctx)) + note]).entries()) {
      await ctx.reply(text, { parse_mode: 'HTML', reply_markup: i === 0 ? keyboard : undefined });
    }
  });
  feature.command('help', (ctx) => ctx.reply(escapeHtml(ctx.t.help), { parse_mode: 'HTML' }));
  feature.command('about', (ctx) => ctx.reply(escapeHtml(ctx.t.about), { parse_mode: 'HTML' }));
  feature.command('reports', async (ctx) => {
    for (const text of packMessages([`<b>${escapeHtml(ctx.t.reportsHeader)}</b>`, reportLines(ctx)])) await ctx.reply(text, { parse_mode: 'HTML' });
  });
  return feature;
}
