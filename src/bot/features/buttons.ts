/**
 * Inline buttons: an answer card expanding in place (its paragraph, ±1 paragraph, its
 * section outline, other matches), paragraphs and the table of contents sent as new
 * messages (from a refusal), and example questions.
 */
import { Composer, type InlineKeyboard } from 'grammy';
import type { AnswerCache } from '../answer-cache.js';
import { decodeCallback } from '../callback-data.js';
import type { BotContext } from '../context.js';
import { STRINGS } from '../i18n.js';
import type { BotDeps } from '../deps.js';
import { reportsOf } from '../reports.js';
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
import type { ParsedReport } from '../../corpus/types.js';

type Action = NonNullable<ReturnType<typeof decodeCallback>>;
type View = { text: string; keyboard: InlineKeyboard };

/** Shows a view in the tapped message itself. */
const edit = (ctx: BotContext, view: View): Promise<unknown> =>
  ctx
    .editMessageText(view.text, {
      parse_mode: 'HTML',
      reply_markup: view.keyboard,
      link_preview_options: { is_disabled: true },
    })
    .catch(ignoreNotModified);

/** A paragraph number that exists in the report. */
const inReport = (report: ParsedReport | undefined, n: number): report is ParsedReport =>
  !!report && n >= 1 && n <= report.paragraphs.length;

export function buttonsFeature(deps: BotDeps, cache: AnswerCache): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.on('callback_query:data', async (ctx) => {
    const action = decodeCallback(ctx.callbackQuery.data);
    if (!action) return void (await ctx.answerCallbackQuery({ text: ctx.t.invalid }));
    switch (action.kind) {
      case 'context':
      case 'wider':
      case 'contents':
      case 'contentsInPlace':
      case 'contentsParagraph':
        return reportButton(ctx, deps, action);
      case 'view':
      case 'jump':
      case 'outlineAt':
        return cardButton(ctx, deps, cache, action);
      case 'example':
      case 'reportExample':
        return exampleButton(ctx, deps, cache, action);
      case 'reports':
        await ctx.answerCallbackQuery();
        return void (await edit(ctx, reportsPage(deps, action.page, ctx.t)));
    }
  });
  return feature;
}

/** A report's paragraphs (as new messages, or in place from its contents) and its contents. */
async function reportButton(
  ctx: BotContext,
  deps: BotDeps,
  action: Extract<Action, { report: string }>,
): Promise<void> {
  const report = findReport(deps, action.report);
  const n = 'paragraph' in action ? action.paragraph : 1;
  if (!inReport(report, n)) return void (await ctx.answerCallbackQuery({ text: ctx.t.expired }));
  await ctx.answerCallbackQuery();
  if (action.kind === 'context') return sendParagraphs(ctx, report, n, n);
  if (action.kind === 'wider') return sendParagraphs(ctx, report, n - 1, n + 1);
  if (action.kind === 'contents') return sendContents(ctx, report);
  await edit(
    ctx,
    action.kind === 'contentsInPlace'
      ? contentsView(report, ctx.t)
      : contentsParagraphView(report, n, ctx.t, ctx.me.username),
  );
}

/**
 * An answer card's views, in place: the card, its paragraph, ±1, the section outline and a paragraph opened from it.
 */
async function cardButton(
  ctx: BotContext,
  deps: BotDeps,
  cache: AnswerCache,
  action: Extract<Action, { question: string }>,
): Promise<void> {
  const card = await cache.card(action.question, ctx.chat?.id ?? ctx.callbackQuery?.message?.chat.id);
  if (!card) return void (await ctx.answerCallbackQuery({ text: ctx.t.expired }));
  const item = card.answer.answers[action.page];
  if (!item) return void (await ctx.answerCallbackQuery({ text: ctx.t.noMore }));
  const report = reportsOf(deps.engine()).get(item.citation.reportId);
  // The card keeps the language it was sent in, whoever in the group taps it.
  const t = STRINGS[card.lang];
  if (action.kind === 'view') {
    if (!report && action.view !== 'card') return void (await ctx.answerCallbackQuery({ text: ctx.t.reportGone }));
    await ctx.answerCallbackQuery();
    return void (await edit(
      ctx,
      answerView(card.answer, action.question, action.page, t, action.view, report, ctx.me.username),
    ));
  }
  if (!inReport(report, action.paragraph)) return void (await ctx.answerCallbackQuery({ text: ctx.t.expired }));
  await ctx.answerCallbackQuery();
  await edit(
    ctx,
    action.kind === 'jump'
      ? jumpView(action.question, action.page, t, report, action.paragraph, ctx.me.username)
      : outlineAtView(card.answer, action.question, action.page, t, report, action.paragraph),
  );
}

/** An example question, in the language its button was offered in (a group's members read different languages). */
async function exampleButton(
  ctx: BotContext,
  deps: BotDeps,
  cache: AnswerCache,
  action: Extract<Action, { index: number }>,
): Promise<void> {
  const lang = action.lang ?? ctx.lang;
  const report = action.kind === 'reportExample' ? findReport(deps, action.report) : undefined;
  const question =
    action.kind === 'reportExample'
      ? report && (await workingExamples(deps.engine(), report, lang))[action.index]
      : (await exampleQuestions(deps.engine(), lang))[action.index];
  if (!question) return void (await ctx.answerCallbackQuery({ text: ctx.t.expired }));
  await ctx.answerCallbackQuery();
  if (!report) return void (await answerInChat(ctx, deps, cache, question));
  // A new report's example answers from that report.
  await showTyping(ctx);
  await replyWithAnswer(ctx, deps, await askEngine(deps, question, report.id), cache);
}
