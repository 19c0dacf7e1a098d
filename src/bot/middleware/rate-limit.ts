/**
 * Flood control. Each user has two allowances that refill steadily: one for questions (messages
 * and inline queries) and one for taps on buttons, so a reader tapping through a card never runs
 * out of questions, and a burst of either is let through before the limit applies. Over it, a
 * tap always gets a toast (its spinner stops) and a question gets one reply saying when to ask
 * again; a global ceiling on updates per second makes them wait (not fail) under a burst. One
 * user's flood costs others almost nothing. Kept rather than @grammyjs/ratelimiter: that plugin
 * has one fixed window per key and drops over-limit updates silently, where taps must be answered.
 */
import type { MiddlewareFn } from 'grammy';
import { metrics } from '../../metrics.js';
import type { BotContext } from '../context.js';

/** At most one "please wait" note per user in this time. */
const NOTE_GAP_MS = 30_000;

export interface RateLimitOptions {
  /** Questions a user may send at once… */
  questionBurst: number;
  /** …and the milliseconds in which one more comes back (3 s: 20 a minute sustained). */
  questionRefillMs: number;
  /** Button taps a user may make at once, and the milliseconds in which one more comes back. */
  tapBurst: number;
  tapRefillMs: number;
  /** Updates the whole bot starts handling per second (default 500: well under what one process serves). */
  globalPerSecond: number;
  /** How long an update may wait for the global ceiling before the user is asked to retry. */
  maxGlobalWaitMs: number;
  now: () => number;
}

const DEFAULT_RATE_LIMIT: RateLimitOptions = {
  questionBurst: 8,
  questionRefillMs: 3_000,
  tapBurst: 30,
  tapRefillMs: 500,
  globalPerSecond: 500,
  maxGlobalWaitMs: 10_000,
  now: Date.now,
};

/** An allowance of `capacity` events that refills one event every `refillMs`. Pure apart from the clock it is given. */
export class TokenBucket {
  private tokens: number;
  private at = -Infinity;
  constructor(
    private readonly capacity: number,
    private readonly refillMs: number,
  ) {
    this.tokens = capacity;
  }

  /** Takes one event's allowance at `now` if there is one; says whether it did. */
  take(now: number): boolean {
    this.refill(now);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Milliseconds until one more event fits (0 if it fits now). */
  waitFor(now: number): number {
    this.refill(now);
    return this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) * this.refillMs);
  }

  /** Back to its full allowance: nothing to remember. */
  get full(): boolean {
    return this.tokens >= this.capacity;
  }

  private refill(now: number): void {
    if (this.at !== -Infinity) this.tokens = Math.min(this.capacity, this.tokens + (now - this.at) / this.refillMs);
    this.at = now;
  }
}

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

interface UserAllowance {
  questions: TokenBucket;
  taps: TokenBucket;
  /** When the user was last told to wait (a flood gets one note, not one per message). */
  toldAt: number;
}

export function rateLimit(options: Partial<RateLimitOptions> = {}): MiddlewareFn<BotContext> {
  const o = { ...DEFAULT_RATE_LIMIT, ...options };
  const users = new Map<number, UserAllowance>();
  const global = new SlidingWindow(o.globalPerSecond, 1000);
  return async (ctx, next) => {
    const id = ctx.from?.id;
    if (id === undefined) return next();
    const now = o.now();
    let user = users.get(id);
    if (!user) {
      if (users.size > 50_000) for (const [k, v] of users) if (v.questions.full && v.taps.full) users.delete(k);
      users.set(
        id,
        (user = {
          questions: new TokenBucket(o.questionBurst, o.questionRefillMs),
          taps: new TokenBucket(o.tapBurst, o.tapRefillMs),
          toldAt: -Infinity,
        }),
      );
    }
    const bucket = ctx.callbackQuery ? user.taps : user.questions;
    if (!bucket.take(now)) {
      metrics.floodLimited.inc({ kind: ctx.callbackQuery ? 'tap' : 'question' });
      const seconds = Math.max(1, Math.ceil(bucket.waitFor(now) / 1000));
      // A tap is always answered (a toast), or its spinner turns until the client gives up; a question once per streak.
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t.tooFast(seconds) }).catch(() => undefined);
      else if (ctx.inlineQuery) await ctx.answerInlineQuery([], { cache_time: 5 }).catch(() => undefined);
      else if (now - user.toldAt >= NOTE_GAP_MS) {
        user.toldAt = now;
        if (ctx.chat) await ctx.reply(ctx.t.tooFast(seconds)).catch(() => undefined);
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
