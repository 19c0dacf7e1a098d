/**
 * Several bot processes on one PostgreSQL, end to end (the replicas e2e test and `npm run bench:replicas`):
 * a throwaway cluster, the Bot API emulator, `replicas` bot processes in webhook mode sharing DATA_DIR and
 * DATABASE_URL behind a small round-robin proxy on loopback (a replica that does not answer is skipped, as
 * nginx's proxy_next_upstream does), `subscribers` subscribers, then a new report dropped into the corpus.
 * Once `killAfter` notices have gone out, the first replica (the leader: it started first) is killed with
 * SIGKILL; readers keep asking questions throughout.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { PgDb } from '../../src/db/postgres.js';
import { ingest } from '../../src/ingest.js';
import { SubscriptionStore } from '../../src/notices/store.js';
import { BotApiHarness, TOKEN } from './bot-api.js';
import { freePort, REPO, spawnBot } from './processes.js';
import { NEW_REPORT } from './new-report.js';
import { startPostgres } from './postgres.js';

export interface ReplicaRun {
  subscribers: number;
  /** Subscribers that got the notice, and how many notices went out in all. */
  reached: number;
  sent: number;
  /** Notices sent more than once to one subscriber, and subscribers that got none. */
  duplicates: number;
  lost: number;
  /** Notices out when the leader was killed. */
  killedAt: number;
  /** From the report's arrival to the last subscriber reached, in seconds. */
  seconds: number;
  asked: number;
  answered: number;
  /** Replies slower than 5 s, or none: a question dropped with the killed replica. */
  slowestReplyMs: number;
  /** After the broadcast, questions about the new report and how many were answered from it (every replica loaded it). */
  newReportAsked: number;
  newReportAnswered: number;
  /** Questions counted by a surviving replica's GET /metrics (rqb_questions_total, all outcomes). */
  metricsQuestions: number;
}

/** A round-robin proxy over the replicas' ports; a replica that refuses the connection is skipped. */
async function startProxy(ports: number[]): Promise<{ url: string; close(): void }> {
  let next = 0;
  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer, tries: number): void => {
    const port = ports[next++ % ports.length]!;
    const upstream = request(
      { host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () =>
      tries + 1 < ports.length ? forward(req, res, body, tries + 1) : res.writeHead(502).end(),
    );
    upstream.end(body);
  };
  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (d: Buffer) => parts.push(d));
    req.on('end', () => forward(req, res, Buffer.concat(parts), 0));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() };
}

async function waitHealthy(port: number, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`replica on port ${port} exited (${child.exitCode})`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`replica on port ${port} not healthy after ${timeoutMs} ms`);
}

