/**
 * Questions: any text in a private chat; in groups, /ask <question>, a mention of the bot,
 * or a reply to one of its answers. Greetings, thanks and "help" get the welcome, a short
 * reply or the help instead of a search. Editing a question edits its answer.
 */
import { Composer } from 'grammy';
import type { BotContext } from '../context.js';
import type { BotDeps } from '../deps.js';
import { escapeHtml } from '../format.js';
import {
  answerInChat,
  askEngine,
  firstView,
  ignoreNotModified,
  questionOf,
  sendReports,
  sendWelcome,
  showTyping,
} from '../reply.js';
import type { AnswerCache } from '../answer-cache.js';
import { LruMap } from '../../lru-map.js';
import { smallTalkOf } from '../small-talk.js';
import { metrics } from '../../metrics.js';
import { followUp } from '../../answer/message.js';

/** How long a chat's question is there for a follow-up to lean on. */
const FOLLOW_UP_MS = 5 * 60_000;
/** Questions whose answer message is remembered, so an edit of the question can edit the answer. */
const EDITABLE = 5_000;

export function askFeature(deps: BotDeps, cache: AnswerCache): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  /** "chat:question message" → the answer's message id. */
  const answers = new LruMap<string, number>(EDITABLE);
  /** Chat → its last question, for follow-ups (in memory only: nothing of a conversation is kept beyond minutes). */
  const recent = new LruMap<number, { question: string; at: number }>(EDITABLE);

  feature
    .filter((ctx) => questionOf(ctx) !== undefined)
    .use(async (ctx) => {
      const question = questionOf(ctx)!;
      if (!question) return void (await ctx.reply(ctx.t.askUsage));
      const talk = smallTalkOf(question);
      if (talk) metrics.questions.inc({ outcome: 'small_talk' });
      switch (talk) {
        case 'greeting':
          return sendWelcome(ctx, deps);
        case 'thanks':
          return void (await ctx.reply(ctx.t.youAreWelcome));
        case 'help':
          return void (await ctx.reply(escapeHtml(ctx.t.help(ctx.me.username)), { parse_mode: 'HTML' }));
        case 'reports':
          return sendReports(ctx, deps);
      }
      // A message leaning on the chat's previous question ("and in 2022?", "what about legal aid?") is read with it.
      const previous = recent.get(ctx.chat!.id);
      const readAs =
        previous && Date.now() - previous.at < FOLLOW_UP_MS ? followUp(previous.question, question) : undefined;
      recent.set(ctx.chat!.id, { question: readAs ?? question, at: Date.now() });
      const answerId = await answerInChat(ctx, deps, cache, question, readAs);
      if (answerId !== undefined) answers.set(`${ctx.chat!.id}:${ctx.message!.message_id}`, answerId);
    });

  feature.on('edited_message:text', async (ctx) => {
    const key = `${ctx.chat.id}:${ctx.editedMessage.message_id}`;
    const answerId = answers.get(key);
    const question = answerId === undefined ? undefined : editedQuestion(ctx);
    if (answerId === undefined || !question || smallTalkOf(question)) return;
    await showTyping(ctx);
    const { text, keyboard } = await firstView(ctx, deps, await askEngine(deps, question), cache);
    await ctx.api
      .editMessageText(ctx.chat.id, answerId, text, {
        parse_mode: 'HTML',
        reply_markup: keyboard,
        link_preview_options: { is_disabled: true },
      })
      .catch(ignoreNotModified);
  });
  return feature;
}

/** The question an edited message now asks (the same rules as a new message). */
function editedQuestion(ctx: BotContext): string | undefined {
  const text = ctx.editedMessage?.text?.replace(/^\/ask(@\w+)?/i, '').trim();
  if (!text || !ctx.chat) return undefined;
  if (ctx.chat.type === 'private') return text;
  const mention = new RegExp(`@${ctx.me.username}\\b`, 'i');
  return text.replace(mention, ' ').trim();
}
