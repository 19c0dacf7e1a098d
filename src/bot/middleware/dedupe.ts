/**
 * Answers each update once: an update delivered twice (same update_id, as after a crash
 * or a webhook timeout) is dropped the second time. Remembers the last `size` ids.
 */
import type { MiddlewareFn } from 'grammy';
import { LruMap } from '../../lru-map.js';
import type { BotContext } from '../context.js';

export function dedupeUpdates(size = 10_000): MiddlewareFn<BotContext> {
  const seen = new LruMap<number, true>(size);
  return async (ctx, next) => {
    const id = ctx.update.update_id;
    if (seen.has(id)) return;
    seen.set(id, true);
    await next();
  };
}