export async function runReplicas(options: {
  replicas: number;
  subscribers: number;
  killAfter: number;
  /** OUTBOX_CLAIM_S of the replicas: how long the killed one's claimed notice waits. */
  claimSeconds: number;
  timeoutMs: number;
}): Promise<ReplicaRun> {
  const postgres = await startPostgres();
  const api = await BotApiHarness.start();
  const children: ChildProcess[] = [];
  let proxy: { url: string; close(): void } | undefined;
  const work = mkdtempSync(join(tmpdir(), 'rqb-replicas-'));
  try {
    const url = await postgres.newDatabase();
    const [corpusDir, dataDir] = [join(work, 'corpus'), join(work, 'data')];
    cpSync(join(REPO, 'corpus'), corpusDir, { recursive: true });
    await ingest({ corpusDir, dataDir });
    const db = new PgDb(url);
    const store = await SubscriptionStore.open(db);
    await store.markBaseline(['zuoyun-2023-rule-of-law-report']);
    for (let i = 1; i <= options.subscribers; i++) await store.subscribe(100_000 + i, 'private', 'en');
    await db.close();

    const ports = await Promise.all(Array.from({ length: options.replicas }, () => freePort()));
    proxy = await startProxy(ports);
    const secret = randomBytes(24).toString('hex');
    for (const port of ports) {
      const child = spawnBot({
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: api.apiRoot,
        CORPUS_DIR: corpusDir,
        DATA_DIR: dataDir,
        DATABASE_URL: url,
        WEBHOOK_URL: proxy.url,
        WEBHOOK_SECRET: secret,
        PORT: String(port),
        EMBEDDING_MODEL: 'none',
        CORPUS_POLL_MS: '200',
        OUTBOX_CLAIM_S: String(options.claimSeconds),
        LOG_LEVEL: 'silent',
      });
      children.push(child);
      // One at a time: the first to start holds the leader lock.
      await waitHealthy(port, child);
    }

    const notices = (): number[] =>
      api
        .callsOf('sendMessage')
        .filter((b) => String(b.text).includes('Riverside County'))
        .map((b) => Number(b.chat_id))
        .filter((id) => id > 100_000);
    // Five readers taking turns: each asks about every 3.5 s, inside the bot's flood limit (a question per 3 s).
    const readers = Array.from({ length: 5 }, (_, i) => api.client(7001 + i));
    let asked = 0;
    let answered = 0;
    let slowest = 0;
    let reading = true;
    const readerLoop = (async () => {
      while (reading) {
        const started = Date.now();
        const reader = readers[asked++ % readers.length]!;
        await reader.say('How many administrative cases were there?').catch(() => undefined);
        const replies = await reader.replies(1, 5_000).catch(() => []);
        if (replies.length) answered++;
        slowest = Math.max(slowest, replies.length ? Date.now() - started : 5_000);
        await new Promise((r) => setTimeout(r, 700));
      }
    })();

    const started = Date.now();
    writeFileSync(join(corpusDir, 'riverside-2024-library-report.md'), NEW_REPORT);
    const until = started + options.timeoutMs;
    while (notices().length < options.killAfter && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    const killedAt = notices().length;
    children[0]!.kill('SIGKILL');
    let reached = 0;
    while (Date.now() < until) {
      reached = new Set(notices()).size;
      if (reached >= options.subscribers) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const seconds = (Date.now() - started) / 1000;
    // Anything still to come (a second copy of the killed replica's in-flight notice) would show now.
    await new Promise((r) => setTimeout(r, 1_000));
    reading = false;
    await readerLoop;
    const sent = notices().length;
    reached = new Set(notices()).size;
    // Every surviving replica answers from the new report: the followers loaded the generation the leader wrote.
    let newReportAnswered = 0;
    const newReportAsked = 6;
    for (let i = 0; i < newReportAsked; i++) {
      const reader = readers[i % readers.length]!;
      await new Promise((r) => setTimeout(r, 3_000 / readers.length));
      await reader.say('How many new public libraries were opened?').catch(() => undefined);
      const [reply] = await reader.replies(1, 5_000).catch(() => []);
      const text = typeof reply?.text === 'string' ? reply.text : '';
      if (text.replace(/<[^>]+>/g, '').includes('4 new public libraries')) newReportAnswered++;
    }
    const metrics = await fetch(`http://127.0.0.1:${ports[1]}/metrics`).then((r) => r.text());
    const metricsQuestions = [...metrics.matchAll(/^rqb_questions_total\{[^}]*\} (\d+)/gm)].reduce(
      (n, m) => n + Number(m[1]),
      0,
    );
    return {
      subscribers: options.subscribers,
      reached,
      sent,
      duplicates: sent - reached,
      lost: options.subscribers - reached,
      killedAt,
      seconds,
      asked,
      answered,
      slowestReplyMs: slowest,
      newReportAsked,
      newReportAnswered,
      metricsQuestions,
    };
  } finally {
    for (const child of children) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      child.kill('SIGTERM');
      await Promise.race([once(child, 'exit'), new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    proxy?.close();
    await api.stop();
    postgres.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
