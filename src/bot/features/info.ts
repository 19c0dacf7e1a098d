/** /start, /help, /about, /reports: what the bot is and what it knows. */
import { Composer } from 'grammy';
import type { BotContext } from '../context.js';
import { escapeHtml } from '../format.js';
import type { BotDeps } from '../deps.js';
import { findReport, sendContents, sendParagraphs, sendReports, sendWelcome } from '../reply.js';
import { parseStartPayload } from '../callback-data.js';

export function infoFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command('start', async (ctx) => {
    for (const plugin of deps.plugins ?? []) await plugin.onStart?.(ctx);
    // A deep link (t.me/<bot>?start=…) opens what it names; anything else gets the welcome.
    const link = parseStartPayload(ctx.match);
    const report = link ? findReport(deps, link.report) : undefined;
    if (report && link?.kind === 'paragraph' && link.paragraph >= 1 && link.paragraph <= report.paragraphs.length)
      return sendParagraphs(ctx, report, link.paragraph, link.paragraph);
    if (report && link?.kind === 'report') return sendContents(ctx, report);
    await sendWelcome(ctx, deps);
  });
  // Added to a group: a short introduction there, saying how to ask in a group.
  feature.on('my_chat_member', async (ctx) => {
    const { old_chat_member: before, new_chat_member: now } = ctx.myChatMember;
    const joined =
      (now.status === 'member' || now.status === 'administrator') &&
      (before.status === 'left' || before.status === 'kicked');
    if (joined && ctx.chat.type !== 'private') await ctx.reply(ctx.t.startGroup(ctx.me.username));
  });
  feature.command('help', (ctx) => ctx.reply(escapeHtml(ctx.t.help(ctx.me.username)), { parse_mode: 'HTML' }));
  feature.command('about', (ctx) => ctx.reply(escapeHtml(ctx.t.about), { parse_mode: 'HTML' }));
  // One message however many reports: ◀ ▶ turn its pages in place (the buttons feature).
  feature.command('reports', (ctx) => sendReports(ctx, deps));
  return feature;
}
