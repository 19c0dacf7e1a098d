/**
 * Turning an Answer into a Telegram reply: the message text for one page and its
 * buttons, and answering in a chat. Shared by the ask feature, the example buttons and paging.
 */
import { describeError } from '../errors.js';
import { InlineKeyboard } from 'grammy';
import type { Answer } from '../answer/types.js';
import type { AnswerCache } from './answer-cache.js';
import { encodeCallback, reportKey, type View } from './callback-data.js';
import type { BotContext } from './context.js';
import {
  answerHtml,
  clipText,
  contextMessages,
  escapeHtml,
  MAX_TITLE,
  packMessages,
  paragraphHtml,
  paragraphViewHtml,
  refusalHtml,
  reportLine,
  sectionOutline,
  tableOfContents,
} from './format.js';
import { exampleQuestions } from '../answer/examples.js';
import type { ParsedReport } from '../corpus/types.js';
import type { Strings } from './i18n.js';
import { log } from '../log.js';
import { metrics } from '../metrics.js';
import type { BotDeps } from './deps.js';
import { reportsOf } from './reports.js';

/** A button label: at most `n` characters, cut between words. */
const short = (s: string, n = 40): string => clipText(s, n);
/** Inline queries hold at most 256 characters. */
const clipQuestion = (q: string): string => clipText(q, 256);

/**
 * Text and buttons for answer `page` of a remembered answer shown as `view` (a refusal has
 * one view). The card offers More context (its paragraph, then ±1), Section (the outline of
 * its part) and Other matches; each expands in the same message, and Less goes back.
 * @param report the answer's report, for the paragraph and outline views
 * @param around the paragraph the outline is centred on (default: the answer's)
 */
export function answerView(
  answer: Answer,
  questionId: string,
  page: number,
  t: Strings,
  view: View = 'card',
  report?: ParsedReport,
  bot?: string,
  around?: number,
): { text: string; keyboard: InlineKeyboard } {
  if (answer.abstained) return refusalView(answer, t);
  const item = answer.answers[page]!;
  const to = (v: View, p = page): string => encodeCallback({ kind: 'view', question: questionId, page: p, view: v });
  const keyboard = new InlineKeyboard();
  if (report && view === 'paragraph') {
    keyboard.text(t.widerContext, to('wider')).text(t.less, to('card')).row().text(t.section, to('outline'));
    return { text: paragraphViewHtml(report, item, false, bot), keyboard };
  }
  if (report && view === 'wider') {
    keyboard.text(t.less, to('card')).text(t.section, to('outline'));
    return { text: paragraphViewHtml(report, item, true, bot), keyboard };
  }
  if (report && view === 'outline') return outlineView(questionId, page, t, report, item.citation.paragraph, around);
  keyboard.text(t.moreContext, to('paragraph')).text(t.section, to('outline')).row();
  const n = answer.answers.length;
  if (n > 1 && page === 0) keyboard.text(t.otherMatches, to('card', 1));
  else if (n > 1) {
    keyboard.text(t.prev, to('card', page - 1));
    if (page + 1 < n) keyboard.text(t.next, to('card', page + 1));
  }
  // Share: the same question asked inline in another chat, so the quote goes there as a card.
  keyboard.row().switchInline(t.share, clipQuestion(answer.question));
  if (item.citation.reportUrl) keyboard.url(t.original, item.citation.reportUrl);
  const header = page > 0 ? t.match(page + 1, n) : answer.readAs ? t.readAs(answer.readAs) : '';
  return {
    text: answerHtml(item, header, answer.confidence === 'low' ? t.lowConfidence : '', bot),
    keyboard: compact(keyboard),
  };
}

/** A refusal: the nearest sections as buttons, and a way to browse the report. */
function refusalView(answer: Answer, t: Strings): { text: string; keyboard: InlineKeyboard } {
  const keyboard = new InlineKeyboard();
  for (const s of answer.nearestSections)
    keyboard
      .text(
        `§ ${short(s.section.split(' › ').at(-1)!)} ¶${s.paragraph}`,
        encodeCallback({ kind: 'context', report: reportKey(s.reportId), paragraph: s.paragraph }),
      )
      .row();
  const browse = answer.nearestSections[0]?.reportId;
  if (browse) keyboard.text(t.browse, encodeCallback({ kind: 'contents', report: reportKey(browse) })).row();
  return { text: refusalHtml(answer, t), keyboard };
}

/**
 * Shows "typing…". A courtesy: a Bot API server without chat actions is logged once and
 * never stops the answer.
 */
export async function showTyping(ctx: BotContext): Promise<void> {
  await ctx
    .replyWithChatAction('typing')
    .catch((error: unknown) =>
      log.warnOnce(
        'chat-action',
        'sendChatAction failed (answers continue without a typing indicator):',
        describeError(error),
      ),
    );
}

