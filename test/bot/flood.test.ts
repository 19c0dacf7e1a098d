import { describe, expect, it } from 'vitest';
import type { Update } from 'grammy/types';
import { encodeCallback, reportKey } from '../../src/bot/callback-data.js';
import { createBot } from '../../src/bot/create-bot.js';
import { STRINGS } from '../../src/bot/i18n.js';
import { BOT_INFO, recordCalls, reportEngine } from '../helpers/offline-bot.js';

function setup() {
  const { engine, report } = reportEngine();
  const bot = createBot(
    '123456:FLOOD-token-abcdefghijklmnopqrstuvwxyz',
    { engine: () => engine, rateLimit: { perUser: 5, windowMs: 60_000 } },
    { botInfo: BOT_INFO },
  );
  const sent = recordCalls(bot);
  let id = 0;
  const from = (user: number) => ({ id: user, is_bot: false, first_name: 'U' });
  const chat = (user: number) => ({ id: user, type: 'private' as const, first_name: 'U' });
  const updates = {
    text: (user: number, text: string): Update => ({ update_id: ++id, message: { message_id: id, date: 0, chat: chat(user), from: from(user), text } }),
    sticker: (user: number): Update => ({
      update_id: ++id,
      message: {
        message_id: id,
        date: 0,
        chat: chat(user),
        from: from(user),
        sticker: { file_id: 's', file_unique_id: 's', type: 'regular', width: 1, height: 1, is_animated: false, is_video: false },
      },
    }),
    press: (user: number, data: string): Update => ({
      update_id: ++id,
      callback_query: { id: String(id), from: from(user), chat_instance: 'c', data, message: { message_id: 1, date: 0, chat: chat(user), text: 'x' } },
    }),
    inline: (user: number, query: string): Update => ({ update_id: ++id, inline_query: { id: String(id), from: from(user), query, offset: '' } }),
  };
  return { bot, sent, updates, key: reportKey(report.id) };
}

describe('one flood limit per bot', () => {
  it('questions, buttons and inline queries share one quota per user', async () => {
    const { bot, sent, updates, key } = setup();
    for (let i = 0; i < 3; i++) await bot.handleUpdate(updates.text(7, 'How many administrative cases were there?'));
    for (let i = 0; i < 3; i++) await bot.handleUpdate(updates.press(7, encodeCallback({ kind: 'context', report: key, paragraph: 26 })));
    await bot.handleUpdate(updates.inline(7, 'mediation statements'));
    // 3 answers + 2 context messages are the 5 allowed; the third press and the inline query are cut, with one note.
    expect(sent.filter((c) => c.method === 'sendMessage' && c.payload.text !== STRINGS.en.tooFast)).toHaveLength(5);
    expect(sent.filter((c) => c.payload.text === STRINGS.en.tooFast)).toHaveLength(1);
    expect(sent.filter((c) => c.method === 'answerInlineQuery' && (c.payload.results as unknown[]).length > 0)).toHaveLength(0);
  });

  it('a sticker flood is cut at the quota and another user is answered at once', async () => {
    const { bot, sent, updates } = setup();
    for (let i = 0; i < 200; i++) await bot.handleUpdate(updates.sticker(8));
    expect(sent.filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === 8)).toHaveLength(6); // 5 hints + one "too fast" note
    await bot.handleUpdate(updates.text(9, 'How many administrative cases were there?'));
    expect(String(sent.filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === 9).at(-1)?.payload.text)).toContain('13');
  });
});
