import Database from 'better-sqlite3';
import { GrammyError, HttpError } from 'grammy';
import { describe, expect, it } from 'vitest';
import { classifyFailure, OutboxDispatcher } from '../../src/notices/dispatcher.js';
import { DeliveryLimiter } from '../../src/notices/limiter.js';
import { SubscriptionStore } from '../../src/notices/store.js';
import { SqliteDb } from '../../src/db/sqlite.js';
import { join } from 'node:path';
import { tempDir } from '../helpers/fixtures.js';

const grammyError = (code: number, description: string, retryAfter?: number): GrammyError =>
  new GrammyError(
    'call failed',
    { ok: false, error_code: code, description, parameters: retryAfter ? { retry_after: retryAfter } : {} },
    'sendMessage',
    {},
  );

describe('DeliveryLimiter', () => {
  it('spaces messages 40 ms apart overall and 1 s apart per chat', () => {
    const l = new DeliveryLimiter();
    l.record(1, false, 1000);
    expect(l.globalWait(1000)).toBe(40);
    expect(l.chatWait(1, false, 1500)).toBe(500);
    expect(l.chatWait(2, false, 1000)).toBe(0);
  });

  it('allows 20 messages a minute to a group', () => {
    const l = new DeliveryLimiter();
    for (let i = 0; i < 20; i++) l.record(-5, true, i * 1000);
    expect(l.chatWait(-5, true, 20_000)).toBe(40_000);
    expect(l.chatWait(-5, true, 60_001)).toBe(0);
  });

  it('pauses everything after a 429', () => {
    const l = new DeliveryLimiter();
    l.pauseUntil(5000);
    expect(l.globalWait(2000)).toBe(3000);
  });
});

describe('classifyFailure', () => {
  it('waits on 429, backs off on 5xx and network errors, drops unreachable chats', () => {
    expect(classifyFailure(grammyError(429, 'Too Many Requests', 7))).toEqual({ action: 'retry-after', seconds: 7 });
    expect(classifyFailure(grammyError(502, 'Bad Gateway'))).toEqual({ action: 'backoff' });
    expect(classifyFailure(new HttpError('Network request failed', new Error('ECONNRESET')))).toEqual({
      action: 'backoff',
    });
    for (const d of [
      'Forbidden: bot was blocked by the user',
      'Forbidden: user is deactivated',
      'Bad Request: chat not found',
    ]) {
      expect(classifyFailure(grammyError(d.startsWith('Bad') ? 400 : 403, d))).toEqual({
        action: 'unreachable',
        reason: d,
      });
    }
  });

  it('blames us, not the recipient, for a refused token or a malformed message', () => {
    expect(classifyFailure(grammyError(401, 'Unauthorized'))).toEqual({ action: 'pause', reason: '401 Unauthorized' });
    expect(classifyFailure(grammyError(404, 'Not Found'))).toEqual({ action: 'pause', reason: '404 Not Found' });
    const parse = 'Bad Request: can\'t parse entities: Can\'t find end tag corresponding to start tag "i"';
    expect(classifyFailure(grammyError(400, parse))).toEqual({ action: 'skip', reason: `400 ${parse}` });
    expect(classifyFailure(grammyError(400, 'Bad Request: message is too long'))).toEqual({
      action: 'skip',
      reason: '400 Bad Request: message is too long',
    });
    expect(classifyFailure(grammyError(413, 'Request Entity Too Large'))).toEqual({
      action: 'skip',
      reason: '413 Request Entity Too Large',
    });
  });
});

/** The SQLite handle under a store (every store here is opened on SQLite). */
const sqlite = (store: SubscriptionStore): Database.Database => {
  if (!(store.db instanceof SqliteDb)) throw new Error('not a SQLite store');
  return store.db.db;
};

