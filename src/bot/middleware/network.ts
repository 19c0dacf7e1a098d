/**
 * Network errors reaching the Bot API (an outage, a dropped connection), as an API
 * transformer. Replaces auto-retry's own network retries, which wait up to an hour between
 * attempts and say nothing:
 *  - one log line when the Bot API becomes unreachable and one when it is back;
 *  - a call other than getUpdates is retried a few times, at most `maxDelayMs` apart, then
 *    fails (the update's error handler answers the user);
 *  - getUpdates is not retried here: the runner polls again every few seconds, so the bot
 *    answers within seconds of the Bot API coming back.
 */
import { HttpError, type Transformer } from 'grammy';
import { log } from '../../log.js';

export interface NetworkOptions {
  attempts?: number;
  firstDelayMs?: number;
  maxDelayMs?: number;
}

export function networkRetry(options: NetworkOptions = {}): Transformer {
  const attempts = options.attempts ?? 4;
  const firstDelay = options.firstDelayMs ?? 1000;
  const maxDelay = options.maxDelayMs ?? 30_000;
  let down = false;
  return async (prev, method, payload, signal) => {
    for (let attempt = 1, delay = firstDelay; ; attempt++, delay = Math.min(delay * 2, maxDelay)) {
      try {
        const result = await prev(method, payload, signal);
        if (down) log.info('Bot API reachable again.');
        down = false;
        return result;
      } catch (error) {
        if (!(error instanceof HttpError) || signal?.aborted) throw error;
        if (!down) log.warn(`Bot API unreachable (${error.message}); retrying every few seconds.`);
        down = true;
        if (method === 'getUpdates' || attempt >= attempts) throw error;
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  };
}
