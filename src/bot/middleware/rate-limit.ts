/**
 * Flood control for questions: a sliding window per user and one for the whole bot.
 * Over the per-user limit a user gets one polite note per window and is otherwise
 * ignored, so one user's flood costs others almost nothing.
 */
import type { MiddlewareFn } from 'grammy';
import type { BotContext } from '../context.js';

export interface RateLimitOptions {
  /** Questions a user may ask per window (default 20 a minute). */
  perUser: number;
  /** Questions the whole bot answers per window (default 1200 a minute). */
  global: number;
  windowMs: number;
  now: () => number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { perUser: 20, global: 1200, windowMs: 60_000, now: Date.now };

/** A sliding-window counter: `hit` says whether one more event fits. Pure apart from the clock it is given. */
export class SlidingWindow {
  private readonly times: number[] = [];
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  hit(now: number): boolean {
    while (this.times.length && this.times[0] <= now - this.windowMs) this.times.shift();
    if (this.times.length >= this.limit) return false;
    this.times.push(now);
    return true;
  }

  get empty(): boolean {
    return this.times.length === 0;
  }
}

export function rateLimit(options: Partial<RateLimitOptions> = {}): MiddlewareFn<BotContext> {
  const o = { ...DEFAULT_RATE_LIMIT, ...options };
  const users = new Map<number, { window: SlidingWindow; warnedAt: number }>();
  const global = new SlidingWindow(o.global, o.windowMs);
  return async (ctx, next) => {
    const id = ctx.from?.id;
    if (id === undefined) return next();
    const now = o.now();
    let user = users.get(id);
    if (!user) {
      if (users.size > 50_000) for (const [k, v] of users) if (v.window.empty) users.delete(k);
      users.set(id, (user = { window: new SlidingWindow(o.perUser, o.windowMs), warnedAt: -Infinity }));
    }
    if (!user.window.hit(now)) {
      if (now - user.warnedAt >= o.windowMs) {
        user.warnedAt = now;
        await replyQuietly(ctx, ctx.t.tooFast);
      }
      return;
    }
    if (!global.hit(now)) return replyQuietly(ctx, ctx.t.busy);
    await next();
  };
}

async function replyQuietly(ctx: BotContext, text: string): Promise<void> {
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text }).catch(() => undefined);
  else if (ctx.inlineQuery) await ctx.answerInlineQuery([], { cache_time: 5 }).catch(() => undefined);
  else if (ctx.chat) await ctx.reply(text).catch(() => undefined);
}
