import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from 'grammy';
import { openRuntime, type Runtime } from '../../src/app.js';
import { createBot } from '../../src/bot/create-bot.js';
import { startBot, type RunningBot } from '../../src/bot/run.js';
import type { BotContext } from '../../src/bot/context.js';
import { BotApiHarness, TOKEN } from '../../scripts/bot-api-emulator.js';
import { tempCorpus } from '../helpers/fixtures.js';
import { BOT_INFO } from '../helpers/offline-bot.js';

/** Telegram HTML check: only the tags we use, balanced, and every & starts an entity. */
function assertValidHtml(html: string): void {
  expect(html.length).toBeLessThanOrEqual(4096);
  const stack: string[] = [];
  for (const m of html.matchAll(/<(\/?)(\w+)[^>]*>/g)) {
    expect(['b', 'i', 'pre', 'code']).toContain(m[2]);
    if (m[1]) expect(stack.pop()).toBe(m[2]);
    else stack.push(m[2]);
  }
  expect(stack).toEqual([]);
  expect(html.replace(/<\/?\w+[^>]*>/g, '')).not.toMatch(/[<>]|&(?!(amp|lt|gt|quot);)/);
}

describe('the bot end to end through a Bot API emulator', () => {
  let api: BotApiHarness;
  let runtime: Runtime;
  let bot: Bot<BotContext>;
  let running: RunningBot;

  beforeAll(async () => {
    api = await BotApiHarness.start();
    const { corpusDir, dataDir } = tempCorpus();
    runtime = await openRuntime({ corpusDir, dataDir, embeddingModel: undefined });
    bot = createBot(TOKEN, { engine: () => runtime.engine, adminIds: [900] }, { apiRoot: api.apiRoot, botInfo: BOT_INFO });
    running = await startBot(bot, { port: 0 });
  });
  afterAll(async () => {
    await running.stop();
    await api.stop();
  });

  it('answers a question with the right quote, citation and buttons', async () => {
    const user = api.client(1001);
    await user.say('How many administrative cases were there in the county?');
    const [reply] = await user.replies(1);
    const text = reply.text as string;
    expect(text).toContain('13 <b>administrative cases</b>');
    expect(text).toContain('Sixth, consciously accept supervision · ¶26');
    expect(reply.parse_mode).toBe('HTML');
    assertValidHtml(text);
    const buttons = (reply.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard.flat();
    expect(buttons.map((b) => b.text)).toEqual(['📄 More context', '📑 Section', '🔎 Other matches']);
    expect(api.callsOf('sendChatAction')[0]).toMatchObject({ action: 'typing' });
    expect(api.callsOf('setMyCommands').map((c) => c.language_code ?? 'default')).toEqual(['default', 'zh']);
  });

  it('more context, section outline and paging by editing in place', async () => {
    const user = api.client(1002);
    await user.say('How many mediation statements were issued?');
    const [reply] = await user.replies(1);
    const buttons = (reply.reply_markup as { inline_keyboard: { callback_data: string }[][] }).inline_keyboard.flat().map((b) => b.callback_data);
    await user.press(buttons[0], reply.messageId as number);
    const [context] = await user.replies(1);
    expect(context.text).toContain('issued 12 mediation statements');
    assertValidHtml(context.text as string);
    await user.press(buttons[1], reply.messageId as number);
    const [outline] = await user.replies(1);
    expect(outline.text).toMatch(/Section outline/);
    expect(outline.text).toMatch(
      /\(4\) Effectively resolve social conflicts and disputes · ¶28\n\s*<b>First, in-depth investigation and resolution of contradictions and disputes · ¶29<\/b>/,
    );
    await user.press(buttons[2], reply.messageId as number);
    await expect.poll(() => user.history().find((m) => m.messageId === reply.messageId)?.text, { timeout: 5000 }).toMatch(/^Match 2 of \d/);
  });

  it('refuses honestly and offers the nearest sections as buttons', async () => {
    const user = api.client(1003);
    await user.say('How many cinemas are in the county?');
    const [reply] = await user.replies(1);
    expect(reply.text).toMatch(/^The report does not seem to cover this\./);
    expect((reply.reply_markup as { inline_keyboard: unknown[][] }).inline_keyboard.length).toBeGreaterThan(0);
  });

  it('escapes report text and user text, and survives hostile messages', async () => {
    const user = api.client(1004);
    for (const text of ['<b>unclosed & "quoted"', '\u202e\u200b', 'x'.repeat(5000), '/nosuchcommand', "'; DROP TABLE subscribers; --"]) await user.say(text);
    const replies = await user.replies(5);
    for (const r of replies) assertValidHtml(r.text as string);
    await user.say('How many judicial confirmations did the court issue?');
    const [after] = await user.replies(1);
    expect(after.text).toContain('5 <b>judicial confirmations</b>');
  });

  it('rejects forged or stale button data with a short answer', async () => {
    const user = api.client(1005);
    for (const data of ['c:deadbeef:1', 'p:zzzz:1', '<script>', 'c:00000000:999999', 'e:99']) await user.press(data, 1);
    await user.say('How many mediation statements were issued?');
    const [reply] = await user.replies(1);
    expect(reply.text).toContain('mediation statements');
  });

  it('/start lists the reports and offers example questions that answer', async () => {
    const user = api.client(1006);
    await user.say('/start');
    const [welcome] = await user.replies(1);
    expect(welcome.text).toContain('ZZF [2024] No. 2');
    const examples = (welcome.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard.flat();
    expect(examples).toHaveLength(3);
    await user.press(examples[0].callback_data, welcome.messageId as number);
    const [answer] = await user.replies(1);
    expect(answer.text).toContain('13 <b>administrative cases</b>');
  });

  it('speaks Chinese to Chinese users and quotes the report in English', async () => {
    const user = api.client(1007, { languageCode: 'zh-hans' });
    await user.say('/help');
    const [help] = await user.replies(1);
    expect(help.text).toContain('直接发送问题即可');
    await user.say('How many cinemas are in the county?');
    const [refusal] = await user.replies(1);
    expect(refusal.text).toMatch(/^报告似乎没有涉及这个问题/);
  });

  it('in groups answers /ask and mentions only', async () => {
    const member = api.client(1008, { chatId: -5001, type: 'group' });
    // Ordinary group chat is not a question: it neither gets a reply nor uses up the member's question limit (20/min).
    for (let i = 0; i < 25; i++) await member.say(`just chatting about 13 administrative cases ${i}`);
    await member.say('/ask How many mediation statements were issued?');
    const [reply] = await member.replies(1);
    expect(reply.text).toContain('mediation statements');
    await member.say('@report_quote_bot How many judicial confirmations did the court issue?');
    const [mention] = await member.replies(1);
    expect(mention.text).toContain('judicial confirmations');
  });

  it('answers inline queries, hints on non-text messages, and answers a duplicated update once', async () => {
    const from = { id: 1009, is_bot: false, first_name: 'In', language_code: 'en' };
    api.inject({ inline_query: { id: 'iq1', from, query: 'administrative cases', offset: '' } });
    await expect.poll(() => api.callsOf('answerInlineQuery').length, { timeout: 5000 }).toBe(1);
    const results = api.callsOf('answerInlineQuery')[0].results as { input_message_content: { message_text: string } }[];
    expect(results[0].input_message_content.message_text).toContain('administrative cases');
    const user = api.client(1010);
    const photo = {
      message: {
        message_id: 77,
        date: 1,
        chat: { id: 1010, type: 'private', first_name: 'P' },
        from: { ...from, id: 1010 },
        photo: [{ file_id: 'x', file_unique_id: 'y', width: 1, height: 1 }],
      },
    };
    api.inject(photo);
    const [hint] = await user.replies(1);
    expect(hint.text).toBe('I can only read text. Please type your question.');
    const text = {
      message: {
        message_id: 78,
        date: 1,
        chat: { id: 1010, type: 'private', first_name: 'P' },
        from: { ...from, id: 1010 },
        text: 'How many mediation statements were issued?',
      },
    };
    const id = api.inject(text);
    api.injected.push({ ...text, update_id: id });
    await user.replies(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(user.history().filter((m) => String(m.text).includes('mediation statements'))).toHaveLength(1);
  });

  it('admin commands answer admins only; others get the unknown-command reply', async () => {
    const admin = api.client(900);
    await admin.say('/stats');
    const [stats] = await admin.replies(1);
    expect(stats.text).toMatch(/reports: 1/);
    const stranger = api.client(1011);
    await stranger.say('/stats');
    await stranger.say('/nosuchcommand');
    const [a, b] = await stranger.replies(2);
    expect(a.text).toBe(b.text);
  });
});
