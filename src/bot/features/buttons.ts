/**
 * Inline buttons: more context, wider context, section outline, paging through other
 * matches (editing the message in place), and example questions.
 */
import { Composer, InlineKeyboard } from 'grammy';
import type { ParsedReport } from '../../corpus/types.js';
import type { AnswerCache } from '../answer-cache.js';
import { decodeCallback, encodeCallback, reportKey } from '../callback-data.js';
import type { BotContext } from '../context.js';
import type { BotDeps } from '../deps.js';
import { contextMessages, sectionOutlineHtml } from '../format.js';
import { answerInChat, answerPage, replyWithAnswer, showTyping } from '../reply.js';
import { exampleQuestions, reportExamples } from '../examples.js';

function findReport(deps: BotDeps, key: string): ParsedReport | undefined {
  for (const report of deps.engine().index.reports.values()) if (reportKey(report.id) === key) return report;
  return undefined;
}

export function buttonsFeature(deps: BotDeps, cache: AnswerCache): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.on('callback_query:data', async (ctx) => {
    const action = decodeCallback(ctx.callbackQuery.data);
    if (!action) return void (await ctx.answerCallbackQuery({ text: ctx.t.invalid }));
    switch (action.kind) {
      case 'context':
      case 'wider':
      case 'section': {
        const report = findReport(deps, action.report);
        if (!report || action.paragraph < 1 || action.paragraph > report.paragraphs.length)
          return void (await ctx.answerCallbackQuery({ text: ctx.t.expired }));
        await ctx.answerCallbackQuery();
        const n = action.paragraph;
        const messages =
          action.kind === 'section'
            ? sectionOutlineHtml(report, n, ctx.t)
            : action.kind === 'wider'
              ? contextMessages(report, n - 1, n + 1)
              : contextMessages(report, n, n);
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
      case 'page': {
        const answer = cache.get(action.question, ctx.chat?.id ?? ctx.callbackQuery.message?.chat.id);
        if (!answer) return void (await ctx.answerCallbackQuery({ text: ctx.t.expired }));
        if (action.page >= answer.answers.length) return void (await ctx.answerCallbackQuery({ text: ctx.t.noMore }));
        await ctx.answerCallbackQuery();
        const { text, keyboard } = answerPage(answer, action.question, action.page, ctx.t);
        await ctx.editMessageText(text, { parse_mode: 'HTML', reply_markup: keyboard, link_preview_options: { is_disabled: true } }).catch((error: unknown) => {
          // A double tap asks for the page already shown; Telegram answers "message is not modified".
          if (!String(error).includes('message is not modified')) throw error;
        });
        return;
      }
      case 'example': {
        const question = exampleQuestions(deps)[action.index];
        if (!question) return void (await ctx.answerCallbackQuery({ text: ctx.t.expired }));
        await ctx.answerCallbackQuery();
        await answerInChat(ctx, deps, cache, question);
        return;
      }
      case 'reportExample': {
        const report = findReport(deps, action.report);
        const question = report ? reportExamples(report)[action.index] : undefined;
        if (!report || !question) return void (await ctx.answerCallbackQuery({ text: ctx.t.expired }));
        await ctx.answerCallbackQuery();
        await showTyping(ctx);
        await replyWithAnswer(ctx, await deps.engine().answer(question, 5, report.id), cache);
        return;
      }
    }
  });
  return feature;
}