describe('SubscriptionStore and OutboxDispatcher', () => {
  it('migrates a version-1 database (before watched sources) to the last version, keeping its subscribers', async () => {
    const path = join(tempDir(), 'subscriptions.db');
    const old = await SubscriptionStore.openFile(path);
    await old.subscribe(7, 'private', 'en');
    sqlite(old).exec('DROP TABLE sources; DROP TABLE source_items; ALTER TABLE outbox DROP COLUMN claimed_until;');
    sqlite(old).pragma('user_version = 1');
    await old.close();
    const store = await SubscriptionStore.openFile(path);
    expect(sqlite(store).pragma('user_version', { simple: true })).toBe(3);
    expect((await store.subscriber(7))?.active).toBe(true);
    await store.recordSourcePoll('https://gov.example/r/', { etag: '"x"', items: 1 });
    expect(await store.source('https://gov.example/r/')).toMatchObject({ etag: '"x"', items: 1, failures: 0 });
    await store.close();
  });

  it('migrates a new database, announces once, and delivers every row despite 429 and 5xx', async () => {
    const store = await SubscriptionStore.openFile(':memory:');
    expect(store.created).toBe(true);
    expect(sqlite(store).pragma('user_version', { simple: true })).toBe(3);
    for (const id of [1, 2, 3]) await store.subscribe(id, 'private', 'en');
    await store.deactivate(3, 'unsubscribed');
    const messages = () => [{ part: 'notice', payload: { text: 'new report' } }];
    expect(await store.announce('r1', messages)).toBe(2);
    expect(await store.announce('r1', messages)).toBe(0);
    let clock = 0;
    const failures = [grammyError(429, 'Too Many Requests', 1), grammyError(500, 'Internal Server Error')];
    const sent: number[] = [];
    const dispatcher = new OutboxDispatcher(
      store,
      async (chatId) => {
        const failure = failures.shift();
        if (failure) throw failure;
        sent.push(chatId);
      },
      { now: () => clock, backoffMs: 10, idleMs: 5 },
    );
    dispatcher.start();
    const ticker = setInterval(() => (clock += 100), 5);
    await dispatcher.drained(5);
    clearInterval(ticker);
    await dispatcher.stop();
    expect(sent.sort()).toEqual([1, 2]);
    expect(await store.counts()).toEqual({ pending: 0, sent: 2, dropped: 0, failed: 0 });
  });

  it('a database locked by another process past the busy timeout: delivery waits, nothing crashes, every notice is marked sent once', async () => {
    const path = join(tempDir(), 'subscriptions.db');
    const store = await SubscriptionStore.openFile(path);
    sqlite(store).pragma('busy_timeout = 20'); // the production 5 s, shortened for the test
    for (const id of [1, 2, 3]) await store.subscribe(id, 'private', 'en');
    await store.announce('r1', () => [{ part: 'notice', payload: { text: 'new report' } }]);
    const other = new Database(path);
    const sent: number[] = [];
    let lockedOnce = false;
    const dispatcher = new OutboxDispatcher(
      store,
      async (chatId) => {
        sent.push(chatId);
        // Another process takes the write lock while the first notice is in flight, and keeps it for 400 ms.
        if (!lockedOnce) {
          lockedOnce = true;
          other.exec('BEGIN EXCLUSIVE');
          setTimeout(() => other.exec('COMMIT'), 400);
        }
      },
      { idleMs: 5, limiter: new DeliveryLimiter({ perSecond: 1000, perChatMs: 0, groupPerMinute: 20 }) },
    );
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown): void => void unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    dispatcher.start();
    await dispatcher.drained(5);
    await dispatcher.stop();
    process.off('unhandledRejection', onUnhandled);
    other.close();
    expect(unhandled).toEqual([]);
    expect(sent.sort()).toEqual([1, 2, 3]);
    expect(await store.counts()).toEqual({ pending: 0, sent: 3, dropped: 0, failed: 0 });
    await store.close();
  });

  it('a blocked chat is dropped and its subscriber marked inactive, once', async () => {
    const store = await SubscriptionStore.openFile(':memory:');
    await store.subscribe(7, 'private', 'en');
    await store.announce('r1', () => [
      { part: 'notice', payload: { text: 'a' } },
      { part: 'watch-0', payload: { text: 'b' } },
    ]);
    let calls = 0;
    const dispatcher = new OutboxDispatcher(
      store,
      async () => {
        calls++;
        throw grammyError(403, 'Forbidden: bot was blocked by the user');
      },
      { idleMs: 5 },
    );
    dispatcher.start();
    await dispatcher.drained(5);
    await dispatcher.stop();
    expect(calls).toBe(1);
    expect(await store.subscriber(7)).toMatchObject({
      active: false,
      inactiveReason: 'Forbidden: bot was blocked by the user',
    });
    expect(await store.counts()).toEqual({ pending: 0, sent: 0, dropped: 2, failed: 0 });
    expect(await store.reactivate(7)).toBe(true);
  });

  it('a group upgraded to a supergroup: its subscription, watches and notices move to the new chat id and are delivered there', async () => {
    const store = await SubscriptionStore.openFile(':memory:');
    await store.subscribe(-100, 'group', 'en');
    await store.addWatch(-100, 'legal aid');
    await store.announce('r1', () => [
      { part: 'notice', payload: { text: 'a' } },
      { part: 'watch-0', payload: { text: 'b' } },
    ]);
    const sentTo: number[] = [];
    const upgraded = new GrammyError(
      'call failed',
      {
        ok: false,
        error_code: 400,
        description: 'Bad Request: group chat was upgraded to a supergroup chat',
        parameters: { migrate_to_chat_id: -1001234 },
      },
      'sendMessage',
      {},
    );
    const dispatcher = new OutboxDispatcher(
      store,
      async (chatId) => {
        if (chatId === -100) throw upgraded;
        sentTo.push(chatId);
      },
      { idleMs: 5 },
    );
    dispatcher.start();
    await dispatcher.drained(5);
    await dispatcher.stop();
    expect(sentTo).toEqual([-1001234, -1001234]);
    expect(await store.subscriber(-100)).toBeUndefined();
    expect(await store.subscriber(-1001234)).toMatchObject({ active: true, chatType: 'supergroup' });
    expect(await store.watches(-1001234)).toEqual(['legal aid']);
    // The service message in the old group moves it too (here: nothing left to move).
    expect(await store.migrateChat(-100, -1001234)).toBe(false);
  });

  it('a revoked token (401) pauses the outbox and deactivates nobody; a good token then delivers everything', async () => {
    const store = await SubscriptionStore.openFile(':memory:');
    for (const id of [1, 2, 3]) await store.subscribe(id, 'private', 'en');
    await store.announce('r1', () => [{ part: 'notice', payload: { text: 'n' } }]);
    let clock = 0;
    let tokenValid = false;
    const sent: number[] = [];
    let refused = 0;
    const dispatcher = new OutboxDispatcher(
      store,
      async (chatId) => {
        if (!tokenValid) {
          refused++;
          throw grammyError(401, 'Unauthorized');
        }
        sent.push(chatId);
      },
      { now: () => clock, idleMs: 5 },
    );
    dispatcher.start();
    await new Promise((r) => setTimeout(r, 60));
    expect(refused).toBe(1); // paused after the first refusal, not one failure per subscriber
    expect(dispatcher.pausedReason).toBe('401 Unauthorized');
    expect((await store.activeSubscribers()).map((s) => s.chatId).sort()).toEqual([1, 2, 3]);
    expect(await store.counts()).toMatchObject({ pending: 3, dropped: 0, failed: 0 });
    tokenValid = true;
    clock += 10 * 60_000;
    dispatcher.notify();
    const ticker = setInterval(() => (clock += 1000), 5);
    await dispatcher.drained(5);
    clearInterval(ticker);
    await dispatcher.stop();
    expect(sent.sort()).toEqual([1, 2, 3]);
    expect(dispatcher.pausedReason).toBeUndefined();
  });

  it('a message the Bot API cannot parse is set aside and its subscriber stays subscribed', async () => {
    const store = await SubscriptionStore.openFile(':memory:');
    for (const id of [1, 2]) await store.subscribe(id, 'private', 'en');
    await store.announce('r1', (s) => [
      { part: 'notice', payload: { text: 'ok' } },
      { part: 'watch-0', payload: { text: s.chatId === 1 ? '<i>broken' : 'fine' } },
    ]);
    const sent: string[] = [];
    const dispatcher = new OutboxDispatcher(
      store,
      async (chatId, p) => {
        if (p.text.includes('<i>broken')) throw grammyError(400, "Bad Request: can't parse entities");
        sent.push(`${chatId}:${p.text}`);
      },
      { idleMs: 5, limiter: new DeliveryLimiter({ perSecond: 1000, perChatMs: 0, groupPerMinute: 1000 }) },
    );
    dispatcher.start();
    await dispatcher.drained(5);
    await dispatcher.stop();
    expect(sent.sort()).toEqual(['1:ok', '2:fine', '2:ok']);
    expect(await store.counts()).toEqual({ pending: 0, sent: 3, dropped: 0, failed: 1 });
    expect((await store.activeSubscribers()).map((s) => s.chatId).sort()).toEqual([1, 2]);
  });
});
