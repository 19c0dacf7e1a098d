/**
 * Health and metrics for operators: `GET /healthz` (is the index loaded, the database reachable,
 * Telegram in contact) and `GET /metrics` in Prometheus's text format (prom-client). Counters are
 * recorded where things happen (the engine, the flood limit, the outbox); gauges are read when
 * scraped from whoever owns the data (the runtime's index, the notices' store), registered with
 * `observe`. Served by the webhook server, or on METRICS_PORT (loopback) in polling mode.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

export const registry = new Registry();

export const metrics = {
  /** Questions answered, by outcome: high, low, refused, not_a_question (chatter, thanks), small_talk. */
  questions: new Counter({
    name: 'rqb_questions_total',
    help: 'Questions answered, by outcome.',
    labelNames: ['outcome'] as const,
    registers: [registry],
  }),
  answerSeconds: new Histogram({
    name: 'rqb_answer_seconds',
    help: 'Time to answer a question (search, rank, quote), seconds.',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [registry],
  }),
  floodLimited: new Counter({
    name: 'rqb_flood_limited_total',
    help: 'Updates over a user’s allowance, by kind.',
    labelNames: ['kind'] as const,
    registers: [registry],
  }),
  deliveries: new Counter({
    name: 'rqb_notice_deliveries_total',
    help: 'Notice sends, by outcome: sent, retry, dropped (unreachable chat), failed (refused message), paused (token refused), moved (supergroup).',
    labelNames: ['outcome'] as const,
    registers: [registry],
  }),
};

/** A gauge read when scraped; registering a name again replaces it (a new runtime, a new store). */
/** Values of a gauge, with their labels. */
export type Samples = { labels?: Record<string, string>; value: number }[];

export function observe(
  name: string,
  help: string,
  read: () => Samples | Promise<Samples>,
  labelNames: string[] = [],
): void {
  registry.removeSingleMetric(name);
  new Gauge({
    name,
    help,
    labelNames,
    registers: [registry],
    async collect() {
      const samples = await read();
      this.reset();
      for (const { labels, value } of samples) {
        if (labels) this.set(labels, value);
        else this.set(value);
      }
    },
  });
}

export interface HealthCheck {
  ok: boolean;
  detail: string;
}

const checks = new Map<string, () => HealthCheck | Promise<HealthCheck>>();

/** Registers (or replaces) one part of the health answer. */
export function healthCheck(name: string, check: () => HealthCheck | Promise<HealthCheck>): void {
  checks.set(name, check);
}

/** How long one check may take before it counts as failed (a database out of reach must not hang /healthz). */
const CHECK_TIMEOUT_MS = 2_000;

/** Every check's verdict; healthy when all are. */
export async function health(): Promise<{ ok: boolean; checks: Record<string, HealthCheck> }> {
  const out: Record<string, HealthCheck> = {};
  for (const [name, check] of checks) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
    });
    try {
      out[name] = await Promise.race([Promise.resolve().then(check), timeout]);
    } catch (error) {
      out[name] = { ok: false, detail: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timer);
    }
  }
  return { ok: Object.values(out).every((c) => c.ok), checks: out };
}

/** Answers GET /healthz and GET /metrics; returns false for any other request (the caller's to answer). */
export function serveOperators(req: IncomingMessage, res: ServerResponse): boolean {
  const path = (req.url ?? '').split('?')[0];
  if (req.method !== 'GET' || (path !== '/healthz' && path !== '/metrics')) return false;
  req.resume();
  if (path === '/healthz') {
    void health().then((h) =>
      res.writeHead(h.ok ? 200 : 503, { 'content-type': 'application/json' }).end(`${JSON.stringify(h)}\n`),
    );
    return true;
  }
  registry.metrics().then(
    (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
    (error: unknown) => res.writeHead(500).end(String(error)),
  );
  return true;
}

/** The operators' server of polling mode, on loopback. */
export async function startMetricsServer(
  port: number,
  host = '127.0.0.1',
): Promise<{ port: number; stop(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (!serveOperators(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
