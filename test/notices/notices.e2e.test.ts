import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRuntime, type Runtime } from '../../src/app.js';
import { createBot } from '../../src/bot/create-bot.js';
import { startBot, type RunningBot } from '../../src/bot/run.js';
import { startNotices, type NoticeService } from '../../src/notices/service.js';
import { SqliteDb } from '../../src/db/sqlite.js';
import { BotApiHarness, TOKEN } from '../helpers/bot-api.js';
import { NEW_REPORT, NEW_REPORT_META, tempCorpus } from '../helpers/fixtures.js';

describe('subscriptions and new-report notices end to end', () => {
  let api: BotApiHarness;
  let runtime: Runtime;
  let notices: NoticeService;
  let running: RunningBot;
  let corpusDir: string;
  let db: SqliteDb;

  beforeAll(async () => {
    api = await BotApiHarness.start();
    const dirs = tempCorpus();
    corpusDir = dirs.corpusDir;
    runtime = await openRuntime({ ...dirs, embeddingModel: undefined });
    db = new SqliteDb(join(dirs.dataDir, 'subscriptions.db'));
    notices = await startNotices({ token: TOKEN, apiRoot: api.apiRoot, ...dirs, db, runtime, pollMs: 100 });
    const bot = createBot(TOKEN, { engine: () => runtime.engine, plugins: [notices.plugin] }, { apiRoot: api.apiRoot });
    running = await startBot(bot, { port: 0 });
  });
  afterAll(async () => {
    await running.stop();
    await notices.stop();
    await db.close();
    await api.stop();
  });

  it('each subscriber gets exactly one notice; the unsubscribed and the blocked none', async () => {
    const [a, b, c, blocked] = [
      api.client(2001),
      api.client(2002, { languageCode: 'zh-hans' }),
      api.client(2003),
      api.client(2004),
    ];
    for (const u of [a, b, c, blocked]) {
      await u.say('/subscribe');
      expect((await u.replies(1))[0]!.text).toMatch(/Subscribed|订阅成功/);
    }
    await c.say('/unsubscribe');
    expect((await c.replies(1))[0]!.text).toBe('Unsubscribed. You will get no more notices.');
    await a.say('/watch legal aid');
    await a.replies(1);
    await a.say('/watch court fees');
    await a.replies(1);
    await a.say('/watch libraries');
    expect((await a.replies(1))[0]!.text).toContain('libraries');
    await a.say('/status');
    const [status] = await a.replies(1);
    expect(status!.text).toMatch(
      /^Subscribed since \d{4}-\d\d-\d\d\. 1 report\(s\) indexed\.\n\nWatched topics:\n• legal aid\n• court fees\n• libraries$/,
    );
    const statusButtons = (
      status!.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }
    ).inline_keyboard.flat();
    expect(statusButtons.map((x) => x.text)).toEqual(['🔕 Unsubscribe', '✖ legal aid', '✖ court fees', '✖ libraries']);
    // A topic removed by command; then the older /status message's "✖ court fees" removes court fees (not what is now
    // second in the list), and the status message shows the change in place.
    await a.say('/unwatch legal aid');
    await a.replies(1);
    await a.press(statusButtons[2]!.callback_data, status!.messageId as number);
    await expect
      .poll(() => a.history().find((m) => m.messageId === status!.messageId)?.text, { timeout: 5000 })
      .not.toContain('court fees');
    expect(await notices.store.watches(2001)).toEqual(['libraries']);
    await c.say('/status');
    const [off] = await c.replies(1);
    expect(
      (off!.reply_markup as { inline_keyboard: { text: string }[][] }).inline_keyboard.flat().map((x) => x.text),
    ).toEqual(['🔔 Subscribe']);

    const group = api.client(2005, { chatId: -6001, type: 'group' });
    await group.say('/subscribe');
    expect((await group.replies(1))[0]!.text).toBe("Only a group admin can change this group's subscription.");
    api.chatMembers.set('-6001:2005', 'administrator');
    await group.say('/subscribe');
    expect((await group.replies(1))[0]!.text).toBe('Subscribed. I will tell you when a new report is added.');

    api.blockedChats.add(2004);
    writeFileSync(join(corpusDir, 'riverside-2024-library-report.meta.json'), NEW_REPORT_META);
    writeFileSync(join(corpusDir, 'riverside-2024-library-report.md'), NEW_REPORT);

    const [notice] = await a.replies(2, 15_000);
    expect(notice!.text).toContain('Riverside County 2024 Library Report');
    expect(notice!.text).toContain('RCG [2024] No. 7');
    const buttons = (
      notice!.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }
    ).inline_keyboard.flat();
    expect(buttons.map((x) => x.text)).toEqual([
      'How many libraries were opened?',
      'How many books were lent?',
      '🔕 Unsubscribe',
    ]);
    // The watched topic: its passage, with a button opening the paragraph; an unanswered topic sends nothing.
    const watched = a.history().filter((m) => String(m.text).includes('52000 books'));
    expect(watched).toHaveLength(1);
    expect(String(watched[0]!.text)).toMatch(/^<b>In the new report, on “libraries”:<\/b>\n\n<blockquote>/);
    const open = (
      watched[0]!.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }
    ).inline_keyboard.flat();
    expect(open.map((x) => [x.text, x.callback_data.slice(0, 2)])).toEqual([['📄 More context', 'c:']]);
    expect((await b.replies(1, 15_000))[0]!.text).toContain('新增了一份报告');
    expect((await group.replies(1, 15_000))[0]!.text).toContain('Riverside County');
    await expect.poll(async () => (await notices.store.subscriber(2004))?.active, { timeout: 10_000 }).toBe(false);

    // the example button answers from the new report, right away
    await a.press(buttons[0]!.callback_data, notice!.messageId as number);
    const answers = await a.replies(1);
    expect(answers[0]!.text).toContain('4 new public <b>libraries</b>');

    // nothing more arrives: one notice each, none for the unsubscribed
    await new Promise((r) => setTimeout(r, 600));
    expect(a.history().filter((m) => String(m.text).includes('📢'))).toHaveLength(1);
    expect(b.history().filter((m) => String(m.text).includes('📢'))).toHaveLength(1);
    expect(c.history().filter((m) => String(m.text).includes('📢'))).toHaveLength(0);
    expect(await notices.store.counts()).toMatchObject({ pending: 0 });
  });

  it('a changed report is re-indexed without a notice; /start re-activates a blocked subscriber', async () => {
    const a = api.client(2001);
    const before = api.callsOf('sendMessage').length;
    writeFileSync(join(corpusDir, 'riverside-2024-library-report.md'), NEW_REPORT.replace('52000', '53000'));
    await expect
      .poll(async () => (await runtime.engine.answer('How many books were lent?')).answers[0]?.quote.text, {
        timeout: 10_000,
      })
      .toContain('53000');
    await new Promise((r) => setTimeout(r, 400));
    expect(api.callsOf('sendMessage').length).toBe(before);
    void a;
    api.blockedChats.delete(2004);
    const back = api.client(2004);
    await back.say('/start');
    await back.replies(1);
    expect((await notices.store.subscriber(2004))?.active).toBe(true);
  });

  it('the subscribe deep link (t.me/<bot>?start=subscribe) subscribes', async () => {
    const fresh = api.client(2006);
    await fresh.say('/start subscribe');
    expect((await fresh.replies(1))[0]!.text).toBe('Subscribed. I will tell you when a new report is added.');
    expect((await notices.store.subscriber(2006))?.active).toBe(true);
  });
});
