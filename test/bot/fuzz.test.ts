import { expectValidTelegramHtml } from '../helpers/telegram-html.js';
import { describe, expect, it } from 'vitest';
import type { Update } from 'grammy/types';
import { createBot } from '../../src/bot/create-bot.js';
import { encodeCallback, reportKey } from '../../src/bot/callback-data.js';
import { BOT_INFO, prng, recordCalls, reportEngine } from '../helpers/offline-bot.js';

const PIECES = [
  '<b>',
  '</i>',
  '&amp;',
  '&',
  '<',
  '>',
  '"',
  "'",
  '\u200b',
  '\u202e',
  '\u200f',
  '\u0000',
  '\ufeff',
  '🙂',
  '👨‍👩‍👧',
  '行政案件',
  'مرحبا',
  '/start',
  '/ask',
  '/stats',
  '/reindex',
  '@report_quote_bot',
  '*bold*',
  '_it_',
  '[x](http://a)',
  "'; DROP TABLE subscribers; --",
  '%s%n',
  '${x}',
  '\n',
  ' ',
  'administrative cases',
  'How many',
  '13',
  '2023',
  'x'.repeat(5000),
];

function randomText(rand: () => number): string {
  if (rand() < 0.01) return 'y'.repeat(64 * 1024);
  const n = 1 + Math.floor(rand() * 8);
  let s = '';
  for (let i = 0; i < n; i++)
    s +=
      rand() < 0.6 ? PIECES[Math.floor(rand() * PIECES.length)]! : String.fromCodePoint(Math.floor(rand() * 0x2ffff));
  return s;
}

function randomCallback(rand: () => number, key: string): string {
  const choices = [
    () => encodeCallback({ kind: 'context', report: key, paragraph: Math.floor(rand() * 60) }),
    () => encodeCallback({ kind: 'contents', report: key }),
    () => encodeCallback({ kind: 'wider', report: key, paragraph: Math.floor(rand() * 60) }),
    () =>
      encodeCallback({
        kind: 'view',
        question: Math.floor(rand() * 50).toString(36),
        page: Math.floor(rand() * 9),
        view: (['card', 'paragraph', 'wider', 'outline'] as const)[Math.floor(rand() * 4)]!,
      }),
    () => encodeCallback({ kind: 'example', index: Math.floor(rand() * 5) }),
    () => `c:${'f'.repeat(8)}:${Math.floor(rand() * 1e6)}`,
    () => randomText(rand).slice(0, 64),
    () => '',
    () => 'v:' + 'z'.repeat(60),
  ];
  return choices[Math.floor(rand() * choices.length)]!();
}

describe('fuzzing the bot update handling', () => {
  it('10,000 hostile messages and callbacks: nothing escapes, every reply is valid HTML under 4096', async () => {
    const { engine, report } = reportEngine();
    const bot = createBot(
      '123456:FUZZ-token-abcdefghijklmnopqrstuvwxyz',
      { engine: () => engine, adminIds: [1], rateLimit: { questionBurst: 1e9, tapBurst: 1e9, globalPerSecond: 1e9 } },
      { botInfo: BOT_INFO },
    );
    const sent = recordCalls(bot);
    const errors: unknown[] = [];
    bot.catch((err) => void errors.push(err.error));
    const rand = prng(20261126);
    const key = reportKey(report.id);
    for (let i = 0; i < 10_000; i++) {
      const from = {
        id: 1 + Math.floor(rand() * 500),
        is_bot: false,
        first_name: randomText(rand).slice(0, 20),
        language_code: rand() < 0.3 ? 'zh-hans' : 'en',
      };
      const chat =
        rand() < 0.8
          ? { id: from.id, type: 'private' as const, first_name: 'U' }
          : { id: -100 - Math.floor(rand() * 5), type: 'group' as const, title: 'G' };
      const message = { message_id: i, date: 0, chat, from, text: randomText(rand) };
      const update: Update =
        rand() < 0.7
          ? { update_id: i, message }
          : rand() < 0.5
            ? {
                update_id: i,
                callback_query: {
                  id: String(i),
                  from,
                  chat_instance: 'x',
                  data: randomCallback(rand, key),
                  message: { ...message, text: 'old' },
                },
              }
            : {
                update_id: i,
                inline_query: { id: String(i), from, query: randomText(rand).slice(0, 256), offset: '' },
              };
      await bot.handleUpdate(update);
    }
    expect(errors).toEqual([]);
    const inline = sent
      .filter((c) => c.method === 'answerInlineQuery')
      .flatMap((c) =>
        (c.payload.results as { input_message_content: { message_text: string } }[]).map(
          (r) => r.input_message_content.message_text,
        ),
      );
    const texts = [
      ...inline,
      ...sent
        .filter((c) => c.method === 'sendMessage' || c.method === 'editMessageText')
        .map((c) => String(c.payload.text)),
    ];
    expect(texts.length).toBeGreaterThan(5000);
    for (const text of texts) expectValidTelegramHtml(text);
    sent.length = 0;
    await bot.handleUpdate({
      update_id: 10_001,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: 7, type: 'private', first_name: 'U' },
        from: { id: 7, is_bot: false, first_name: 'U' },
        text: 'How many administrative cases were there in the county?',
      },
    });
    expect(String(sent.find((c) => c.method === 'sendMessage')?.payload.text)).toContain(
      '13 <b>administrative cases</b>',
    );
  });
});
