/** /start, /help, /about, /reports: what the bot is and what it knows. */
import { Composer } from 'grammy';
import type { BotContext } from '../context.js';
import { escapeHtml, packMessages, reportLine } from '../format.js';
import type { BotDeps } from '../deps.js';
import { sendWelcome } from '../reply.js';

export function infoFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command('start', async (ctx) => {
    await deps.onStart?.(ctx);
    await sendWelcome(ctx, deps);
  });
  feature.command('help', (ctx) => ctx.reply(escapeHtml(ctx.t.help(ctx.me.username)), { parse_mode: 'HTML' }));
  feature.command('about', (ctx) => ctx.reply(escapeHtml(ctx.t.about), { parse_mode: 'HTML' }));
  feature.command('reports', async (ctx) => {
    const reports = [...deps.engine().index.reports.values()];
    const lines = reports.length ? reports.map(reportLine) : [escapeHtml(ctx.t.noReports)];
    for (const text of packMessages([`<b>${escapeHtml(ctx.t.reportsHeader)}</b>`, ...lines], undefined, '\n')) await ctx.reply(text, { parse_mode: 'HTML' });
  });
  return feature;
}
