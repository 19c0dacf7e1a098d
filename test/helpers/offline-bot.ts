/**
 * A bot with no network for unit-speed tests: its identity given, every Bot API call recorded and answered as Telegram
 * would.
 */
import type { Bot } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { AnswerEngine } from '../../src/answer/engine.js';
import type { BotContext } from '../../src/bot/context.js';
import { chunkReport } from '../../src/corpus/chunk.js';
import { parseReport } from '../../src/corpus/parse.js';
import type { ParsedReport } from '../../src/corpus/types.js';
import { CorpusIndex } from '../../src/search/corpus-index.js';
import { REPORT_FILE, REPORT_TEXT } from './fixtures.js';

export const BOT_INFO: UserFromGetMe = {
  id: 42,
  is_bot: true,
  first_name: 'Report Bot',
  username: 'report_quote_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

export interface SentCall {
  method: string;
  payload: Record<string, unknown>;
}

/** Records every Bot API call of `bot` instead of sending it; returns the list it fills. */
export function recordCalls(bot: Bot<BotContext>): SentCall[] {
  const sent: SentCall[] = [];
  bot.api.config.use(async (_prev, method, payload) => {
    sent.push({ method, payload: payload });
    const message = { message_id: sent.length, date: 0, chat: { id: 1, type: 'private' }, text: '' };
    return { ok: true, result: (method === 'sendMessage' || method === 'editMessageText' ? message : true) as never };
  });
  return sent;
}

/** A small deterministic PRNG so a failure can be replayed from its seed. */
export function prng(seed: number): () => number {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 4294967296;
  };
}

/** A lexical engine over the real report, built in memory (no disk, no model). */
export function reportEngine(): { engine: AnswerEngine; report: ParsedReport } {
  const index = new CorpusIndex();
  const report = parseReport(REPORT_TEXT, REPORT_FILE);
  index.addReport(report, chunkReport(report));
  return { engine: new AnswerEngine(index), report };
}
