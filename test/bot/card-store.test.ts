import { join } from 'node:path';
import type { Update } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { AnswerCache } from '../../src/bot/answer-cache.js';
import { DbCardStore } from '../../src/bot/card-store.js';
import { SqliteDb } from '../../src/db/sqlite.js';
import { createBot } from '../../src/bot/create-bot.js';
import { STRINGS } from '../../src/bot/i18n.js';
import type { Answer } from '../../src/answer/types.js';
import { tempDir } from '../helpers/fixtures.js';
import { BOT_INFO, recordCalls, reportEngine } from '../helpers/offline-bot.js';

const answer: Answer = {
  question: 'q',
  abstained: false,
  confidence: 'high',
  answers: [],
  nearestSections: [],
  mode: 'lexical',
};

describe('cards kept on disk', () => {
  it('an answer stored by one cache is found by the next (a restart), only by its chat, until it is 30 days old', async () => {
    let clock = 1_000_000;
    const path = join(tempDir(), 'cards.db');
    const firstDb = new SqliteDb(path);
    const id = await new AnswerCache(10, await DbCardStore.open(firstDb, () => clock)).put(answer, 7, 'zh');
    await firstDb.close();
    const db = new SqliteDb(path);
    const store = await DbCardStore.open(db, () => clock);
    const restarted = new AnswerCache(10, store);
    expect(await restarted.card(id, 7)).toEqual({ answer, chatId: 7, lang: 'zh' });
    expect(await restarted.card(id, 8)).toBeUndefined();
    clock += 31 * 24 * 3600_000;
    expect(await new AnswerCache(10, store).card(id, 7)).toBeUndefined();
    await db.close();
  });

  it("a card's More context works after the bot restarts", async () => {
    const path = join(tempDir(), 'cards.db');
    const { engine } = reportEngine();
    const chat = { id: 9, type: 'private' as const, first_name: 'U' };
    const from = { id: 9, is_bot: false, first_name: 'U', language_code: 'en' };
    const beforeDb = new SqliteDb(path);
    const before = await DbCardStore.open(beforeDb);
    const bot = createBot(
      '123456:CARDS-token-abcdefghijklmnopqrstuvwxyz',
      { engine: () => engine, cards: before },
      { botInfo: BOT_INFO },
    );
    const sent = recordCalls(bot);
    await bot.handleUpdate({
      update_id: 1,
      message: { message_id: 1, date: 0, chat, from, text: 'How many administrative cases were there?' },
    });
    const card = sent.find((c) => c.method === 'sendMessage')!;
    const more = (
      card.payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }
    ).inline_keyboard
      .flat()
      .find((b) => b.text === STRINGS.en.moreContext)!;
    await beforeDb.close();

    const afterDb = new SqliteDb(path);
    const after = await DbCardStore.open(afterDb);
    const restarted = createBot(
      '123456:CARDS-token-abcdefghijklmnopqrstuvwxyz',
      { engine: () => engine, cards: after },
      { botInfo: BOT_INFO },
    );
    const sentAfter = recordCalls(restarted);
    const press: Update = {
      update_id: 2,
      callback_query: {
        id: '2',
        from,
        chat_instance: 'c',
        data: more.callback_data,
        message: { message_id: 1, date: 0, chat, text: 'x' },
      },
    };
    await restarted.handleUpdate(press);
    expect(sentAfter.find((c) => c.method === 'answerCallbackQuery')?.payload.text).toBeUndefined(); // not "expired"
    expect(String(sentAfter.find((c) => c.method === 'editMessageText')?.payload.text)).toContain(
      '13 administrative cases',
    );
    await afterDb.close();
  });
});
