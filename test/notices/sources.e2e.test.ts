import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRuntime, type Runtime } from '../../src/app.js';
import { createBot } from '../../src/bot/create-bot.js';
import { startBot, type RunningBot } from '../../src/bot/run.js';
import { startNotices, type NoticeService } from '../../src/notices/service.js';
import { SqliteDb } from '../../src/db/sqlite.js';
import { BotApiHarness, TOKEN } from '../helpers/bot-api.js';
import { makePdf } from '../helpers/documents.js';
import { tempCorpus, tempDir } from '../helpers/fixtures.js';
import { listingPage, Publisher } from '../helpers/publisher.js';

type Keyboard = { inline_keyboard: { text: string; callback_data?: string; url?: string }[][] };

describe('a report published on a watched site reaches subscribers by itself', () => {
  let api: BotApiHarness;
  let site: Publisher;
  let runtime: Runtime;
  let notices: NoticeService;
  let db: SqliteDb;
  let running: RunningBot;

  beforeAll(async () => {
    api = await BotApiHarness.start();
    site = await Publisher.start();
    site.set('/reports/', listingPage([]), 'text/html');
    const sourcesFile = join(tempDir(), 'sources.txt');
    writeFileSync(sourcesFile, `# the county's annual reports\n${site.origin}/reports/ \\.pdf$\n`);
    const dirs = tempCorpus();
    runtime = await openRuntime({ ...dirs, embeddingModel: undefined });
    db = new SqliteDb(join(dirs.dataDir, 'subscriptions.db'));
    notices = await startNotices({
      token: TOKEN,
      apiRoot: api.apiRoot,
      ...dirs,
      db,
      runtime,
      pollMs: 100,
      sources: { file: sourcesFile, pollMs: 300, allowPrivate: true, perHostGapMs: 0 },
    });
    const bot = createBot(
      TOKEN,
      { engine: () => runtime.engine, adminIds: [3009], plugins: [notices.plugin] },
      { apiRoot: api.apiRoot },
    );
    running = await startBot(bot, { port: 0 });
  });
  afterAll(async () => {
    await running.stop();
    await notices.stop();
    await db.close();
    await site.stop();
    await api.stop();
  });

  it('one notice per subscriber; its example question is answered from the new report, cited by page, with a link to the original', async () => {
    const [a, b] = [api.client(3001), api.client(3002)];
    for (const u of [a, b]) {
      await u.say('/subscribe');
      await u.replies(1);
    }
    site.set(
      '/reports/2024-parks.pdf',
      makePdf([
        [
          'Dale County 2024 Parks Report',
          '1. New parks',
          'Six new parks opened in 2024, and volunteers planted 300 new trees along the river.',
        ],
        ['2. Playgrounds', 'Twelve playgrounds were rebuilt with soft surfaces for young children.'],
      ]),
      'application/pdf',
    );
    site.set('/reports/', listingPage(['/reports/2024-parks.pdf', '/reports/old.html']), 'text/html');

    const [notice] = await a.replies(1, 15_000);
    expect(notice!.text).toContain('Dale County 2024 Parks Report');
    const buttons = (notice!.reply_markup as Keyboard).inline_keyboard.flat();
    const example = buttons.find((x) => x.callback_data?.startsWith('r:'))!;
    expect(example.text).toBe('How many new trees?'); // made from the report's own figure: it has no sidecar
    expect((await b.replies(1, 15_000))[0]!.text).toContain('Dale County 2024 Parks Report');

    await a.press(example.callback_data!, notice!.messageId as number);
    const [answer] = await a.replies(1);
    expect(answer!.text).toMatch(/300 <b>new trees<\/b>/);
    expect(answer!.text).toMatch(/· p\. [12] · <a href=/);
    const original = (answer!.reply_markup as Keyboard).inline_keyboard.flat().find((x) => x.text === '🌐 Original');
    expect(original?.url).toBe(`${site.origin}/reports/2024-parks.pdf`);

    // Later polls find nothing new: still exactly one notice each.
    await new Promise((r) => setTimeout(r, 1200));
    for (const u of [a, b]) expect(u.history().filter((m) => String(m.text).includes('📢'))).toHaveLength(1);
    await a.say('/status');
    await a.replies(1);
    const admin = api.client(3009);
    await admin.say('/stats');
    const [stats] = await admin.replies(1);
    expect(stats!.text).toContain(`source ${site.origin}/reports/: ok`);
    expect(stats!.text).toContain('1 report(s) downloaded');
  });
});
