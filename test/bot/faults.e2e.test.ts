import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRuntime, type Runtime } from '../../src/app.js';
import { createBot } from '../../src/bot/create-bot.js';
import { startBot, type RunningBot } from '../../src/bot/run.js';
import { BotApiHarness, TOKEN } from '../helpers/bot-api.js';
import { tempCorpus } from '../helpers/fixtures.js';

describe('the bot under Bot API faults and floods', () => {
  let api: BotApiHarness;
  let runtime: Runtime;
  let running: RunningBot;
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown): void => void rejections.push(reason);

  beforeAll(async () => {
    process.on('unhandledRejection', onRejection);
    api = await BotApiHarness.start();
    runtime = await openRuntime({ ...tempCorpus(), embeddingModel: undefined });
    const bot = createBot(
      TOKEN,
      { engine: () => runtime.engine, rateLimit: { questionBurst: 5, questionRefillMs: 60_000 } },
      { apiRoot: api.apiRoot, maxRetryDelaySeconds: 2 },
    );
    running = await startBot(bot, { port: 0 });
  });
  afterAll(async () => {
    await running.stop();
    await api.stop();
    process.off('unhandledRejection', onRejection);
  });

  it('keeps answering through 429, 500/502, slow answers and dropped connections, each update once', async () => {
    const user = api.client(4001);
    const ask = async (question: string, expected: string): Promise<void> => {
      await user.say(question);
      const [reply] = await user.replies(1, 20_000).catch((e: unknown) => {
        console.log(
          api.calls.map((c) => `${Math.round(c.at)} ${c.method} ${JSON.stringify(c.body).slice(0, 80)}`).join('\n'),
        );
        throw e;
      });
      expect(reply!.text).toContain(expected);
    };
    api.fail('getUpdates', { status: 502 });
    api.fail(
      'sendMessage',
      {
        status: 429,
        body: {
          ok: false,
          error_code: 429,
          description: 'Too Many Requests: retry after 1',
          parameters: { retry_after: 1 },
        },
      },
      { status: 500 },
    );
    await ask('How many mediation statements were issued?', 'mediation statements');
    api.fail('sendMessage', { drop: true });
    await ask('How many judicial confirmations did the court issue?', 'judicial confirmations');
    api.fail('sendMessage', { delayMs: 1500 });
    await ask('How many administrative cases were there in the county?', 'administrative cases');
    await new Promise((r) => setTimeout(r, 300));
    expect(user.history()).toHaveLength(3); // one reply per question: nothing processed twice
    expect(rejections).toEqual([]);
  });

  it("one user's flood is cut at the per-user limit and does not hold up another user", async () => {
    const flooder = api.client(4002);
    const other = api.client(4003);
    await Promise.all(Array.from({ length: 40 }, () => flooder.say('How many mediation statements were issued?')));
    await other.say('How many judicial confirmations did the court issue?');
    const queuedAt = performance.now();
    const [reply] = await other.replies(1, 10_000);
    expect(reply!.text).toContain('judicial confirmations');
    // From the message reaching the Bot API to the reply reaching it: the stated bound (README "Reliability").
    const replyAt = api.calls.find((c) => c.method === 'sendMessage' && c.body.chat_id === 4003)!.at;
    expect(replyAt - queuedAt).toBeLessThan(1000);
    await new Promise((r) => setTimeout(r, 800));
    const got = flooder.history();
    expect(got.filter((m) => String(m.text).includes('mediation statements'))).toHaveLength(5);
    expect(got.filter((m) => String(m.text).startsWith('You are asking very quickly'))).toHaveLength(1);
  });
});
