import type { ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest.js';
import { SubscriptionStore } from '../../src/notices/store.js';
import { SqliteDb } from '../../src/db/sqlite.js';
import { BotApiHarness, TOKEN } from '../helpers/bot-api.js';
import { NEW_REPORT, tempCorpus } from '../helpers/fixtures.js';
import { spawnBot } from '../helpers/processes.js';

const SUBSCRIBERS = 40;

/** The bot process, quiet. */
const startBotProcess = (env: Record<string, string>): ChildProcess => spawnBot({ ...env, LOG_LEVEL: 'silent' });

describe('a broadcast killed with -9 resumes after restart', () => {
  let api: BotApiHarness;
  let child: ChildProcess | undefined;
  beforeAll(async () => {
    api = await BotApiHarness.start();
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await api.stop();
  });

  it('every subscriber gets the notice, with at most one duplicate for the crash', async () => {
    const { corpusDir, dataDir } = tempCorpus();
    await ingest({ corpusDir, dataDir });
    const store = await SubscriptionStore.openFile(join(dataDir, 'subscriptions.db'));
    await store.markBaseline(['zuoyun-2023-rule-of-law-report']);
    for (let i = 1; i <= SUBSCRIBERS; i++) await store.subscribe(3000 + i, 'private', 'en');
    await store.close();
    writeFileSync(join(corpusDir, 'riverside-2024-library-report.md'), NEW_REPORT);
    api.delays.set('sendMessage', 40);
    const env = {
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: api.apiRoot,
      CORPUS_DIR: corpusDir,
      DATA_DIR: dataDir,
      EMBEDDING_MODEL: 'none',
      CORPUS_POLL_MS: '200',
    };
    const notices = (): number[] => api.callsOf('sendMessage').map((b) => Number(b.chat_id));

    child = startBotProcess(env);
    await expect.poll(() => notices().length, { timeout: 30_000, interval: 20 }).toBeGreaterThanOrEqual(12);
    child.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
    const beforeRestart = notices().length;
    expect(beforeRestart).toBeLessThan(SUBSCRIBERS);

    child = startBotProcess(env);
    await expect.poll(() => new Set(notices()).size, { timeout: 30_000, interval: 50 }).toBe(SUBSCRIBERS);
    await new Promise((r) => setTimeout(r, 500));
    child.kill('SIGTERM');
    await new Promise((r) => child!.once('exit', r));
    const duplicates = notices().length - new Set(notices()).size;
    expect(duplicates).toBeLessThanOrEqual(1);
    const file = new SqliteDb(join(dataDir, 'subscriptions.db'));
    expect(file.integrityCheck()).toBe('ok');
    const after = await SubscriptionStore.open(file);
    expect(await after.counts()).toEqual({ pending: 0, sent: SUBSCRIBERS, dropped: 0, failed: 0 });
    await after.close();
  });
});
