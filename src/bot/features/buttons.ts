/**
 * Inline buttons: an answer card expanding in place (its paragraph, ±1 paragraph, its
 * section outline, other matches), paragraphs and the table of contents sent as new
 * messages (from a refusal), and example questions.
 */
import { Composer } from 'grammy';
import type { AnswerCache } from '../answer-cache.js';
import { decodeCallback } from '../callback-data.js';
import type { BotContext } from '../context.js';
import { STRINGS } from '../i18n.js';
import type { BotDeps } from '../deps.js';
import {
  answerInChat,
  askEngine,
  answerView,
  contentsParagraphView,
  contentsView,
  findReport,
  ignoreNotModified,
  jumpView,
  outlineAtView,
  replyWithAnswer,
  reportsPage,
  sendContents,
  sendParagraphs,
  showTyping,
} from '../reply.js';
import { exampleQuestions, workingExamples } from '../../answer/examples.js';

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
        await (action.kind === 'wider' ? sendParagraphs(ctx, report, n - 1, n + 1) : sendParagraphs(ctx, report, n, n));
        return;
      }
      case 'contents':
      case 'contentsInPlace': {
        const report = findReport(deps, action.report);
        if (!report) return void (await ctx.answerCallbackQuery({ text: ctx.t.expired }));
        await ctx.answerCallbackQuery();
        if (action.kind === 'contents') return void (await sendContents(ctx, report));
        const { text, keyboard } = contentsView(report, ctx.t);
        await ctx.editMessageText(text, { parse_mode: 'HTML', reply_markup: keyboard }).catch(ignoreNotModified);
        return;
      }
      case 'contentsParagraph': {
        const report = findReport(deps, action.report);
        if (!report || action.paragraph < 1 || action.paragraph > report.paragraphs.length)
          return void (await ctx.answerCallbackQuery({ text: ctx.t.expired }));
        await ctx.answerCallbackQuery();
        const { text, keyboard } = contentsParagraphView(report, action.paragraph, ctx.t, ctx.me.username);
        await ctx.editMessageText(text, { parse_mode: 'HTML', reply_markup: keyboard, link_preview_options: { is_disabled: true } }).catch(ignoreNotModified);
        return;
      }
      case 'view': {
        const card = cache.card(action.question, ctx.chat?.id ?? ctx.callbackQuery.message?.chat.id);
        if (!card) return void (await ctx.answerCallbackQuery({ text: ctx.t.expired }));
        const { answer } = card;
        const item = answer.answers[action.page];
        if (!item) return void (await ctx.answerCallbackQuery({ text: ctx.t.noMore }));
        const report = deps.engine().index.reports.get(item.citation.reportId);
        if (!report && action.view !== 'card') return void (await ctx.answerCallbackQuery({ text: ctx.t.reportGone }));
        await ctx.answerCallbackQuery();
        // The card keeps the language it was sent in, whoever in the group taps it.
        const { text, keyboard } = answerView(answer, action.question, action.page, STRINGS[card.lang], action.view, report, ctx.me.username);
        await ctx.editMessageText(text, { parse_mode: 'HTML', reply_markup: keyboard, link_preview_options: { is_disabled: true } }).catch(ignoreNotModified);
        return;
      }
      case 'jump':
      case 'outlineAt': {
        const card = cache.card(action.question, ctx.chat?.id ?? ctx.callbackQuery.message?.chat.id);
        const item = card?.answer.answers[action.page];
        const report = item ? deps.engine().index.reports.get(item.citation.reportId) : undefined;
        if (!report || action.paragraph < 1 || action.paragraph > report.paragraphs.length)
          return void (await ctx.answerCallbackQuery({ text: ctx.t.expired }));
        await ctx.answerCallbackQuery();
        const t = STRINGS[card!.lang];
        const { text, keyboard } =
          action.kind === 'jump'
            ? jumpView(action.question, action.page, t, report, action.paragraph, ctx.me.username)
            : outlineAtView(card!.answer, action.question, action.page, t, report, action.paragraph);
        await ctx.editMessageText(text, { parse_mode: 'HTML', reply_markup: keyboard, link_preview_options: { is_disabled: true } }).catch(ignoreNotModified);
        return;
      }
      case 'example': {
        // The example in the language its button was offered in (a group's members read different languages).
        const question = (await exampleQuestions(deps.engine(), action.lang ?? ctx.lang))[action.index];
        if (!question) return void (await ctx.answerCallbackQuery({ text: ctx.t.expired }));
        await ctx.answerCallbackQuery();
        await answerInChat(ctx, deps, cache, question);
        return;
      }
      case 'reports': {
        await ctx.answerCallbackQuery();
        const { text, keyboard } = reportsPage(deps, action.page, ctx.t);
        await ctx.editMessageText(text, { parse_mode: 'HTML', reply_markup: keyboard }).catch(ignoreNotModified);
        return;
      }
      case 'reportExample': {
        const report = findReport(deps, action.report);
        const question = report ? (await workingExamples(deps.engine(), report, action.lang ?? ctx.lang))[action.index] : undefined;
        if (!report || !question) return void (await ctx.answerCallbackQuery({ text: ctx.t.expired }));
        await ctx.answerCallbackQuery();
        await showTyping(ctx);
        await replyWithAnswer(ctx, deps, await askEngine(deps, question, report.id), cache);
        return;
      }
    }
  });
  return feature;
}