/**
 * Answers a question in the chat: the card with its buttons (a refusal also offers an
 * example question that works). Returns the sent message's id.
 */
export async function replyWithAnswer(
  ctx: BotContext,
  deps: BotDeps,
  answer: Answer,
  cache: AnswerCache,
): Promise<number> {
  const { text, keyboard } = await firstView(ctx, deps, answer, cache);
  const sent = await ctx.reply(text, {
    parse_mode: 'HTML',
    reply_markup: keyboard,
    link_preview_options: { is_disabled: true },
    ...replyTo(ctx),
  });
  return sent.message_id;
}

/** The card (or refusal) a new answer opens with. */
export async function firstView(
  ctx: BotContext,
  deps: BotDeps,
  answer: Answer,
  cache: AnswerCache,
): Promise<{ text: string; keyboard: InlineKeyboard }> {
  const id = await cache.put(answer, ctx.chat?.id ?? 0, ctx.lang);
  const view = answerView(answer, id, 0, ctx.t, 'card', undefined, ctx.me.username);
  // A question nothing in the reports relates to: one line of what they are, then an example that works.
  if (answer.abstained && !answer.notAQuestion && !answer.nearestSections.length) {
    const reports = reportsOf(deps.engine()).list();
    const titles = reports.slice(0, 2).map((r) => clipText(r.meta.shortTitle ?? r.meta.title, 60));
    if (titles.length) view.text += `\n${escapeHtml(ctx.t.covers(titles, reports.length - titles.length))}`;
  }
  if (answer.abstained) {
    const [example] = await exampleQuestions(deps.engine(), ctx.lang);
    if (example)
      view.keyboard.text(`💡 ${short(example, 60)}`, encodeCallback({ kind: 'example', index: 0, lang: ctx.lang }));
  }
  return view;
}

/** Answers `question` in the current chat, showing "typing…" while it works; returns the answer's message id. */
export async function answerInChat(
  ctx: BotContext,
  deps: BotDeps,
  cache: AnswerCache,
  question: string,
  readAs?: string,
): Promise<number | undefined> {
  await showTyping(ctx);
  const answer = { ...(await askEngine(deps, readAs ?? question)), ...(readAs ? { readAs } : {}) };
  // "Summarize the report", "what is it about?": no passage answers it; the report's contents do (its own headings), or
  // the list of reports when there are several.
  if (answer.notAQuestion === 'overview') {
    const reports = reportsOf(deps.engine()).list();
    if (reports.length === 1) return void (await sendContents(ctx, reports[0]!));
    return void (await sendReports(ctx, deps));
  }
  // In a group, a reply to the bot that asks nothing it can answer ("lol ok, that is wild", an emoji) is chatter
  // between members: no refusal card in the group.
  if (answer.abstained && isReplyToBot(ctx)) return undefined;
  return replyWithAnswer(ctx, deps, answer, cache);
}

/** A group message that only replies to one of the bot's messages (no /ask, no mention). */
function isReplyToBot(ctx: BotContext): boolean {
  const text = ctx.message?.text ?? '';
  return (
    ctx.chat?.type !== 'private' &&
    ctx.message?.reply_to_message?.from?.id === ctx.me.id &&
    !ctx.hasCommand('ask') &&
    !new RegExp(`@${ctx.me.username}\\b`, 'i').test(text)
  );
}

/**
 * The welcome: what the bot does, the reports it knows, and example questions that work (in a group, how to ask there).
 */
export async function sendWelcome(ctx: BotContext, deps: BotDeps): Promise<void> {
  const bot = ctx.me.username;
  if (ctx.chat?.type !== 'private')
    return void (await ctx.reply(escapeHtml(ctx.t.startGroup(bot)), { parse_mode: 'HTML' }));
  const engine = deps.engine();
  const reports = reportsOf(engine).list();
  const lines = reports.length
    ? reports.slice(0, MAX_WELCOME_REPORTS).map(reportLine).join('\n')
    : escapeHtml(ctx.t.noReports);
  const more = reports.length > MAX_WELCOME_REPORTS ? `\n… /reports` : '';
  const keyboard = new InlineKeyboard();
  (await exampleQuestions(engine, ctx.lang)).forEach((q, index) =>
    keyboard.text(short(q, 60), encodeCallback({ kind: 'example', index, lang: ctx.lang })).row(),
  );
  const [text = ''] = packMessages([ctx.t.start(lines + more)]);
  await ctx.reply(text, { parse_mode: 'HTML', reply_markup: keyboard, link_preview_options: { is_disabled: true } });
}

/** A double tap asks for the view already shown; Telegram answers "message is not modified": nothing to do. */
export const ignoreNotModified = (error: unknown): void => {
  if (!String(error).includes('message is not modified')) throw error;
};

