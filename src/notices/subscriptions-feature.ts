/**
 * /subscribe, /unsubscribe, /status, /watch, /unwatch; blocking and unblocking the bot.
 * In groups only chat admins may change the group's subscription.
 */
import { Composer, InlineKeyboard } from 'grammy';
import { clipText } from '../bot/format.js';
import type { SubscriptionStore } from './store.js';
import type { BotContext } from '../bot/context.js';
import { reportsOf } from '../bot/reports.js';
import type { BotDeps } from '../bot/deps.js';
import {
  decodeNoticeCallback,
  encodeNoticeCallback,
  SUBSCRIBE_PAYLOAD,
  topicKey,
  type NoticeAction,
} from './callback-data.js';
import { NOTICE_STRINGS, type NoticeStrings } from './strings.js';

const MAX_WATCHES = 10;

/** The notices' words in the reader's language. */
const say = (ctx: BotContext): NoticeStrings => NOTICE_STRINGS[ctx.lang];

async function mayManage(ctx: BotContext): Promise<boolean> {
  if (ctx.chat?.type === 'private') return true;
  if (!ctx.from) return false;
  const member = await ctx.getChatMember(ctx.from.id).catch(() => undefined);
  return member?.status === 'creator' || member?.status === 'administrator';
}

export function subscriptionsFeature(store: SubscriptionStore, deps: Pick<BotDeps, 'engine'>): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const chats = feature.filter((ctx) => !!ctx.chat);

  chats.command(['subscribe', 'unsubscribe', 'watch', 'unwatch'], async (ctx, next) => {
    if (await mayManage(ctx)) return next();
    await ctx.reply(say(ctx).adminsOnly);
  });
  // The subscribe deep link (t.me/<bot>?start=subscribe) is /subscribe.
  chats.command('start', async (ctx, next) => {
    if (ctx.match !== SUBSCRIBE_PAYLOAD) return next();
    if (!(await mayManage(ctx))) return void (await ctx.reply(say(ctx).adminsOnly));
    await subscribeHere(store, ctx);
  });
  chats.command('subscribe', (ctx) => subscribeHere(store, ctx));
  chats.command('unsubscribe', async (ctx) => {
    const was = await store.deactivate(ctx.chat.id, 'unsubscribed');
    await ctx.reply(was ? say(ctx).unsubscribed : say(ctx).notSubscribed);
  });
  chats.command('status', async (ctx) => {
    const { text, keyboard } = await statusView(store, deps, ctx);
    await ctx.reply(text, { reply_markup: keyboard });
  });
  // The buttons of /status and of notices.
  feature.on('callback_query:data', async (ctx, next) => {
    const action = decodeNoticeCallback(ctx.callbackQuery.data);
    if (!action || !ctx.chat) return next();
    await subscriptionButton(store, deps, ctx as BotContext & { chat: NonNullable<BotContext['chat']> }, action);
  });
  chats.command('watch', async (ctx) => {
    const words = ctx.match.replace(/\s+/g, ' ').trim().slice(0, 100);
    if (!words) return void (await ctx.reply(say(ctx).watchUsage));
    const watched = await store.watches(ctx.chat.id);
    if (watched.length >= MAX_WATCHES) return void (await ctx.reply(say(ctx).watching(watched)));
    await store.subscribe(ctx.chat.id, ctx.chat.type, ctx.lang);
    await store.addWatch(ctx.chat.id, words);
    await ctx.reply(say(ctx).watching(await store.watches(ctx.chat.id)));
  });
  chats.command('unwatch', async (ctx) => {
    const words = ctx.match.replace(/\s+/g, ' ').trim();
    if (words && (await store.removeWatch(ctx.chat.id, words)))
      return void (await ctx.reply(say(ctx).unwatchedOne(words)));
    // No topic named (or not one of them): show the list with a button per topic.
    const { text, keyboard } = await statusView(store, deps, ctx);
    await ctx.reply(text, { reply_markup: keyboard });
  });
  // A group upgraded to a supergroup says so in its last message: its subscription moves to the new chat id.
  feature.on('message:migrate_to_chat_id', async (ctx, next) => {
    await store.migrateChat(ctx.chat.id, ctx.message.migrate_to_chat_id);
    await next();
  });
  // A private chat's my_chat_member says "kicked" when the user blocks the bot, "member" when unblocked.
  feature.on('my_chat_member', async (ctx, next) => {
    const status = ctx.myChatMember.new_chat_member.status;
    if (status === 'kicked' || status === 'left') await store.deactivate(ctx.chat.id, 'blocked');
    else if (status === 'member' || status === 'administrator') await store.reactivate(ctx.chat.id);
    await next(); // the bot's own features see it too (a group the bot joins is greeted there)
  });
  return feature;
}

