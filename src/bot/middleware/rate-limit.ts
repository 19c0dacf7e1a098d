/**
 * Flood control for questions: a sliding window per user, and a global ceiling on
 * questions per second that makes questions wait (not fail) for a moment under a burst.
 * Over the per-user limit a user gets one polite note per window and is otherwise
 * ignored, so one user's flood costs others almost nothing.
 */
import type { MiddlewareFn } from 'grammy';
import type { BotContext } from '../context.js';

export interface RateLimitOptions {
  /** Questions a user may ask per window (default 20 a minute). */
  perUser: number;
  windowMs: number;
  /** Questions the whole bot starts answering per second (default 500: well under what one process serves). */
  globalPerSecond: number;
  /** How long a question may wait for the global ceiling before the user is asked to retry. */
  maxGlobalWaitMs: number;
  now: () => number;
}

const DEFAULT_RATE_LIMIT: RateLimitOptions = { perUser: 20, windowMs: 60_000, globalPerSecond: 500, maxGlobalWaitMs: 10_000, now: Date.now };

/** A sliding-window counter. Pure apart from the clock it is given. */
export class SlidingWindow {
  private readonly times: number[] = [];
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Records an event at `now` if one more fits; says whether it did. */
  hit(now: number): boolean {
    this.expire(now);
    if (this.times.length >= this.limit) return false;
    this.times.push(now);
    return true;
  }

  /** Milliseconds until one more event fits (0 if it fits now). */
  waitFor(now: number): number {
    this.expire(now);
    return this.times.length < this.limit ? 0 : this.times[0]! + this.windowMs - now;
  }

  get empty(): boolean {
    return this.times.length === 0;
  }

  private expire(now: number): void {
    let drop = 0;
    while (drop < this.times.length && this.times[drop]! <= now - this.windowMs) drop++;
    if (drop) this.times.splice(0, drop);
  }
}

export function rateLimit(options: Partial<RateLimitOptions> = {}): MiddlewareFn<BotContext> {
  const o = { ...DEFAULT_RATE_LIMIT, ...options };
  const users = new Map<number, { window: SlidingWindow; warnedAt: number }>();
  const global = new SlidingWindow(o.globalPerSecond, 1000);
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
    const giveUpAt = o.now() + o.maxGlobalWaitMs;
    while (!global.hit(o.now())) {
      if (o.now() >= giveUpAt) return replyQuietly(ctx, ctx.t.busy);
      await new Promise((r) => setTimeout(r, Math.max(1, Math.min(global.waitFor(o.now()), giveUpAt - o.now()))));
    }
    await next();
  };
}

async function replyQuietly(ctx: BotContext, text: string): Promise<void> {
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text }).catch(() => undefined);
  else if (ctx.inlineQuery) await ctx.answerInlineQuery([], { cache_time: 5 }).catch(() => undefined);
  else if (ctx.chat) await ctx.reply(text).catch(() => undefined);
}
