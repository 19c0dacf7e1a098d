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
    running = await startBot(createBot(TOKEN, { engine: () => runtime.engine }, { apiRoot: api.apiRoot }), { webhookUrl: `http://127.0.0.1:${port}/`, port });
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
    expect(reply.text).toContain('mediation statements');
    expect(api.callsOf('getUpdates')).toHaveLength(0);
  });
});
