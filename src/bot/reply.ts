/**
 * Turning an Answer into a Telegram reply: the message text for one page and its
 * buttons, and answering in a chat. Shared by the ask feature, the example buttons and paging.
 */
import { describeError } from '../errors.js';
import { InlineKeyboard } from 'grammy';
import type { Answer } from '../answer/types.js';
import type { AnswerCache } from './answer-cache.js';
import { encodeCallback, reportKey } from './callback-data.js';
import type { BotContext } from './context.js';
import { answerHtml, refusalHtml } from './format.js';
import type { Strings } from './i18n.js';
import { log } from '../log.js';
import type { BotDeps } from './deps.js';

const short = (s: string, n = 40): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Text and buttons for page `page` of an answer (a refusal has one page). */
export function answerPage(answer: Answer, questionId: string, page: number, t: Strings): { text: string; keyboard: InlineKeyboard } {
  const keyboard = new InlineKeyboard();
  if (answer.abstained) {
    for (const s of answer.nearestSections)
      keyboard
        .text(
          `§ ${short(s.section.split(' › ').at(-1)!)} ¶${s.paragraph}`,
          encodeCallback({ kind: 'context', report: reportKey(s.reportId), paragraph: s.paragraph }),
        )
        .row();
    return { text: refusalHtml(answer, t), keyboard };
  }
  const item = answer.answers[page];
  const report = reportKey(item.citation.reportId);
  const paragraph = item.citation.paragraph;
  keyboard
    .text(t.moreContext, encodeCallback({ kind: 'context', report, paragraph }))
    .text(t.section, encodeCallback({ kind: 'section', report, paragraph }))
    .row();
  const n = answer.answers.length;
  if (n > 1 && page === 0) keyboard.text(t.otherMatches, encodeCallback({ kind: 'page', question: questionId, page: 1 }));
  else if (n > 1) {
    keyboard.text(t.prev, encodeCallback({ kind: 'page', question: questionId, page: page - 1 }));
    if (page + 1 < n) keyboard.text(t.next, encodeCallback({ kind: 'page', question: questionId, page: page + 1 }));
  }
  return { text: answerHtml(item, page > 0 ? t.match(page + 1, n) : '', answer.confidence === 'low' ? t.lowConfidence : ''), keyboard };
}

/**
 * Shows "typing…". A courtesy: a Bot API server without chat actions is logged once and
 * never stops the answer.
 */
export async function showTyping(ctx: BotContext): Promise<void> {
  await ctx
    .replyWithChatAction('typing')
    .catch((error: unknown) => log.warnOnce('chat-action', 'sendChatAction failed (answers continue without a typing indicator):', describeError(error)));
}

/** Answers a question in the chat: the first page with its buttons. */
export async function replyWithAnswer(ctx: BotContext, answer: Answer, cache: AnswerCache): Promise<void> {
  const id = cache.put(answer, ctx.chat?.id ?? 0);
  const { text, keyboard } = answerPage(answer, id, 0, ctx.t);
  await ctx.reply(text, { parse_mode: 'HTML', reply_markup: keyboard, link_preview_options: { is_disabled: true } });
}

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
