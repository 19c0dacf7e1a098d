/**
 * Delivers the outbox: oldest due rows first, within Telegram's limits, a few sends in
 * flight. A row is marked sent only after the Bot API accepted it, so a crash re-sends at
 * most the messages that were in flight. 429 waits retry_after; 5xx and network errors
 * back off exponentially. Failures are judged by what they say about the recipient:
 * only an unreachable chat (blocked, deactivated, not found, kicked) deactivates its
 * subscriber. A fault of ours never touches a subscriber: a rejected token (401) pauses
 * the whole outbox, a message the Bot API refuses (400 parse error, 413, other 4xx) is
 * set aside as 'failed' for the admin to see in /stats.
 */
import { describeError } from '../errors.js';
import { GrammyError } from 'grammy';
import { log } from '../log.js';
import { DeliveryLimiter } from './limiter.js';
import { metrics } from '../metrics.js';
import type { OutboxRow, SubscriptionStore } from './store.js';

export type SendFn = (chatId: number, payload: OutboxRow['payload']) => Promise<unknown>;

export interface DispatcherOptions {
  limiter?: DeliveryLimiter;
  /**
   * Sends in flight at once (each to a different chat). Default 1: a crash can then re-send
   * at most the one message that was in flight. More raises throughput when the Bot API
   * round trip is longer than the 40 ms spacing of 25 messages a second, at the cost of up
   * to that many duplicates per crash.
   */
  concurrency?: number;
  now?: () => number;
  /** First retry delay after a 5xx or network error; doubles per attempt up to maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** How often to look for new rows when idle. */
  idleMs?: number;
  /**
   * How long a claim on a row lasts (OUTBOX_CLAIM_S): when a replica dies mid-send, another sends its row after this.
   * Longer than any one send.
   */
  claimMs?: number | undefined;
}

const UNREACHABLE =
  /bot was blocked|user is deactivated|chat not found|bot was kicked|not enough rights|PEER_ID_INVALID|have no rights to send|bot is not a member|chat_write_forbidden/i;

export type FailureVerdict =
  | { action: 'retry-after'; seconds: number }
  | { action: 'backoff' }
  /** The group became a supergroup with a new chat id: move the subscriber there and send again. */
  | { action: 'migrated'; to: number }
  /** The recipient cannot be reached: deactivate the subscriber. */
  | { action: 'unreachable'; reason: string }
  /** Our credentials were refused: stop sending to anyone until it is fixed. */
  | { action: 'pause'; reason: string }
  /** This message is wrong (our fault): set it aside, keep the subscriber. */
  | { action: 'skip'; reason: string };

/** What to do after a failed send. Pure. */
export function classifyFailure(error: unknown): FailureVerdict {
  if (error instanceof GrammyError) {
    const reason = `${error.error_code} ${error.description}`;
    if (error.error_code === 429) return { action: 'retry-after', seconds: error.parameters.retry_after ?? 5 };
    if (error.parameters.migrate_to_chat_id) return { action: 'migrated', to: error.parameters.migrate_to_chat_id };
    if ((error.error_code === 403 || error.error_code === 400) && UNREACHABLE.test(error.description))
      return { action: 'unreachable', reason: error.description };
    // 401 Unauthorized / 404 Not Found on a method: the token was revoked or is wrong, for every chat alike.
    if (error.error_code === 401 || error.error_code === 404) return { action: 'pause', reason };
    if (error.error_code >= 500) return { action: 'backoff' };
    // Any other 4xx (can't parse entities, message too long, 413): the message is at fault, not the reader.
    return { action: 'skip', reason };
  }
  return { action: 'backoff' };
}

/**
 * A database error that passes: SQLite's "database is locked" (another process holds the write lock past the busy
 * timeout), PostgreSQL's lost connection, shutdown, serialization failure or deadlock.
 */
function isTransient(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code ?? '';
  return /^SQLITE_(BUSY|LOCKED)|^08|^57P0[123]$|^40001$|^40P01$|^ECONN(REFUSED|RESET)$|^ETIMEDOUT$/.test(code);
}

/**
 * How long the outbox waits after a rejected token before trying again (a restart with a good token resumes at once).
 */
const TOKEN_PAUSE_MS = 5 * 60_000;

export class OutboxDispatcher {
  private running = false;
  private loop?: Promise<void>;
  private wake?: (() => void) | undefined;
  private readonly inFlight = new Map<number, Promise<void>>();
  private readonly limiter: DeliveryLimiter;
  private readonly now: () => number;
  /** Since when the database has been locked by another process (undefined: it is not). */
  private busySince?: number | undefined;
  /** Why the outbox is paused (a rejected token), for /stats; undefined while delivering. */
  pausedReason?: string | undefined;

