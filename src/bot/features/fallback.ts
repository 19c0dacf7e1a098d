/** Last in line: non-text messages get a one-line hint; unknown commands get the help text. */
import { Composer } from 'grammy';
import type { BotContext } from '../context.js';
import { escapeHtml } from '../format.js';

export function fallbackFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const privateChats = feature.chatType('private');
  privateChats.on('message:text', (ctx) => ctx.reply(escapeHtml(ctx.t.help(ctx.me.username)), { parse_mode: 'HTML' }));
  privateChats.on('message', (ctx) => ctx.reply(ctx.t.nonText));
  feature.on('callback_query', (ctx) => ctx.answerCallbackQuery({ text: ctx.t.invalid }));
  return feature;
}
