/**
 * Inline buttons: an answer card expanding in place (its paragraph, ±1 paragraph, its
 * section outline, other matches), paragraphs and the table of contents sent as new
 * messages (from a refusal), and example questions.
 */
import { Composer, InlineKeyboard } from 'grammy';
import type { ParsedReport } from '../../corpus/types.js';
import type { AnswerCache } from '../answer-cache.js';
import { decodeCallback, encodeCallback, reportKey } from '../callback-data.js';
import type { BotContext } from '../context.js';
import type { BotDeps } from '../deps.js';
import { clipText, contextMessages, escapeHtml, MAX_TITLE, tableOfContents } from '../format.js';
import { answerInChat, answerView, replyWithAnswer, showTyping } from '../reply.js';
import { exampleQuestions, workingExamples } from '../../answer/examples.js';

function findReport(deps: BotDeps, key: string): ParsedReport | undefined {
  for (const report of deps.engine().index.reports.values()) if (reportKey(report.id) === key) return report;
  return undefined;
}

/** Table-of-contents entries offered as buttons (Telegram allows 100; a chat screen shows far fewer). */
const MAX_CONTENTS_BUTTONS = 24;

/** A double tap asks for the view already shown; Telegram answers "message is not modified". */
const ignoreNotModified = (error: unknown): void => {
  if (!String(error).includes('message is not modified')) throw error;
};

export function buttonsFeature(deps: BotDeps, cache: AnswerCache): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.on('callback_query:data', async (ctx) => {
    const action = decodeCallback(ctx.callbackQuery.data);
    if (!action) return void (await ctx.answerCallbackQuery({ text: ctx.t.invalid }));
    switch (action.kind) {
      case 'context':
      case 'wider': {
        const report = findReport(deps, action.report);
        if (!report || action.paragraph < 1 || action.paragraph > report.paragraphs.length)
          return void (await ctx.answerCallbackQuery({ text: ctx.t.expired }));
        await ctx.answerCallbackQuery();
        const n = action.paragraph;
        const messages = action.kind === 'wider' ? contextMessages(report, n - 1, n + 1) : contextMessages(report, n, n);
        for (const [i, text] of messages.entries()) {
          const last = i === messages.length - 1;
          const keyboard =
            last && action.kind === 'context'
              ? new InlineKeyboard().text(ctx.t.widerContext, encodeCallback({ kind: 'wider', report: action.report, paragraph: n }))
              : undefined;
          await ctx.reply(text, { parse_mode: 'HTML', reply_markup: keyboard });
        }
        return;
      }
      case 'contents': {
        const report = findReport(deps, action.report);
        if (!report) return void (await ctx.answerCallbackQuery({ text: ctx.t.expired }));
        await ctx.answerCallbackQuery();
        const keyboard = new InlineKeyboard();
        for (const entry of tableOfContents(report).slice(0, MAX_CONTENTS_BUTTONS))
          keyboard
            .text(
              `${entry.path.length > 1 ? '   ' : ''}${clipText(entry.label, 48)}`,
              encodeCallback({ kind: 'context', report: action.report, paragraph: entry.paragraph }),
            )
            .row();
        await ctx.reply(`<b>${escapeHtml(ctx.t.contents)}</b> — ${escapeHtml(clipText(report.meta.shortTitle ?? report.meta.title, MAX_TITLE))}`, {
          parse_mode: 'HTML',
          reply_markup: keyboard,
        });
        return;
      }
      case 'view': {
        const answer = cache.get(action.question, ctx.chat?.id ?? ctx.callbackQuery.message?.chat.id);
        if (!answer) return void (await ctx.answerCallbackQuery({ text: ctx.t.expired }));
        const item = answer.answers[action.page];
        if (!item) return void (await ctx.answerCallbackQuery({ text: ctx.t.noMore }));
        const report = deps.engine().index.reports.get(item.citation.reportId);
        if (!report && action.view !== 'card') return void (await ctx.answerCallbackQuery({ text: ctx.t.expired }));
        await ctx.answerCallbackQuery();
        const { text, keyboard } = answerView(answer, action.question, action.page, ctx.t, action.view, report);
        await ctx.editMessageText(text, { parse_mode: 'HTML', reply_markup: keyboard, link_preview_options: { is_disabled: true } }).catch(ignoreNotModified);
        return;
      }
      case 'example': {
        const question = (await exampleQuestions(deps.engine(), ctx.lang))[action.index];
        if (!question) return void (await ctx.answerCallbackQuery({ text: ctx.t.expired }));
        await ctx.answerCallbackQuery();
        await answerInChat(ctx, deps, cache, question);
        return;
      }
      case 'reportExample': {
        const report = findReport(deps, action.report);
        const question = report ? (await workingExamples(deps.engine(), report, ctx.lang))[action.index] : undefined;
        if (!report || !question) return void (await ctx.answerCallbackQuery({ text: ctx.t.expired }));
        await ctx.answerCallbackQuery();
        await showTyping(ctx);
        await replyWithAnswer(ctx, deps, await deps.engine().answer(question, 5, report.id), cache);
        return;
      }
    }
  });
  return feature;
}
