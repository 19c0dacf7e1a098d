/**
 * Wires subscriptions and notices into a running bot: the store (SQLite, or PostgreSQL shared by
 * replicas), the notifier, the outbox dispatcher (with its own Bot API client, without auto-retry:
 * the outbox does its own retrying), the corpus watcher and the sources. With several replicas,
 * every one delivers the outbox (each row claimed by one) and loads new index generations; only the
 * one holding the leader lock ingests, announces and polls sources.
 */
import { Api } from 'grammy';
import type { Runtime } from '../app.js';
import type { BotPlugin } from '../bot/deps.js';
import { NOTICE_COMMANDS } from './strings.js';
import { subscriptionsFeature } from './subscriptions-feature.js';
import { OutboxDispatcher, type DispatcherOptions } from './dispatcher.js';
import { Notifier } from './notifier.js';
import { SubscriptionStore, type OutboxRow } from './store.js';
import type { Db } from '../db/db.js';
import { watchCorpus } from './watcher.js';
import { watchSources } from './sources.js';
import { healthCheck, observe } from '../metrics.js';
import { existsSync } from 'node:fs';

export interface NoticeService {
  store: SubscriptionStore;
  /** The notices as a bot plug-in: the subscriptions feature, its commands, the /start hook, /stats lines. */
  plugin: BotPlugin;
  stop(): Promise<void>;
}

export async function startNotices(options: {
  token: string;
  apiRoot?: string | undefined;
  /** Where subscriptions live (src/db/open.ts); the caller closes it after stop(). */
  db: Db;
  corpusDir: string;
  runtime: Runtime;
  /** How often the corpus folder is looked at (CORPUS_POLL_MS). */
  pollMs: number;
  dispatcher?: DispatcherOptions;
  /** Watched sources (SOURCES_FILE); not watched when the file does not exist. */
  sources?: { file: string; pollMs: number; allowPrivate: boolean; perHostGapMs?: number };
}): Promise<NoticeService> {
  const { runtime } = options;
  const store = await SubscriptionStore.open(options.db);
  const leads = (): Promise<boolean> => options.db.holdsLock('leader');
  const dispatcher = outboxDispatcher(store, options);
  const notifier = new Notifier(
    store,
    () => runtime.engine,
    () => dispatcher.notify(),
  );
  observeNotices(store);
  await notifier.baselineIfNew();
  if (await leads()) await notifier.announcePending();
  await store.releaseOwnClaims();
  dispatcher.start();
  const watcher = watchCorpus({
    corpusDir: options.corpusDir,
    runtime,
    intervalMs: options.pollMs,
    onIndexChanged: () => notifier.announcePending(),
    leads,
  });
  const sources =
    options.sources && existsSync(options.sources.file)
      ? watchSources(options.sources.file, {
          corpusDir: options.corpusDir,
          store,
          allowPrivate: options.sources.allowPrivate,
          intervalMs: options.sources.pollMs,
          perHostGapMs: options.sources.perHostGapMs,
          leads,
        })
      : undefined;
  return {
    store,
    plugin: noticesPlugin(store, dispatcher, runtime),
    async stop() {
      await sources?.stop();
      await watcher.stop();
      await dispatcher.stop();
    },
  };
}

/** The outbox's sender: each notice a Bot API sendMessage, without link previews. */
function outboxDispatcher(
  store: SubscriptionStore,
  options: { token: string; apiRoot?: string | undefined; dispatcher?: DispatcherOptions | undefined },
): OutboxDispatcher {
  const api = new Api(options.token, options.apiRoot ? { apiRoot: options.apiRoot } : {});
  const send = (chatId: number, p: OutboxRow['payload']): Promise<unknown> =>
    api.sendMessage(chatId, p.text, {
      parse_mode: 'HTML',
      reply_markup: p.replyMarkup as never,
      link_preview_options: { is_disabled: true },
    });
  return new OutboxDispatcher(store, send, options.dispatcher);
}

/** The notices as the bot sees them: the subscriptions feature, its commands, the /start hook, /stats lines. */
function noticesPlugin(store: SubscriptionStore, dispatcher: OutboxDispatcher, runtime: Runtime): BotPlugin {
  const engine = (): typeof runtime.engine => runtime.engine;
  return {
    feature: subscriptionsFeature(store, { engine }),
    commands: NOTICE_COMMANDS,
    onStart: async (ctx) => {
      if (ctx.chat) await store.reactivate(ctx.chat.id);
    },
    stats: () => statsLines(store, dispatcher),
  };
}

/** The notices' gauges and health check for GET /metrics and /healthz (metrics.ts). */
function observeNotices(store: SubscriptionStore): void {
  observe(
    'rqb_outbox_rows',
    'Notice messages in the outbox, by status.',
    async () =>
      Object.entries(await store.counts()).map(([status, value]: [string, number]) => ({ labels: { status }, value })),
    ['status'],
  );
  observe('rqb_subscribers', 'Active subscribers.', async () => [{ value: await store.activeSubscriberCount() }]);
  observe(
    'rqb_source_failures',
    'Failures in a row of each watched source (0: its last poll worked).',
    async () => (await store.sources()).map((s) => ({ labels: { source: s.url }, value: s.failures })),
    ['source'],
  );
  observe(
    'rqb_source_last_success_seconds',
    'When each watched source last answered (Unix time; 0: never).',
    async () =>
      (await store.sources()).map((s) => ({
        labels: { source: s.url },
        value: s.okAt ? Date.parse(s.okAt) / 1000 : 0,
      })),
    ['source'],
  );
  healthCheck('database', async () => ({ ok: await store.reachable(), detail: `${store.db.where} answers` }));
}

/** The notices' lines of /stats: subscribers, the outbox, each watched source. */
async function statsLines(store: SubscriptionStore, dispatcher: OutboxDispatcher): Promise<string[]> {
  const c = await store.counts();
  return [
    `subscribers: ${await store.activeSubscriberCount()}`,
    `outbox: ${c.pending} pending, ${c.sent} sent, ${c.dropped} dropped (unreachable), ${c.failed} failed (refused by the Bot API)`,
    ...(dispatcher.pausedReason ? [`outbox PAUSED: token refused (${dispatcher.pausedReason})`] : []),
    ...(await store.sources()).map(
      (s) =>
        `source ${s.url}: ${s.lastError ? `ERROR ${s.lastError} (${s.failures}×)` : 'ok'}; last checked ${s.checkedAt ?? 'never'}; ${s.items} report(s) downloaded`,
    ),
  ];
}
