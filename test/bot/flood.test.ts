import { describe, expect, it } from 'vitest';
import type { Update } from 'grammy/types';
import { encodeCallback, reportKey } from '../../src/bot/callback-data.js';
import { createBot } from '../../src/bot/create-bot.js';
import type { RateLimitOptions } from '../../src/bot/middleware/rate-limit.js';
import { BOT_INFO, recordCalls, reportEngine } from '../helpers/offline-bot.js';

function setup(rateLimit: Partial<RateLimitOptions> = {}) {
  const { engine, report } = reportEngine();
  let clock = 0;
  const bot = createBot(
    '123456:FLOOD-token-abcdefghijklmnopqrstuvwxyz',
    { engine: () => engine, rateLimit: { now: () => clock, ...rateLimit } },
    { botInfo: BOT_INFO },
  );
  const sent = recordCalls(bot);
  let id = 0;
  const from = (user: number) => ({ id: user, is_bot: false, first_name: 'U' });
  const chat = (user: number) => ({ id: user, type: 'private' as const, first_name: 'U' });
  const updates = {
    text: (user: number, text: string): Update => ({
      update_id: ++id,
      message: { message_id: id, date: 0, chat: chat(user), from: from(user), text },
    }),
    sticker: (user: number): Update => ({
      update_id: ++id,
      message: {
        message_id: id,
        date: 0,
        chat: chat(user),
        from: from(user),
        sticker: {
          file_id: 's',
          file_unique_id: 's',
          type: 'regular',
          width: 1,
          height: 1,
          is_animated: false,
          is_video: false,
        },
      },
    }),
    press: (user: number, data: string): Update => ({
      update_id: ++id,
      callback_query: {
        id: String(id),
        from: from(user),
        chat_instance: 'c',
        data,
        message: { message_id: 1, date: 0, chat: chat(user), text: 'x' },
      },
    }),
    inline: (user: number, query: string): Update => ({
      update_id: ++id,
      inline_query: { id: String(id), from: from(user), query, offset: '' },
    }),
  };
  const advance = (ms: number): void => void (clock += ms);
  return { bot, sent, updates, advance, key: reportKey(report.id) };
}

const tooFast = (c: { payload: Record<string, unknown> }): boolean =>
  /asking very quickly/.test(String(c.payload.text));

describe('flood limits that stop floods, not readers (default limits)', () => {
  it('a reader asking one question and tapping 30 times in 30 seconds is never limited, and every tap is answered', async () => {
    const { bot, sent, updates, advance, key } = setup();
    await bot.handleUpdate(updates.text(7, 'How many administrative cases were there?'));
    for (let i = 0; i < 30; i++) {
      advance(1000);
      await bot.handleUpdate(updates.press(7, encodeCallback({ kind: 'context', report: key, paragraph: 26 })));
    }
    expect(sent.filter(tooFast)).toHaveLength(0);
    expect(sent.filter((c) => c.method === 'answerCallbackQuery')).toHaveLength(30);
    advance(1000);
    await bot.handleUpdate(updates.text(7, 'How many mediation statements were issued?'));
    expect(String(sent.filter((c) => c.method === 'sendMessage').at(-1)?.payload.text)).toMatch(/mediation/i);
  });

  it('100 messages in 10 seconds are cut after the burst with one note saying when; the next question after the wait is answered', async () => {
    const { bot, sent, updates, advance } = setup();
    for (let i = 0; i < 100; i++) {
      advance(100);
      await bot.handleUpdate(updates.text(8, 'How many administrative cases were there?'));
    }
    const answers = sent.filter((c) => c.method === 'sendMessage' && String(c.payload.text).includes('13'));
    expect(answers.length).toBeGreaterThanOrEqual(8);
    expect(answers.length).toBeLessThanOrEqual(12); // the burst of 8 plus one every 3 s
    expect(sent.filter(tooFast).map((c) => c.payload.text)).toEqual([expect.stringMatching(/wait \d+ s/) as unknown]);
    advance(3000);
    await bot.handleUpdate(updates.text(8, 'How many administrative cases were there?'));
    expect(String(sent.at(-1)?.payload.text)).toContain('13');
  });

  it('taps over their limit still get an answer (a toast), and questions keep their own allowance', async () => {
    const { bot, sent, updates, key } = setup({ tapBurst: 2 });
    for (let i = 0; i < 5; i++)
      await bot.handleUpdate(updates.press(9, encodeCallback({ kind: 'context', report: key, paragraph: 26 })));
    const answered = sent.filter((c) => c.method === 'answerCallbackQuery');
    expect(answered).toHaveLength(5);
    expect(answered.filter(tooFast)).toHaveLength(3);
    await bot.handleUpdate(updates.text(9, 'How many administrative cases were there?'));
    expect(String(sent.filter((c) => c.method === 'sendMessage').at(-1)?.payload.text)).toContain('13');
  });
});

describe('one user flooding (tight test limits)', () => {
  it('questions and inline queries share one allowance', async () => {
    const { bot, sent, updates } = setup({ questionBurst: 5, questionRefillMs: 60_000 });
    for (let i = 0; i < 5; i++) await bot.handleUpdate(updates.text(7, 'How many administrative cases were there?'));
    await bot.handleUpdate(updates.inline(7, 'mediation statements'));
    expect(sent.filter((c) => c.method === 'sendMessage' && !tooFast(c))).toHaveLength(5);
    expect(
      sent.filter((c) => c.method === 'answerInlineQuery' && (c.payload.results as unknown[]).length > 0),
    ).toHaveLength(0);
  });

  it('a sticker flood is cut at the allowance and another user is answered at once', async () => {
    const { bot, sent, updates } = setup({ questionBurst: 5, questionRefillMs: 60_000 });
    for (let i = 0; i < 200; i++) await bot.handleUpdate(updates.sticker(8));
    expect(sent.filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === 8)).toHaveLength(6); // 5 hints + one "too fast" note
    await bot.handleUpdate(updates.text(9, 'How many administrative cases were there?'));
    expect(
      String(sent.filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === 9).at(-1)?.payload.text),
    ).toContain('13');
  });
});
