/**
 * The notices' inline-button payloads, beside the bot's own (bot/callback-data.ts) with prefixes
 * of their own. Pure.
 *
 *   u:<0|1>:<0|1>    unsubscribe (0) or subscribe (1) this chat; then show /status in the message (1)
 *                    or leave it (0, a notice)
 *   x:<topic>        stop watching this topic (a short hash of its words: a button removes what it shows)
 *
 * The deep link t.me/<bot>?start=subscribe is /subscribe.
 */
import { reportKey } from '../bot/callback-data.js';

export type NoticeAction =
  { kind: 'subscription'; on: boolean; showStatus: boolean } | { kind: 'unwatch'; topic: string };

export const SUBSCRIBE_PAYLOAD = 'subscribe';

/** 8 hex characters identifying a watched topic's words. */
export function topicKey(words: string): string {
  return reportKey(`topic:${words}`);
}

export function encodeNoticeCallback(a: NoticeAction): string {
  return a.kind === 'subscription' ? `u:${a.on ? 1 : 0}:${a.showStatus ? 1 : 0}` : `x:${a.topic}`;
}

/** Parses a notices button's data; undefined for anything else. */
export function decodeNoticeCallback(data: string | undefined): NoticeAction | undefined {
  let m = /^u:([01]):([01])$/.exec(data ?? '');
  if (m) return { kind: 'subscription', on: m[1] === '1', showStatus: m[2] === '1' };
  m = /^x:([0-9a-f]{8})$/.exec(data ?? '');
  return m ? { kind: 'unwatch', topic: m[1]! } : undefined;
}
