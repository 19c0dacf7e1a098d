import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openRuntime, type Runtime } from '../../src/app.js';
import { createBot } from '../../src/bot/create-bot.js';
import { startBot, type RunningBot } from '../../src/bot/run.js';
import { ConfigError } from '../../src/errors.js';
import { log } from '../../src/log.js';
import { BotApiHarness, TOKEN } from '../helpers/bot-api.js';
import { tempCorpus } from '../helpers/fixtures.js';

describe('long polling when the Bot API misbehaves', () => {
  let runtime: Runtime;
  const started: { api: BotApiHarness; running: RunningBot }[] = [];
  beforeAll(async () => {
    runtime = await openRuntime({ ...tempCorpus(), embeddingModel: undefined });
  });
  afterEach(async () => {
    for (const { api, running } of started.splice(0)) {
      await running.stop();
      await api.stop();
    }
    vi.restoreAllMocks();
  });
  const start = async (): Promise<{ api: BotApiHarness; running: RunningBot; stderr: string[] }> => {
    const api = await BotApiHarness.start();
    const stderr: string[] = [];
    // The log is quiet in tests: record what it is asked to say.
    for (const level of ['info', 'warn', 'error'] as const)
      vi.spyOn(log, level).mockImplementation((...parts: unknown[]) => void stderr.push(parts.join(' ')));
    const running = await startBot(createBot(TOKEN, { engine: () => runtime.engine }, { apiRoot: api.apiRoot }), {
      port: 0,
    });
    started.push({ api, running });
    return { api, running, stderr };
  };

  it('after a 12 s outage: one line when it starts, one when it ends, and the first answer within 5 s', async () => {
    const { api, stderr } = await start();
    api.down = true;
    await new Promise((r) => setTimeout(r, 12_000));
    api.down = false;
    const recovered = Date.now();
    const user = api.client(6001);
    await user.say('How many mediation statements were issued?');
    const [reply] = await user.replies(1, 8000);
    expect(reply!.text).toContain('mediation statements');
    expect(Date.now() - recovered).toBeLessThan(5000);
    expect(stderr.filter((l) => l.includes('Bot API unreachable'))).toHaveLength(1);
    expect(stderr.filter((l) => l.includes('Bot API reachable again'))).toHaveLength(1);
  }, 30_000);

  it('409 (another instance polling): one line, then polling again with back-off, and answers once it clears', async () => {
    const { api, running, stderr } = await start();
    api.fail('getUpdates', {
      status: 409,
      body: { ok: false, error_code: 409, description: 'Conflict: terminated by other getUpdates request' },
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(stderr.filter((l) => l.includes('Another instance is polling'))).toHaveLength(1);
    const user = api.client(6002);
    await user.say('How many mediation statements were issued?');
    const [reply] = await user.replies(1, 10_000);
    expect(reply!.text).toContain('mediation statements');
    const settled = await Promise.race([running.failed, new Promise((r) => setTimeout(() => r('running'), 50))]);
    expect(settled).toBe('running');
  }, 20_000);

  it('401 (token revoked) while running: the bot gives up with a ConfigError saying what to do', async () => {
    const { api, running } = await start();
    api.fail('getUpdates', { status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } });
    const error = await running.failed;
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toBe(
      'The Bot API no longer accepts TELEGRAM_BOT_TOKEN (401 Unauthorized): it was revoked or changed. Put the current token from @BotFather in .env and start again.',
    );
  });

  it('a 429 asking to wait 31 s delays the answer but does not lose it', async () => {
    const { api } = await start();
    api.fail('sendMessage', {
      status: 429,
      body: {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests: retry after 31',
        parameters: { retry_after: 31 },
      },
    });
    const user = api.client(6003);
    const asked = Date.now();
    await user.say('How many mediation statements were issued?');
    const [reply] = await user.replies(1, 40_000);
    expect(reply!.text).toContain('mediation statements');
    expect(Date.now() - asked).toBeGreaterThanOrEqual(30_000);
  }, 45_000);
});
