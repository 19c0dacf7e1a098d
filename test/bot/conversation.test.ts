import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Update } from 'grammy/types';
import { AnswerEngine } from '../../src/answer/engine.js';
import { exampleQuestions } from '../../src/answer/examples.js';
import { chineseExpander, ensureGlossary } from '../../src/search/chinese.js';
import { encodeCallback } from '../../src/bot/callback-data.js';
import { createBot } from '../../src/bot/create-bot.js';
import { STRINGS } from '../../src/bot/i18n.js';
import { REPO } from '../helpers/fixtures.js';
import { BOT_INFO, recordCalls, reportEngine } from '../helpers/offline-bot.js';

describe('the conversation: buttons keep their meaning and language, follow-ups lean on the question before', () => {
  it('an English example pressed by a member whose Telegram is in Chinese answers that English question', async () => {
    const { engine: lexical, report } = reportEngine();
    const engine = new AnswerEngine(lexical.index, { expandQuery: chineseExpander(await ensureGlossary()) });
    // The report's sidecar gives examples in English and Chinese (corpus/*.meta.json).
    Object.assign(
      report.meta,
      JSON.parse(readFileSync(join(REPO, 'corpus/zuoyun-2023-rule-of-law-report.meta.json'), 'utf8')) as object,
    );
    const bot = createBot(
      '123456:EXAMPLES-token-abcdefghijklmnopqrstuvwxyz',
      { engine: () => engine },
      { botInfo: BOT_INFO },
    );
    const sent = recordCalls(bot);
    const [english] = await exampleQuestions(engine, 'en');
    const [chinese] = await exampleQuestions(engine, 'zh');
    expect(english).toBeDefined();
    expect(chinese).not.toBe(english); // the lists differ, so a position alone would pick the other question
    const chat = { id: -7001, type: 'group' as const, title: 'G' };
    const press: Update = {
      update_id: 1,
      callback_query: {
        id: '1',
        from: { id: 5, is_bot: false, first_name: 'M', language_code: 'zh-hans' },
        chat_instance: 'c',
        data: encodeCallback({ kind: 'example', index: 0, lang: 'en' }),
        message: { message_id: 1, date: 0, chat, text: 'x' },
      },
    };
    await bot.handleUpdate(press);
    const reply = sent.find((c) => c.method === 'sendMessage');
    const expected = await engine.answer(english!, 5);
    expect(String(reply?.payload.text).replace(/<[^>]+>/g, '')).toContain(expected.answers[0]!.quote.text.slice(0, 40));
  });

  it('a group card keeps the language it was sent in when a member reading Chinese taps it', async () => {
    const { engine } = reportEngine();
    const bot = createBot(
      '123456:EXAMPLES-token-abcdefghijklmnopqrstuvwxyz',
      { engine: () => engine },
      { botInfo: BOT_INFO },
    );
    const sent = recordCalls(bot);
    const chat = { id: -7002, type: 'supergroup' as const, title: 'G' };
    await bot.handleUpdate({
      update_id: 10,
      message: {
        message_id: 10,
        date: 0,
        chat,
        from: { id: 6, is_bot: false, first_name: 'E', language_code: 'en' },
        text: '/ask How many administrative cases were there?',
        entities: [{ type: 'bot_command', offset: 0, length: 4 }],
      },
    });
    const card = sent.find((c) => c.method === 'sendMessage')!;
    const buttons = (
      card.payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }
    ).inline_keyboard.flat();
    const more = buttons.find((b) => b.text === STRINGS.en.moreContext)!;
    await bot.handleUpdate({
      update_id: 11,
      callback_query: {
        id: '11',
        from: { id: 7, is_bot: false, first_name: 'Z', language_code: 'zh-hans' },
        chat_instance: 'c',
        data: more.callback_data,
        message: { message_id: 1, date: 0, chat, text: 'x' },
      },
    });
    const edited = sent.find((c) => c.method === 'editMessageText')!;
    const labels = (edited.payload.reply_markup as { inline_keyboard: { text: string }[][] }).inline_keyboard
      .flat()
      .map((b) => b.text);
    expect(labels).toContain(STRINGS.en.less);
    expect(labels).not.toContain(STRINGS.zh.less);
  });

  it('a follow-up ("and what about notaries?") is read with the question before it, and the card says so', async () => {
    const { engine } = reportEngine();
    const bot = createBot(
      '123456:EXAMPLES-token-abcdefghijklmnopqrstuvwxyz',
      { engine: () => engine },
      { botInfo: BOT_INFO },
    );
    const sent = recordCalls(bot);
    const chat = { id: 31, type: 'private' as const, first_name: 'U' };
    const from = { id: 31, is_bot: false, first_name: 'U', language_code: 'en' };
    await bot.handleUpdate({
      update_id: 20,
      message: { message_id: 20, date: 0, chat, from, text: 'How many mediation statements were issued in 2023?' },
    });
    await bot.handleUpdate({
      update_id: 21,
      message: { message_id: 21, date: 0, chat, from, text: 'and what about notaries?' },
    });
    const card = String(sent.filter((c) => c.method === 'sendMessage').at(-1)?.payload.text);
    expect(card).toContain('↪ Read as: How many notaries in 2023?');
    const expected = await engine.answer('How many notaries in 2023?', 5);
    expect(card.replace(/<[^>]+>/g, '')).toContain(expected.answers[0]!.quote.text.slice(0, 40));
  });

  it('a photo with a question as its caption is answered; being added to a group says how to ask there', async () => {
    const { engine } = reportEngine();
    const bot = createBot(
      '123456:EXAMPLES-token-abcdefghijklmnopqrstuvwxyz',
      { engine: () => engine },
      { botInfo: BOT_INFO },
    );
    const sent = recordCalls(bot);
    const chat = { id: 41, type: 'private' as const, first_name: 'U' };
    const from = { id: 41, is_bot: false, first_name: 'U', language_code: 'en' };
    await bot.handleUpdate({
      update_id: 30,
      message: {
        message_id: 30,
        date: 0,
        chat,
        from,
        photo: [{ file_id: 'p', file_unique_id: 'p', width: 1, height: 1 }],
        caption: 'How many administrative cases were there?',
      },
    });
    expect(String(sent.find((c) => c.method === 'sendMessage')?.payload.text).replace(/<[^>]+>/g, '')).toContain(
      '13 administrative cases',
    );
    const group = { id: -4001, type: 'group' as const, title: 'G' };
    const me = { ...BOT_INFO, is_bot: true as const };
    await bot.handleUpdate({
      update_id: 31,
      my_chat_member: {
        chat: group,
        from,
        date: 0,
        old_chat_member: { status: 'left', user: me },
        new_chat_member: { status: 'member', user: me },
      },
    });
    const intro = sent.filter((c) => c.method === 'sendMessage').at(-1)!;
    expect(intro.payload.chat_id).toBe(-4001);
    expect(String(intro.payload.text)).toBe(STRINGS.en.startGroup('report_quote_bot'));
  });
});