/** Asks the engine, counting the outcome and timing the answer for /metrics. */
export async function askEngine(deps: BotDeps, question: string, onlyReport?: string): Promise<Answer> {
  const started = performance.now();
  const answer = await deps.engine().answer(question, ANSWERS_PER_CARD, onlyReport);
  metrics.answerSeconds.observe((performance.now() - started) / 1000);
  metrics.questions.inc({
    outcome: answer.notAQuestion ? 'not_a_question' : answer.abstained ? 'refused' : (answer.confidence ?? 'high'),
  });
  return answer;
}

/** Passages a card pages through (the card, then Other matches). */
export const ANSWERS_PER_CARD = 5;

/** Reports listed in the welcome; /reports lists them all, a page at a time. */
const MAX_WELCOME_REPORTS = 10;
export const REPORTS_PER_PAGE = 15;

/** Page `page` of /reports: one message, ◀ ▶ turning the pages in place. */
/** The list of reports, its first page (each line links its report's page: no preview of the first one). */
export async function sendReports(ctx: BotContext, deps: BotDeps): Promise<void> {
  const { text, keyboard } = reportsPage(deps, 0, ctx.t);
  await ctx.reply(text, { parse_mode: 'HTML', reply_markup: keyboard, link_preview_options: { is_disabled: true } });
}

export function reportsPage(deps: BotDeps, page: number, t: Strings): { text: string; keyboard: InlineKeyboard } {
  const reports = reportsOf(deps.engine()).list();
  const keyboard = new InlineKeyboard();
  if (!reports.length) return { text: escapeHtml(t.noReports), keyboard };
  const pages = Math.ceil(reports.length / REPORTS_PER_PAGE);
  const p = Math.min(Math.max(0, page), pages - 1);
  const shown = reports.slice(p * REPORTS_PER_PAGE, (p + 1) * REPORTS_PER_PAGE);
  const header =
    pages > 1
      ? t.reportsPage(p * REPORTS_PER_PAGE + 1, p * REPORTS_PER_PAGE + shown.length, reports.length)
      : t.reportsHeader;
  if (p > 0) keyboard.text(t.prev, encodeCallback({ kind: 'reports', page: p - 1 }));
  if (p < pages - 1) keyboard.text(t.next, encodeCallback({ kind: 'reports', page: p + 1 }));
  const [text = ''] = packMessages([`<b>${escapeHtml(header)}</b>`, ...shown.map(reportLine)], undefined, '\n');
  return { text, keyboard };
}

/** The question a message puts to the bot ("" for a bare /ask), or undefined when it is not addressed to it. */
export function questionOf(ctx: BotContext): string | undefined {
  // A photo or document sent with a caption asks what its caption says.
  const text = ctx.message?.text ?? ctx.message?.caption;
  if (!text || !ctx.chat) return undefined;
  if (ctx.hasCommand('ask')) return text.replace(/^\/ask(@\w+)?/i, '').trim();
  if (text.startsWith('/')) return undefined; // other commands belong to other features or the fallback
  if (ctx.chat.type === 'private') return text;
  // In a group, replying to one of the bot's answers asks it a (follow-up) question.
  if (ctx.message?.reply_to_message?.from?.id === ctx.me.id) return text;
  const username = ctx.me.username;
  const mention = new RegExp(`@${username}\\b`, 'i');
  return username && mention.test(text) ? text.replace(mention, ' ').trim() : undefined;
}

/** In a group, an answer replies to the question it answers (and still goes out if that message is gone). */
function replyTo(ctx: BotContext): { reply_parameters?: { message_id: number; allow_sending_without_reply: boolean } } {
  const id = ctx.message?.message_id;
  return id !== undefined && ctx.chat?.type !== 'private'
    ? { reply_parameters: { message_id: id, allow_sending_without_reply: true } }
    : {};
}

/** Drops empty rows (a row started for buttons that did not apply). */
function compact(keyboard: InlineKeyboard): InlineKeyboard {
  for (let i = keyboard.inline_keyboard.length - 1; i >= 0; i--)
    if (!keyboard.inline_keyboard[i]!.length) keyboard.inline_keyboard.splice(i, 1);
  return keyboard;
}

/** The report whose short key (callback data, deep links) is `key`. */
export function findReport(deps: BotDeps, key: string): ParsedReport | undefined {
  return reportsOf(deps.engine()).byKey(key);
}

/** Table-of-contents entries offered as buttons (Telegram allows 100; a chat screen shows far fewer). */
const MAX_CONTENTS_BUTTONS = 24;