  constructor(
    private readonly store: SubscriptionStore,
    private readonly send: SendFn,
    private readonly options: DispatcherOptions = {},
  ) {
    this.limiter = options.limiter ?? new DeliveryLimiter();
    this.now = options.now ?? Date.now;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Wakes the loop early (new rows were queued). */
  notify(): void {
    this.wake?.();
  }

  /** Stops taking rows and waits for the sends in flight. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await Promise.allSettled([...this.inFlight.values()]);
  }

  /** Resolves once nothing is pending (used by benchmarks and tests). */
  async drained(pollMs = 20): Promise<void> {
    while ((await this.store.counts()).pending > 0 || this.inFlight.size > 0)
      await new Promise((r) => setTimeout(r, pollMs));
  }

  private async sleep(ms: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.wake = undefined;
  }

  private async run(): Promise<void> {
    const concurrency = this.options.concurrency ?? 1;
    while (this.running) {
      let due: OutboxRow[] = [];
      await this.write('reading the outbox', async () => void (due = await this.store.due(this.now(), 200)));
      const rows = due.filter((r) => !this.inFlight.has(r.chatId));
      let launched = 0;
      let soonest = this.options.idleMs ?? 500;
      for (const row of rows) {
        if (!this.running) break;
        const isGroup = row.chatType !== 'private';
        const chatWait = this.limiter.chatWait(row.chatId, isGroup, this.now());
        if (chatWait > 0 || this.inFlight.has(row.chatId)) {
          soonest = Math.min(soonest, Math.max(chatWait, 5));
          continue;
        }
        while (this.inFlight.size >= concurrency) await Promise.race(this.inFlight.values());
        for (
          let wait = this.limiter.globalWait(this.now());
          wait > 0 && this.running;
          wait = this.limiter.globalWait(this.now())
        )
          await this.sleep(wait);
        if (!this.running) break;
        // Another replica may have taken the row since it was read: only the one whose claim succeeds sends it.
        let claimed = false;
        await this.write(
          'claiming a notice',
          async () => void (claimed = await this.store.claim(row.id, this.now(), this.options.claimMs)),
        );
        if (!claimed) continue;
        this.limiter.record(row.chatId, isGroup, this.now());
        const job = this.deliver(row).finally(() => this.inFlight.delete(row.chatId));
        this.inFlight.set(row.chatId, job);
        launched++;
      }
      if (launched === 0) {
        let next: number | undefined;
        await this.write('reading the outbox', async () => void (next = await this.store.nextDueAt()));
        const untilDue = next === undefined ? soonest : Math.max(5, Math.min(soonest, next - this.now()));
        await this.sleep(this.inFlight.size ? Math.min(untilDue, 20) : untilDue);
      }
    }
  }

  /**
   * Runs a database read or write, waiting out a database another process holds locked (SQLITE_BUSY
   * after the store's busy timeout) or a PostgreSQL server out of reach: one log line, retries with
   * back-off, never a crash and never a lost row (a notice already sent is marked sent once it answers).
   */
  private async write(what: string, fn: () => Promise<void>): Promise<void> {
    for (let delay = 100; ; delay = Math.min(delay * 2, 5_000)) {
      try {
        await fn();
        if (this.busySince !== undefined) log.info('The subscriptions database is writable again.');
        this.busySince = undefined;
        return;
      } catch (error) {
        if (!isTransient(error)) throw error;
        if (this.busySince === undefined)
          log.warn(`The subscriptions database is locked or out of reach (${what}); retrying.`);
        this.busySince ??= this.now();
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  }

  private async deliver(row: OutboxRow): Promise<void> {
    let sent = false;
    let failure: unknown;
    try {
      await this.send(row.chatId, row.payload);
      sent = true;
    } catch (error) {
      failure = error;
    }
    await this.write(sent ? 'marking a notice sent' : 'recording a failed send', () =>
      sent ? this.onSent(row) : this.onFailed(row, failure),
    );
  }

  private async onSent(row: OutboxRow): Promise<void> {
    await this.store.markSent(row.id);
    metrics.deliveries.inc({ outcome: 'sent' });
    if (this.pausedReason) log.info('Notices resumed: the Bot API accepts our token again.');
    this.pausedReason = undefined;
  }

  /**
   * What a failed send says about the recipient (deactivate), about us (pause, set aside) or about the moment (retry).
   */
  private async onFailed(row: OutboxRow, error: unknown): Promise<void> {
    const verdict = classifyFailure(error);
    const outcomes = {
      migrated: 'moved',
      unreachable: 'dropped',
      pause: 'paused',
      skip: 'failed',
      'retry-after': 'retry',
      backoff: 'retry',
    } as const;
    metrics.deliveries.inc({ outcome: outcomes[verdict.action] });
    if (verdict.action === 'migrated') {
      log.info(`chat ${row.chatId} became supergroup ${verdict.to}: its subscription and notices moved there`);
      await this.store.migrateChat(row.chatId, verdict.to);
    } else if (verdict.action === 'unreachable') {
      log.info(`notice to chat ${row.chatId} dropped, subscriber deactivated: ${verdict.reason}`);
      await this.store.drop(row.id, row.chatId, verdict.reason);
    } else if (verdict.action === 'pause') {
      const until = this.now() + TOKEN_PAUSE_MS;
      if (!this.pausedReason)
        log.error(
          `Notices paused: the Bot API refused our token (${verdict.reason}). No subscriber is touched; delivery resumes with a valid TELEGRAM_BOT_TOKEN.`,
        );
      this.pausedReason = verdict.reason;
      this.limiter.pauseUntil(until);
      await this.store.retryLater(row.id, until, verdict.reason);
    } else if (verdict.action === 'skip') {
      log.error(
        `notice ${row.id} to chat ${row.chatId} set aside (our message was refused: ${verdict.reason}); the subscriber stays subscribed.`,
      );
      await this.store.fail(row.id, verdict.reason);
    } else if (verdict.action === 'retry-after') {
      const until = this.now() + verdict.seconds * 1000;
      this.limiter.pauseUntil(until);
      await this.store.retryLater(row.id, until, `429 retry after ${verdict.seconds}s`);
    } else {
      const base = this.options.backoffMs ?? 1000;
      const delay = Math.min(this.options.maxBackoffMs ?? 300_000, base * 2 ** Math.min(row.attempts, 16));
      await this.store.retryLater(row.id, this.now() + delay, describeError(error));
    }
  }
}
