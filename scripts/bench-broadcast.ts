/**
 * `npm run bench:broadcast`: a new-report broadcast to 2,000 subscribers through a local
 * Bot API stub on loopback, with the real outbox dispatcher at Telegram's limits (25
 * messages/s). Run twice: clean, and with 5% of the stub's answers being 429 (retry_after
 * 1 s) or 500. Prints achieved messages/s against the ceiling, lost and duplicated messages.
 */
import { Api } from 'grammy';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import { OutboxDispatcher } from '../src/notices/dispatcher.js';
import { TELEGRAM_LIMITS } from '../src/notices/limiter.js';
import { SubscriptionStore } from '../src/notices/store.js';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 2000);

async function run(faultRate: number): Promise<void> {
  const delivered = new Map<number, number>();
  let answers = 0;
  let faults = 0;
  let nextFault = 0;
  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (d: Buffer) => parts.push(d));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(parts).toString('utf8') || '{}') as { chat_id?: number; text?: string };
      answers++;
      // Deterministic 5%: every 20th answer fails, alternating 429 and 500.
      if (faultRate > 0 && answers % Math.round(1 / faultRate) === 0) {
        faults++;
        const tooMany = nextFault++ % 2 === 0;
        res.writeHead(tooMany ? 429 : 500, { 'content-type': 'application/json' });
        return res.end(
          JSON.stringify(
            tooMany
              ? {
                  ok: false,
                  error_code: 429,
                  description: 'Too Many Requests: retry after 1',
                  parameters: { retry_after: 1 },
                }
              : { ok: false, error_code: 500, description: 'Internal Server Error' },
          ),
        );
      }
      const chat = Number(body.chat_id);
      delivered.set(chat, (delivered.get(chat) ?? 0) + 1);
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          ok: true,
          result: { message_id: answers, date: 0, chat: { id: chat, type: 'private' }, text: body.text },
        }),
      );
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const api = new Api('123:bench', { apiRoot: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
  const store = await SubscriptionStore.openFile(':memory:');
  for (let i = 1; i <= SUBSCRIBERS; i++) await store.subscribe(i, 'private', 'en');
  await store.announce('bench-report', () => [{ part: 'notice', payload: { text: '📢 A new report has been added' } }]);
  const dispatcher = new OutboxDispatcher(store, (chatId, p) => api.sendMessage(chatId, p.text), { backoffMs: 500 });
  const started = performance.now();
  dispatcher.start();
  await dispatcher.drained(50);
  const seconds = (performance.now() - started) / 1000;
  await dispatcher.stop();
  server.close();
  const lost = SUBSCRIBERS - delivered.size;
  const duplicates = [...delivered.values()].reduce((n, c) => n + c - 1, 0);
  console.log(
    `| ${faultRate ? `${faultRate * 100}% 429/500` : 'clean'} | ${SUBSCRIBERS} | ${seconds.toFixed(1)} s | ${(SUBSCRIBERS / seconds).toFixed(1)} / ${TELEGRAM_LIMITS.perSecond} | ${faults} | ${lost} | ${duplicates} |`,
  );
  await store.close();
}

async function main(): Promise<void> {
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}`);
  console.log(
    '| run | subscribers | wall time | messages/s (achieved / ceiling) | injected faults | lost | duplicates |',
  );
  console.log('|---|---|---|---|---|---|---|');
  await run(0);
  await run(0.05);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
