import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from 'grammy';
import { openRuntime, type Runtime } from '../../src/app.js';
import { createBot } from '../../src/bot/create-bot.js';
import { startBot, type RunningBot } from '../../src/bot/run.js';
import type { BotContext } from '../../src/bot/context.js';
import { BotApiHarness, TOKEN } from '../helpers/bot-api.js';
import { tempCorpus } from '../helpers/fixtures.js';
import { BOT_INFO } from '../helpers/offline-bot.js';
import { expectValidTelegramHtml } from '../helpers/telegram-html.js';

describe('the bot end to end through a Bot API emulator', () => {
  let api: BotApiHarness;
  let runtime: Runtime;
  let bot: Bot<BotContext>;
  let running: RunningBot;

  beforeAll(async () => {
    api = await BotApiHarness.start();
    const { corpusDir, dataDir } = tempCorpus();
    runtime = await openRuntime({ corpusDir, dataDir, embeddingModel: undefined });
    bot = createBot(
      TOKEN,
      { engine: () => runtime.engine, adminIds: [900] },
      { apiRoot: api.apiRoot, botInfo: BOT_INFO },
    );
    running = await startBot(bot, { port: 0 });
  });
  afterAll(async () => {
    await running.stop();
    await api.stop();
  });

  it('answers with a card: the quote in a blockquote, distinctive words bold, one short citation line, buttons', async () => {
    const user = api.client(1001);
    await user.say('How many administrative cases were there in the county?');
    const [reply] = await user.replies(1);
    const text = reply!.text as string;
    expect(text).toMatch(/^<blockquote>In 2023, there will be 13 <b>administrative cases<\/b> in the county/); // "county" alone is too common to bold
    const citation = text.split('\n').at(-1)!;
    // The ¶ is a deep link that opens the paragraph in a chat with the bot.
    expect(citation).toMatch(
      /^📄 Zuoyun County 2023 Rule of Law Report · §1 › \(3\) › Sixth · <a href="https:\/\/t\.me\/report_quote_bot\?start=p_[0-9a-f]{8}_26">¶26<\/a>$/,
    );
    expect(citation.replace(/<[^>]+>/g, '').length).toBeLessThanOrEqual(120);
    expect(reply!.parse_mode).toBe('HTML');
    expectValidTelegramHtml(text);
    const buttons = (
      reply!.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }
    ).inline_keyboard.flat();
    expect(buttons.map((b) => b.text)).toEqual(['📄 More context', '📑 Section', '🔎 Other matches', '↗ Share']);
    expect(buttons[3]).toMatchObject({
      switch_inline_query: 'How many administrative cases were there in the county?',
    });
    expect(api.callsOf('sendChatAction')[0]).toMatchObject({ action: 'typing' });
  });

  it('registers menus per kind of chat and the description, in English and Chinese', () => {
    const menus = api.callsOf('setMyCommands').map((c) => ({
      scope: (c.scope as { type: string }).type,
      lang: (c.language_code as string | undefined) ?? 'default',
      commands: (c.commands as { command: string }[]).map((x) => x.command),
    }));
    expect(menus.map((m) => `${m.scope}/${m.lang}`)).toEqual([
      'all_private_chats/default',
      'all_group_chats/default',
      'all_private_chats/zh',
      'all_group_chats/zh',
    ]);
    expect(menus[0]!.commands).not.toContain('ask');
    expect(menus[1]!.commands).toContain('ask');
    expect(api.callsOf('setMyDescription').map((c) => c.language_code ?? 'default')).toEqual(['default', 'zh']);
    expect(String(api.callsOf('setMyShortDescription')[0]!.short_description)).toMatch(/quoted verbatim/);
  });

  it('more context, ±1, section outline and other matches expand the card in place, and Less folds it back', async () => {
    const user = api.client(1002);
    await user.say('How many mediation statements were issued?');
    const [reply] = await user.replies(1);
    const id = reply!.messageId as number;
    const card = reply!.text as string;
    const shown = (): string => user.history().find((m) => m.messageId === id)?.text as string;
    const keys = (): Record<string, string> =>
      Object.fromEntries(
        (
          user.history().find((m) => m.messageId === id)?.reply_markup as {
            inline_keyboard: { text: string; callback_data: string }[][];
          }
        ).inline_keyboard
          .flat()
          .map((b) => [b.text, b.callback_data]),
      );
    await user.press(keys()['📄 More context']!, id);
    // The whole paragraph, the quoted sentence bold inside it.
    await expect
      .poll(shown, { timeout: 5000 })
      .toMatch(
        /^First, in-depth investigation .* <b>In 2023, the people's mediators .* issued 12 mediation statements\.<\/b> The labor/,
      );
    expectValidTelegramHtml(shown());
    await user.press(keys()['📄 ±1 paragraph']!, id);
    await expect.poll(shown, { timeout: 5000 }).toMatch(/<i>¶\d+<\/i>[\s\S]*<i>¶\d+<\/i>/);
    await user.press(keys()['📑 Section']!, id);
    await expect.poll(shown, { timeout: 5000 }).toMatch(/Section outline/);
    expect(shown()).toMatch(
      /\(4\) Effectively resolve social conflicts and disputes · ¶28\n\s*<b>First, in-depth investigation and resolution of contradictions and disputes · ¶29<\/b>/,
    );
    // The outline is a table of contents: an item opens its paragraph in the same message.
    const second = Object.entries(keys()).find(([label]) => label.trim().startsWith('Second,'))!;
    await user.press(second[1], id);
    await expect
      .poll(shown, { timeout: 5000 })
      .toMatch(
        /^Second, .*\n\n📄 Zuoyun County 2023 Rule of Law Report · §1 › \(\d\) › Second · <a href=".*">¶\d+<\/a>$/s,
      );
    await user.press(keys()['📑 Section']!, id);
    await expect.poll(shown, { timeout: 5000 }).toMatch(/Section outline/);
    await user.press(keys()['▲ Less']!, id);
    await expect.poll(shown, { timeout: 5000 }).toBe(card);
    await user.press(keys()['🔎 Other matches']!, id);
    await expect.poll(shown, { timeout: 5000 }).toMatch(/^<i>Match 2 of \d/);
    // Nothing was sent as a new message: every view edited the one card.
    expect(user.history().filter((m) => (m.messageId as number) > id)).toEqual([]);
  });

  it('refuses honestly and offers the nearest sections as buttons', async () => {
    const user = api.client(1003);
    await user.say('How many cinemas are in the county?');
    const [reply] = await user.replies(1);
    expect(reply!.text).toMatch(/^The report does not seem to cover this\./);
    const buttons = (
      reply!.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }
    ).inline_keyboard.flat();
    expect(buttons.filter((b) => b.text.startsWith('§ ')).length).toBeGreaterThan(0);
    // A way on: browse the report's contents, or try a question that works.
    const browse = buttons.find((b) => b.text === '📚 Browse sections')!;
    const example = buttons.find((b) => b.text.startsWith('💡 '))!;
    await user.press(browse.callback_data, reply!.messageId as number);
    const [contents] = await user.replies(1);
    expect(contents!.text).toMatch(/^<b>📚 Contents<\/b> — Zuoyun County 2023 Rule of Law Report/);
    const entries = (
      contents!.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }
    ).inline_keyboard.flat();
    expect(entries.map((e) => e.text)).toContain('2 Deficiencies and Causes of Promoting the…');
    // Header lines are no part of the contents; an entry opens the text under its heading in place, and back.
    expect(entries.map((e) => e.text).join()).not.toMatch(/Title|Signed by|Release note|Date of issue/);
    const contentsId = contents!.messageId as number;
    const shown = (): { text: string; buttons: { text: string; callback_data: string }[] } => {
      const m = user.history().find((x) => x.messageId === contentsId)!;
      return {
        text: m.text as string,
        buttons: (
          m.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }
        ).inline_keyboard.flat(),
      };
    };
    await user.press(entries.find((e) => e.text.startsWith('2 Deficiencies'))!.callback_data, contentsId);
    await expect
      .poll(() => shown().text, { timeout: 5000 })
      .toMatch(/^First, .*\n\n📄 Zuoyun County 2023 Rule of Law Report · §2/s);
    await user.press(shown().buttons.find((b) => b.text === '📚 Contents')!.callback_data, contentsId);
    await expect.poll(() => shown().text, { timeout: 5000 }).toMatch(/^<b>📚 Contents<\/b>/);
    await user.press(example.callback_data, reply!.messageId as number);
    const [answer] = await user.replies(1);
    expect(answer!.text).toContain('13 <b>administrative cases</b>');
    // Off-topic: no nearest sections (nothing relates), one line of what the bot answers from, an example.
    await user.say("What's the weather in Paris tomorrow?");
    const [offTopic] = await user.replies(1);
    expect(offTopic!.text).toBe(
      'The report does not seem to cover this.\nI answer from Zuoyun County 2023 Rule of Law Report.',
    );
    const offButtons = (offTopic!.reply_markup as { inline_keyboard: { text: string }[][] }).inline_keyboard
      .flat()
      .map((b) => b.text);
    expect(offButtons.filter((b) => b.startsWith('§ '))).toEqual([]);
    expect(offButtons.some((b) => b.startsWith('💡 '))).toBe(true);
  });

  it('escapes report text and user text, and survives hostile messages', async () => {
    const user = api.client(1004);
    for (const text of [
      '<b>unclosed & "quoted"',
      '\u202e\u200b',
      'x'.repeat(5000),
      '/nosuchcommand',
      "'; DROP TABLE subscribers; --",
    ])
      await user.say(text);
    const replies = await user.replies(5);
    for (const r of replies) expectValidTelegramHtml(r.text as string);
    await user.say('How many judicial confirmations did the court issue?');
    const [after] = await user.replies(1);
    expect(after!.text).toContain('5 <b>judicial confirmations</b>');
  });

  it('rejects forged or stale button data with a short answer', async () => {
    const user = api.client(1005);
    for (const data of ['c:deadbeef:1', 'p:zzzz:1', '<script>', 'c:00000000:999999', 'e:99']) await user.press(data, 1);
    await user.say('How many mediation statements were issued?');
    const [reply] = await user.replies(1);
    expect(reply!.text).toContain('mediation statements');
  });

  it('/start lists the reports and offers example questions that answer', async () => {
    const user = api.client(1006);
    await user.say('/start');
    const [welcome] = await user.replies(1);
    expect(welcome!.text).toContain('ZZF [2024] No. 2');
    const examples = (
      welcome!.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }
    ).inline_keyboard.flat();
    expect(examples).toHaveLength(3);
    await user.press(examples[0]!.callback_data, welcome!.messageId as number);
    const [answer] = await user.replies(1);
    expect(answer!.text).toContain('13 <b>administrative cases</b>');
  });

  it('speaks Chinese to Chinese users and quotes the report in English', async () => {
    const user = api.client(1007, { languageCode: 'zh-hans' });
    await user.say('/help');
    const [help] = await user.replies(1);
    expect(help!.text).toContain('直接用自己的话发送问题即可');
    await user.say('How many cinemas are in the county?');
    const [refusal] = await user.replies(1);
    expect(refusal!.text).toMatch(/^报告似乎没有涉及这个问题/);
  });

  it('in groups answers /ask and mentions only', async () => {
    const member = api.client(1008, { chatId: -5001, type: 'group' });
    // Ordinary group chat is not a question: it neither gets a reply nor uses up the member's question limit (20/min).
    for (let i = 0; i < 25; i++) await member.say(`just chatting about 13 administrative cases ${i}`);
    await member.say('/ask How many mediation statements were issued?');
    const [reply] = await member.replies(1);
    expect(reply!.text).toContain('mediation statements');
    await member.say('@report_quote_bot How many judicial confirmations did the court issue?');
    const [mention] = await member.replies(1);
    expect(mention!.text).toContain('judicial confirmations');
    // Answers reply to the question they answer.
    const sent = api.callsOf('sendMessage').filter((c) => String(c.chat_id) === '-5001');
    expect(sent.at(-1)?.reply_parameters).toMatchObject({ allow_sending_without_reply: true });
    // A reply to one of the bot's answers is a follow-up question.
    const from = { ...member.from };
    const chat = { id: -5001, type: 'group', title: 'G' };
    /** A group message sent as a reply to one of the bot's messages. */
    const replyToBot = (messageId: number, to: unknown, text: string, sender: typeof from = from): void =>
      void api.inject({
        message: {
          message_id: messageId,
          date: 1,
          chat,
          from: sender,
          text,
          reply_to_message: {
            message_id: to as number,
            date: 1,
            chat,
            from: { id: BOT_INFO.id, is_bot: true, first_name: 'Report Bot' },
            text: 'x',
          },
        },
      });
    replyToBot(9001, mention!.messageId, 'And how many village doctors were dismissed?');
    const [followUp] = await member.replies(1);
    expect(followUp!.text).toContain('<b>dismissed</b> three <b>village doctors</b>');
    // Chatter in reply to an answer ("lol ok, that is wild", an emoji, an off-topic aside) gets no refusal card in the
    // group.
    const before = api.callsOf('sendMessage').filter((c) => String(c.chat_id) === '-5001').length;
    for (const [i, text] of ['lol ok, that is wild', '😂😂', 'what is the weather in Paris'].entries())
      replyToBot(9100 + i, followUp!.messageId, text);
    await member.say('/ask How many mediation statements were issued?');
    await member.replies(1);
    expect(api.callsOf('sendMessage').filter((c) => String(c.chat_id) === '-5001')).toHaveLength(before + 1);
    await member.say('/start');
    const [welcome] = await member.replies(1);
    expect(welcome!.text).toMatch(
      /In this group, ask with \/ask your question, mention @report_quote_bot, or reply to one of my answers/,
    );
    // A request for the whole report, in reply to an answer, gets its contents (another member: the first has
    // used up its questions for the minute).
    const other = api.client(1021, { chatId: -5001, type: 'group' });
    replyToBot(9200, followUp!.messageId, 'can you summarize the report?', other.from);
    expect((await other.replies(1))[0]!.text).toMatch(/Contents/);
  });

  it('greetings get the welcome, thanks a short reply, and /help every command', async () => {
    const user = api.client(1011);
    await user.say('hi!');
    const [welcome] = await user.replies(1);
    expect(welcome!.text).toContain('Reports I know');
    const examples = (welcome!.reply_markup as { inline_keyboard: { text: string }[][] }).inline_keyboard.flat();
    expect(examples).toHaveLength(3);
    await user.say('thanks a lot');
    const [thanks] = await user.replies(1);
    expect(thanks!.text).toBe('You are welcome. Ask another question any time.');
    await user.say('what reports do you have?');
    const [list] = await user.replies(1);
    expect(list!.text).toMatch(/^<b>Indexed reports:<\/b>/);
    // A request for the whole report: its contents (one report here), not a passage.
    await user.say('summarize the report please');
    const [contents] = await user.replies(1);
    expect(contents!.text).toMatch(/Contents/);
    await user.say('/help');
    const [help] = await user.replies(1);
    // This bot has no notices plug-in: its help names only its own commands (test/notices/plugin.test.ts).
    for (const command of ['/reports', '/about', '@report_quote_bot']) expect(help!.text).toContain(command);
    expect(help!.text).not.toContain('/subscribe');
    expect(String(help!.text)).not.toMatch(/BM25|semantic|lexical/i);
  });

  it("deep links open a paragraph or a report's contents; the card's ¶ is such a link", async () => {
    const user = api.client(1013);
    await user.say('How many mediation statements were issued?');
    const [card] = await user.replies(1);
    const link = /<a href="https:\/\/t\.me\/report_quote_bot\?start=(p_[0-9a-f]{8}_29)">¶29<\/a>$/.exec(
      card!.text as string,
    );
    expect(link).not.toBeNull();
    await user.say(`/start ${link![1]}`);
    const [paragraph] = await user.replies(1);
    expect(paragraph!.text).toContain('issued 12 mediation statements');
    await user.say(`/start ${link![1]!.replace(/^p_(\w+)_\d+$/, 'r_$1')}`);
    const [contents] = await user.replies(1);
    expect(contents!.text).toMatch(/Contents/);
    await user.say('/start p_00000000_1'); // unknown report: the welcome
    expect((await user.replies(1))[0]!.text).toContain('Reports I know');
  });

  it('editing a question edits its answer', async () => {
    const user = api.client(1012);
    const from = user.from;
    const chat = { id: 1012, type: 'private', first_name: 'E' };
    api.inject({
      message: { message_id: 501, date: 1, chat, from, text: 'How many mediation statements were issued?' },
    });
    const [answer] = await user.replies(1);
    expect(answer!.text).toContain('12 <b>mediation statements</b>');
    api.inject({
      edited_message: {
        message_id: 501,
        date: 1,
        edit_date: 2,
        chat,
        from,
        text: 'How many village doctors were dismissed?',
      },
    });
    await expect
      .poll(() => user.history().find((m) => m.messageId === answer!.messageId)?.text, { timeout: 5000 })
      .toContain('<b>dismissed</b> three <b>village doctors</b>');
    expect(user.history()).toHaveLength(1);
  });

  it('answers inline queries, hints on non-text messages, and answers a duplicated update once', async () => {
    const from = { id: 1009, is_bot: false, first_name: 'In', language_code: 'en' };
    api.inject({ inline_query: { id: 'iq1', from, query: 'administrative cases', offset: '' } });
    await expect.poll(() => api.callsOf('answerInlineQuery').length, { timeout: 5000 }).toBe(1);
    const results = api.callsOf('answerInlineQuery')[0]!.results as {
      input_message_content: { message_text: string };
    }[];
    expect(results[0]!.input_message_content.message_text).toContain('administrative cases');
    expect(results[0]!.input_message_content.message_text).toMatch(/^<i>❓ administrative cases<\/i>\n<blockquote>/); // the card says what it answers
    // An empty query and one the reports do not answer: a button into the private chat, not nothing.
    api.inject({ inline_query: { id: 'iq2', from, query: '', offset: '' } });
    api.inject({ inline_query: { id: 'iq3', from, query: 'best pizza in Naples', offset: '' } });
    await expect.poll(() => api.callsOf('answerInlineQuery').length, { timeout: 5000 }).toBe(3);
    for (const call of api.callsOf('answerInlineQuery').slice(1))
      expect(call.button).toMatchObject({ start_parameter: 'inline' });
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
    expect(hint!.text).toBe('I can only read text. Please type your question.');
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
    expect(stats!.text).toMatch(/reports: 1/);
    const stranger = api.client(1011);
    await stranger.say('/stats');
    await stranger.say('/nosuchcommand');
    const [a, b] = await stranger.replies(2);
    expect(a!.text).toBe(b!.text);
  });
});
