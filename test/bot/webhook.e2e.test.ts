import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRuntime } from '../../src/app.js';
import { createBot } from '../../src/bot/create-bot.js';
import { startBot, type RunningBot } from '../../src/bot/run.js';
import { BotApiHarness, freePort, TOKEN } from '../helpers/bot-api.js';
import { tempCorpus } from '../helpers/fixtures.js';

describe('webhook mode', () => {
  let api: BotApiHarness;
  let running: RunningBot;
  let port: number;

  beforeAll(async () => {
    api = await BotApiHarness.start();
    const runtime = await openRuntime({ ...tempCorpus(), embeddingModel: undefined });
    port = await freePort();
    running = await startBot(createBot(TOKEN, { engine: () => runtime.engine }, { apiRoot: api.apiRoot }), {
      webhookUrl: `http://127.0.0.1:${port}/`,
      port,
    });
  });
  afterAll(async () => {
    await running.stop();
    await api.stop();
  });

  it('registers the webhook and answers updates the Bot API posts to it', async () => {
    expect(api.callsOf('setWebhook')[0]).toMatchObject({ url: `http://127.0.0.1:${port}/` });
    const user = api.client(5001);
    await user.say('How many mediation statements were issued?');
    const [reply] = await user.replies(1);
    expect(reply!.text).toContain('mediation statements');
    expect(api.callsOf('getUpdates')).toHaveLength(0);
  });

  it('registers a secret and refuses forged updates (no secret header, wrong secret) with 401', async () => {
    const secret = api.callsOf('setWebhook')[0]!.secret_token;
    expect(typeof secret).toBe('string');
    expect(String(secret).length).toBeGreaterThanOrEqual(32);
    const sentBefore = api.callsOf('sendMessage').length;
    const forged = {
      update_id: 99,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: 5002, type: 'private' },
        from: { id: 5002, is_bot: false, first_name: 'x' },
        text: 'How many mediation statements were issued?',
      },
    };
    for (const headers of [{}, { 'x-telegram-bot-api-secret-token': 'guess' }] as Record<string, string>[]) {
      const res = await fetch(`http://127.0.0.1:${port}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(forged),
      });
      expect(res.status).toBe(401);
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(api.callsOf('sendMessage')).toHaveLength(sentBefore);
  });

  it('serves /healthz and /metrics beside the webhook; the metrics move when questions are asked', async () => {
    const get = async (path: string): Promise<{ status: number; text: string }> => {
      const res = await fetch(`http://127.0.0.1:${port}${path}`);
      return { status: res.status, text: await res.text() };
    };
    const asked = (text: string, outcome: string): number =>
      Number(new RegExp(`rqb_questions_total\\{outcome="${outcome}"\\} (\\d+)`).exec(text)?.[1] ?? 0);
    const health = await get('/healthz');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.text)).toMatchObject({ ok: true, checks: { telegram: { ok: true } } });
    const before = await get('/metrics');
    expect(before.text).toContain('# TYPE rqb_answer_seconds histogram');
    const user = api.client(5003);
    await user.say('How many mediation statements were issued?');
    await user.replies(1);
    await user.say('What is the weather in Paris tomorrow?');
    await user.replies(1);
    const after = await get('/metrics');
    expect(asked(after.text, 'high') + asked(after.text, 'low')).toBe(
      asked(before.text, 'high') + asked(before.text, 'low') + 1,
    );
    expect(asked(after.text, 'refused')).toBe(asked(before.text, 'refused') + 1);
    expect((await get('/other')).status).toBe(401); // anything else is the webhook's, and needs the secret
  });
});
