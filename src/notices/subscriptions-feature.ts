/**
 * /subscribe, /unsubscribe, /status, /watch, /unwatch; blocking and unblocking the bot.
 * In groups only chat admins may change the group's subscription.
 */
import { Composer } from 'grammy';
import type { SubscriptionStore } from './store.js';
import type { BotContext } from '../bot/context.js';
import type { BotDeps } from '../bot/deps.js';

const MAX_WATCHES = 10;

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
    await ctx.reply(ctx.t.adminsOnly);
  });
  chats.command('subscribe', async (ctx) => {
    const before = store.subscriber(ctx.chat.id);
    store.subscribe(ctx.chat.id, ctx.chat.type, ctx.lang);
    await ctx.reply(before?.active ? ctx.t.alreadySubscribed : ctx.t.subscribed);
  });
  chats.command('unsubscribe', async (ctx) => {
    await ctx.reply(store.deactivate(ctx.chat.id, 'unsubscribed') ? ctx.t.unsubscribed : ctx.t.notSubscribed);
  });
  chats.command('status', async (ctx) => {
    const s = store.subscriber(ctx.chat.id);
    const reports = deps.engine().index.reports.size;
    await ctx.reply(s?.active ? ctx.t.statusLine(s.subscribedAt.slice(0, 10), reports) : ctx.t.statusOff(reports));
  });
  chats.command('watch', async (ctx) => {
    const words = ctx.match.replace(/\s+/g, ' ').trim().slice(0, 100);
    if (!words) return void (await ctx.reply(ctx.t.watchUsage));
    if (store.watches(ctx.chat.id).length >= MAX_WATCHES) return void (await ctx.reply(ctx.t.watching(store.watches(ctx.chat.id))));
    store.subscribe(ctx.chat.id, ctx.chat.type, ctx.lang);
    store.addWatch(ctx.chat.id, words);
    await ctx.reply(ctx.t.watching(store.watches(ctx.chat.id)));
  });
  chats.command('unwatch', async (ctx) => {
    store.removeWatches(ctx.chat.id);
    await ctx.reply(ctx.t.unwatched);
  });
  // A private chat's my_chat_member says "kicked" when the user blocks the bot, "member" when unblocked.
  feature.on('my_chat_member', (ctx) => {
    const status = ctx.myChatMember.new_chat_member.status;
    if (status === 'kicked' || status === 'left') store.deactivate(ctx.chat.id, 'blocked');
    else if (status === 'member' || status === 'administrator') store.reactivate(ctx.chat.id);
  });
  return feature;
}
