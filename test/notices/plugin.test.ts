import { describe, expect, it } from 'vitest';
import { Composer } from 'grammy';
import type { Update } from 'grammy/types';
import { decodeCallback } from '../../src/bot/callback-data.js';
import { createBot } from '../../src/bot/create-bot.js';
import type { BotContext } from '../../src/bot/context.js';
import { pluginCommands, type BotPlugin } from '../../src/bot/deps.js';
import { commandMenu } from '../../src/bot/i18n.js';
import { decodeNoticeCallback, encodeNoticeCallback, type NoticeAction } from '../../src/notices/callback-data.js';
import { NOTICE_COMMANDS } from '../../src/notices/strings.js';
import { BOT_INFO, recordCalls, reportEngine } from '../helpers/offline-bot.js';

const chat = { id: 41, type: 'private' as const, first_name: 'U' };
const from = { id: 41, is_bot: false, first_name: 'U', language_code: 'en' };
const command = (update_id: number, text: string): Update => ({
  update_id,
  message: {
    message_id: update_id,
    date: 0,
    chat,
    from,
    text,
    entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }],
  },
});

/** /help and /subscribe to a bot built with the given plug-ins; the texts it sent. */
async function helpAndSubscribe(plugins: BotPlugin[] | undefined): Promise<string[]> {
  const { engine } = reportEngine();
  const bot = createBot(
    '123456:PLUGIN-token-abcdefghijklmnopqrstuvwxyz',
    { engine: () => engine, plugins },
    {
      botInfo: BOT_INFO,
    },
  );
  const sent = recordCalls(bot);
  await bot.handleUpdate(command(1, '/help'));
  await bot.handleUpdate(command(2, '/subscribe'));
  return sent.filter((c) => c.method === 'sendMessage').map((c) => String(c.payload.text));
}

describe('notices plug in whole', () => {
  it('a bot built without them shows none: not in /help, not in the menus, /subscribe not understood', async () => {
    const [help, subscribe] = await helpAndSubscribe(undefined);
    expect(help).toContain('/reports');
    expect(help).not.toContain('/subscribe');
    expect(subscribe).not.toMatch(/subscribed/i);
    for (const lang of ['en', 'zh'] as const)
      for (const kind of ['private', 'group'] as const)
        expect(commandMenu(lang, kind, pluginCommands(undefined, lang)).map((c) => c.command)).not.toContain(
          'subscribe',
        );
  });

  it('a bot built with them lists their commands in /help and the menus, in both languages, and runs them', async () => {
    let subscribed = 0;
    const feature = new Composer<BotContext>();
    feature.command('subscribe', async (ctx) => {
      subscribed++;
      await ctx.reply('ok');
    });
    const plugin: BotPlugin = { feature, commands: NOTICE_COMMANDS };
    const [help, reply] = await helpAndSubscribe([plugin]);
    expect(help).toContain('/subscribe: be told when a new report is added');
    expect(help).toContain('/watch words');
    expect([reply, subscribed]).toEqual(['ok', 1]);
    expect(commandMenu('zh', 'group', pluginCommands([plugin], 'zh')).map((c) => c.command)).toEqual(
      expect.arrayContaining(['ask', 'subscribe', 'unwatch']),
    );
  });

  it("their buttons round-trip and are not the bot's own", () => {
    const actions: NoticeAction[] = [
      { kind: 'subscription', on: false, showStatus: false },
      { kind: 'subscription', on: true, showStatus: true },
      { kind: 'unwatch', topic: '0a1b2c3d' },
    ];
    for (const a of actions) {
      expect(decodeNoticeCallback(encodeNoticeCallback(a))).toEqual(a);
      expect(decodeCallback(encodeNoticeCallback(a))).toBeUndefined();
    }
    for (const bad of ['u:2:0', 'x:XYZ', 'c:0123abcd:1', '']) expect(decodeNoticeCallback(bad)).toBeUndefined();
  });
});