/** Paragraphs `from`…`to` of a report as new messages; a single paragraph offers ±1. */
export async function sendParagraphs(ctx: BotContext, report: ParsedReport, from: number, to: number): Promise<void> {
  const messages = contextMessages(report, from, to);
  for (const [i, text] of messages.entries()) {
    const keyboard =
      i === messages.length - 1 && from === to
        ? new InlineKeyboard().text(
            ctx.t.widerContext,
            encodeCallback({ kind: 'wider', report: reportKey(report.id), paragraph: from }),
          )
        : undefined;
    await ctx.reply(text, keyboard ? { parse_mode: 'HTML', reply_markup: keyboard } : { parse_mode: 'HTML' });
  }
}

/** A report's table of contents: its parts and subsections as buttons that open their text in this same message. */
export function contentsView(report: ParsedReport, t: Strings): { text: string; keyboard: InlineKeyboard } {
  const key = reportKey(report.id);
  const keyboard = new InlineKeyboard();
  for (const entry of tableOfContents(report).slice(0, MAX_CONTENTS_BUTTONS))
    keyboard
      .text(
        `${entry.path.length > 1 ? '   ' : ''}${clipText(entry.label, 48)}`,
        encodeCallback({ kind: 'contentsParagraph', report: key, paragraph: entry.paragraph }),
      )
      .row();
  return {
    text: `<b>${escapeHtml(t.contents)}</b> — ${escapeHtml(clipText(report.meta.shortTitle ?? report.meta.title, MAX_TITLE))}`,
    keyboard: compact(keyboard),
  };
}

/** The table of contents as a new message. */
export async function sendContents(ctx: BotContext, report: ParsedReport): Promise<void> {
  const { text, keyboard } = contentsView(report, ctx.t);
  await ctx.reply(text, keyboard ? { parse_mode: 'HTML', reply_markup: keyboard } : { parse_mode: 'HTML' });
}

/** A paragraph opened from the table of contents, in place: ±1 as a new message, back to the contents. */
export function contentsParagraphView(
  report: ParsedReport,
  paragraph: number,
  t: Strings,
  bot?: string,
): { text: string; keyboard: InlineKeyboard } {
  const key = reportKey(report.id);
  const keyboard = new InlineKeyboard()
    .text(t.contents, encodeCallback({ kind: 'contentsInPlace', report: key }))
    .text(t.widerContext, encodeCallback({ kind: 'wider', report: key, paragraph }));
  return { text: paragraphHtml(report, paragraph, bot), keyboard };
}

/**
 * The section outline of an answer, in place: up to OUTLINE_WINDOW items around paragraph `around`, each a
 * button opening its text; ◀ ▶ move the window through the part; Less back to the card, Contents.
 */
function outlineView(
  questionId: string,
  page: number,
  t: Strings,
  report: ParsedReport,
  n: number,
  around = n,
): { text: string; keyboard: InlineKeyboard } {
  const outline = sectionOutline(report, n, t, around);
  const keyboard = new InlineKeyboard();
  for (const entry of outline.items)
    keyboard
      .text(
        `${entry.path.length > 2 ? '  ' : ''}${clipText(entry.label, 48)}`,
        encodeCallback({ kind: 'jump', question: questionId, page, paragraph: entry.paragraph }),
      )
      .row();
  const at = (paragraph: number): string =>
    encodeCallback({ kind: 'outlineAt', question: questionId, page, paragraph });
  if (outline.earlier !== undefined) keyboard.text(t.prev, at(outline.earlier));
  if (outline.later !== undefined) keyboard.text(t.next, at(outline.later));
  keyboard.row().text(t.less, encodeCallback({ kind: 'view', question: questionId, page, view: 'card' }));
  keyboard.text(t.contents, encodeCallback({ kind: 'contents', report: reportKey(report.id) }));
  return { text: outline.html, keyboard: compact(keyboard) };
}

/** The outline of an answer's section centred on paragraph `around` (its ◀ ▶ buttons). */
export function outlineAtView(
  answer: Answer,
  questionId: string,
  page: number,
  t: Strings,
  report: ParsedReport,
  around: number,
): { text: string; keyboard: InlineKeyboard } {
  return outlineView(questionId, page, t, report, answer.answers[page]!.citation.paragraph, around);
}

/** A paragraph opened from the section outline, in place: back to the outline (around it), or Less back to the card. */
export function jumpView(
  questionId: string,
  page: number,
  t: Strings,
  report: ParsedReport,
  paragraph: number,
  bot?: string,
): { text: string; keyboard: InlineKeyboard } {
  const keyboard = new InlineKeyboard()
    .text(t.section, encodeCallback({ kind: 'outlineAt', question: questionId, page, paragraph }))
    .text(t.less, encodeCallback({ kind: 'view', question: questionId, page, view: 'card' }));
  return { text: paragraphHtml(report, paragraph, bot), keyboard };
}