type ChatContext = BotContext & { chat: NonNullable<BotContext['chat']> };

/** Subscribes this chat, saying whether it already was. */
async function subscribeHere(store: SubscriptionStore, ctx: ChatContext): Promise<void> {
  const before = await store.subscriber(ctx.chat.id);
  await store.subscribe(ctx.chat.id, ctx.chat.type, ctx.lang);
  await ctx.reply(before?.active ? say(ctx).alreadySubscribed : say(ctx).subscribed);
}

/** The subscription and watched topics of this chat, with a button for each change. */
async function statusView(
  store: SubscriptionStore,
  deps: Pick<BotDeps, 'engine'>,
  ctx: ChatContext,
): Promise<{ text: string; keyboard: InlineKeyboard }> {
  const s = await store.subscriber(ctx.chat.id);
  const reports = reportsOf(deps.engine()).size;
  const topics = await store.watches(ctx.chat.id);
  const keyboard = new InlineKeyboard().text(
    s?.active ? say(ctx).unsubscribeButton : say(ctx).subscribeButton,
    encodeNoticeCallback({ kind: 'subscription', on: !s?.active, showStatus: true }),
  );
  for (const words of topics)
    keyboard
      .row()
      .text(
        say(ctx).unwatchButton(clipText(words, 40)),
        encodeNoticeCallback({ kind: 'unwatch', topic: topicKey(words) }),
      );
  const lines = [s?.active ? say(ctx).statusLine(s.subscribedAt.slice(0, 10), reports) : say(ctx).statusOff(reports)];
  if (topics.length) lines.push('', say(ctx).watchedTopics, ...topics.map((w) => `• ${w}`));
  return { text: lines.join('\n'), keyboard };
}

/** Subscribe / Unsubscribe and ✖ topic buttons (of /status and of notices). */
async function subscriptionButton(
  store: SubscriptionStore,
  deps: Pick<BotDeps, 'engine'>,
  ctx: ChatContext,
  action: NoticeAction,
): Promise<void> {
  if (!(await mayManage(ctx))) return void (await ctx.answerCallbackQuery({ text: say(ctx).adminsOnly }));
  const chat = ctx.chat;
  if (action.kind === 'subscription' && action.on) await store.subscribe(chat.id, chat.type, ctx.lang);
  else if (action.kind === 'subscription') await store.deactivate(chat.id, 'unsubscribed');
  else {
    // The button names its topic by the topic's own words, so an older /status message removes what it shows.
    const words = (await store.watches(chat.id)).find((w) => topicKey(w) === action.topic);
    if (words) await store.removeWatch(chat.id, words);
  }
  await ctx.answerCallbackQuery({
    text:
      action.kind === 'subscription' ? (action.on ? say(ctx).subscribed : say(ctx).unsubscribed) : say(ctx).unwatched,
  });
  const { text, keyboard } = await statusView(store, deps, ctx);
  // A /status message shows the new state; a notice's button leaves the notice as it is.
  if (action.kind === 'unwatch' || action.showStatus)
    await ctx.editMessageText(text, { reply_markup: keyboard }).catch(() => undefined);
}
