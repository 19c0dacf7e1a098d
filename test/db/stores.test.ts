/**
 * The stores' contract, run on SQLite and on a real PostgreSQL (a throwaway cluster: test/helpers/postgres.ts):
 * the same migrations, the same answers, and what several replicas rely on (one claim per outbox row, one
 * announcement per report, one leader).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DbCardStore } from '../../src/bot/card-store.js';
import type { Db } from '../../src/db/db.js';
import { PgDb } from '../../src/db/postgres.js';
import { SqliteDb } from '../../src/db/sqlite.js';
import { NewerSchemaError } from '../../src/errors.js';
import { CLAIM_MS, SubscriptionStore } from '../../src/notices/store.js';
import type { Answer } from '../../src/answer/types.js';
import { tempDir } from '../helpers/fixtures.js';
import { startPostgres, type TestPostgres } from '../helpers/postgres.js';

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startPostgres();
});
afterAll(() => postgres?.stop());

/**
 * Two handles on one new database, as two replicas. SQLite serves one process, which opens a file once: both are that
 * one handle.
 */
const backends: [string, () => Promise<[Db, Db]>][] = [
  [
    'SQLite',
    () => {
      const db = new SqliteDb(join(tempDir(), 'state.db'));
      return Promise.resolve([db, db]);
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const url = await postgres.newDatabase();
      return [new PgDb(url), new PgDb(url)];
    },
  ],
];

const notice = (text: string): { part: string; payload: { text: string } }[] => [{ part: 'notice', payload: { text } }];

describe.each(backends)('stores on %s', (name, open) => {
  it('subscribers: subscribe, unsubscribe, blocked and back, counted; a chat id past 32 bits', async () => {
    const [db] = await open();
    const store = await SubscriptionStore.open(db);
    expect(store.created).toBe(true);
    const supergroup = -1001234567890;
    await store.subscribe(supergroup, 'supergroup', 'zh');
    await store.subscribe(2, 'private', 'en');
    expect(await store.subscriber(supergroup)).toMatchObject({ chatId: supergroup, lang: 'zh', active: true });
    expect(await store.deactivate(2, 'blocked')).toBe(true);
    expect(await store.deactivate(2, 'blocked')).toBe(false);
    expect(await store.activeSubscriberCount()).toBe(1);
    expect(await store.reactivate(2)).toBe(true);
    await store.deactivate(2, 'unsubscribed');
    // Unsubscribing is the reader's choice: /start does not undo it.
    expect(await store.reactivate(2)).toBe(false);
    expect((await store.activeSubscribers()).map((s) => s.chatId)).toEqual([supergroup]);
    await db.close();
  });

  it('watched topics: added once, listed, removed; only active subscribers are watched for', async () => {
    const [db] = await open();
    const store = await SubscriptionStore.open(db);
    await store.subscribe(1, 'private', 'en');
    await store.addWatch(1, 'legal aid');
    await store.addWatch(1, 'legal aid');
    await store.addWatch(1, 'air quality');
    expect((await store.watches(1)).sort()).toEqual(['air quality', 'legal aid']);
    expect(await store.removeWatch(1, 'legal aid')).toBe(1);
    expect([...(await store.activeWatches())]).toEqual([[1, ['air quality']]]);
    await store.deactivate(1, 'unsubscribed');
    expect((await store.activeWatches()).size).toBe(0);
    await db.close();
  });

  it('a report is announced once, whichever replica announces it, and queued for every active subscriber', async () => {
    const [a, b] = await open();
    const [one, two] = [await SubscriptionStore.open(a), await SubscriptionStore.open(b)];
    expect(two.created).toBe(false);
    for (let chat = 1; chat <= 20; chat++) await one.subscribe(chat, 'private', 'en');
    const queued = await Promise.all([
      one.announce('r1', () => notice('new')),
      two.announce('r1', () => notice('new')),
    ]);
    expect(queued.sort((x, y) => x - y)).toEqual([0, 20]);
    expect(await two.isAnnounced('r1')).toBe(true);
    await one.markBaseline(['r0', 'r1']);
    expect(await one.isAnnounced('r0')).toBe(true);
    expect((await one.counts()).pending).toBe(20);
    await a.close();
    await b.close();
  });

  it('an outbox row is claimed by one replica only; a claim runs out, a retry frees it', async () => {
    const [a, b] = await open();
    const [one, two] = [await SubscriptionStore.open(a), await SubscriptionStore.open(b)];
    await one.subscribe(1, 'private', 'en');
    await one.announce('r', () => notice('hello'));
    const now = 1_000_000;
    const [row] = await one.due(now, 10);
    const claims = await Promise.all([one.claim(row!.id, now), two.claim(row!.id, now)]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    // A restart: SQLite's one process releases what it left claimed; a PostgreSQL replica leaves others' claims be.
    await two.releaseOwnClaims();
    expect(await two.due(now + 1, 10)).toHaveLength(name === 'SQLite' ? 1 : 0);
    expect(await one.claim(row!.id, now)).toBe(name === 'SQLite');
    // Claimed: due to nobody, not even the claimer, until the claim runs out.
    expect(await two.due(now + 1, 10)).toEqual([]);
    expect(await one.nextDueAt()).toBe(now + CLAIM_MS);
    expect(await two.due(now + CLAIM_MS, 10)).toHaveLength(1);
    await one.retryLater(row!.id, now + 5, 'network');
    expect(await two.claim(row!.id, now + 5)).toBe(true);
    await two.markSent(row!.id);
    expect(await one.counts()).toEqual({ pending: 0, sent: 1, dropped: 0, failed: 0 });
    expect(await one.claim(row!.id, now + 10 * CLAIM_MS)).toBe(false);
    await a.close();
    await b.close();
  });

  it('an unreachable chat: its rows dropped and the subscriber deactivated, in one step; a refused message set aside', async () => {
    const [db] = await open();
    const store = await SubscriptionStore.open(db);
    await store.subscribe(1, 'private', 'en');
    await store.subscribe(2, 'private', 'en');
    await store.announce('r1', () => notice('a'));
    await store.announce('r2', () => notice('b'));
    const rows = await store.due(Date.now(), 10);
    const first = rows.find((r) => r.chatId === 1)!;
    await store.drop(first.id, 1, 'bot was blocked');
    expect((await store.subscriber(1))?.active).toBe(false);
    await store.fail(rows.find((r) => r.chatId === 2)!.id, '400 parse error');
    expect(await store.counts()).toEqual({ pending: 1, sent: 0, dropped: 2, failed: 1 });
    await db.close();
  });

  it('a group that became a supergroup: subscription, watches and pending notices move, what is there stays', async () => {
    const [db] = await open();
    const store = await SubscriptionStore.open(db);
    await store.subscribe(-5, 'group', 'en');
    await store.addWatch(-5, 'budget');
    await store.addWatch(-5, 'courts');
    await store.announce('r', () => notice('x'));
    await store.subscribe(-1005, 'supergroup', 'zh');
    await store.addWatch(-1005, 'budget');
    expect(await store.migrateChat(-5, -1005)).toBe(false); // the new id was already subscribed: it is kept
    expect((await store.subscriber(-1005))?.lang).toBe('zh');
    expect(await store.subscriber(-5)).toBeUndefined();
    expect((await store.watches(-1005)).sort()).toEqual(['budget', 'courts']);
    expect((await store.due(Date.now(), 10)).map((r) => r.chatId)).toEqual([-1005]);
    await store.subscribe(-6, 'group', 'en');
    expect(await store.migrateChat(-6, -1006)).toBe(true);
    await db.close();
  });

  it("sources: a poll's validators and failures, items saved and touched, a twin found by its bytes", async () => {
    const [db] = await open();
    const store = await SubscriptionStore.open(db);
    const url = 'https://example.gov/reports/';
    await store.recordSourcePoll(url, { error: 'timeout', retryAt: 1_700_000_000_000 });
    expect(await store.source(url)).toMatchObject({ failures: 1, retryAt: 1_700_000_000_000, lastError: 'timeout' });
    await store.recordSourcePoll(url, { etag: '"v1"', items: 2 });
    expect(await store.source(url)).toMatchObject({ failures: 0, retryAt: 0, etag: '"v1"', items: 2 });
    await store.recordSourcePoll(url, { items: 1, unfinished: true });
    expect(await store.sources()).toMatchObject([{ url, etag: undefined, items: 3 }]);
    const item = { url: `${url}a.pdf`, source: url, file: 'a.pdf', hash: 'h1' };
    await store.saveSourceItem(item);
    await store.touchSourceItem(`${url}b.pdf`, url);
    expect(await store.sourceItem(item.url)).toMatchObject(item);
    expect((await store.sourceItem(`${url}b.pdf`))?.file).toBe('');
    expect((await store.savedTwin('h1', `${url}copy.pdf`))?.file).toBe('a.pdf');
    expect(await store.savedTwin('h1', item.url)).toBeUndefined();
    expect(await store.reachable()).toBe(true);
    await db.close();
  });

  it('cards: saved by one replica, found by another, only by their chat, until 30 days old', async () => {
    const [a, b] = await open();
    let clock = 1_000_000;
    const answer: Answer = { question: 'q', abstained: false, answers: [], nearestSections: [], mode: 'lexical' };
    const saver = await DbCardStore.open(a, () => clock);
    await saver.save('card1', { answer, chatId: -1001234567890, lang: 'zh' });
    const other = await DbCardStore.open(b, () => clock);
    expect(await other.load('card1')).toEqual({ answer, chatId: -1001234567890, lang: 'zh' });
    clock += 31 * 24 * 3600_000;
    expect(await other.load('card1')).toBeUndefined();
    await a.close();
    await b.close();
  });

  it('migrations: applied once, counted per schema; a newer schema is refused, saying to update', async () => {
    const [a, b] = await open();
    await SubscriptionStore.open(a);
    expect((await SubscriptionStore.open(b)).created).toBe(false);
    const newer = ['SELECT 1', 'SELECT 1', 'SELECT 1', 'SELECT 1', 'SELECT 1'];
    // SQLite keeps each schema in its own file (subscriptions.db, cards.db); PostgreSQL, all in one database.
    const [c, d] = name === 'SQLite' ? await open() : [a, b];
    await expect(c.migrate('cards', newer)).resolves.toEqual({ created: true });
    await expect(d.migrate('cards', ['SELECT 1'])).rejects.toThrow(NewerSchemaError);
    expect((await SubscriptionStore.open(b)).created).toBe(false);
    for (const db of new Set([a, b, c, d])) await db.close();
  });

  it('one leader: the lock is held by the first replica to ask, and taken over when it goes', async () => {
    const [a, b] = await open();
    expect(await a.holdsLock('leader')).toBe(true);
    expect(await a.holdsLock('leader')).toBe(true);
    // SQLite serves one process: every handle leads. PostgreSQL: the second replica waits its turn.
    expect(await b.holdsLock('leader')).toBe(name === 'SQLite');
    await a.close();
    expect(await b.holdsLock('leader')).toBe(true);
    await b.close();
  });

  it('a transaction that fails leaves nothing behind', async () => {
    const [db] = await open();
    const store = await SubscriptionStore.open(db);
    await store.subscribe(1, 'private', 'en');
    await expect(
      store.announce('r', () => {
        throw new Error('composing the notice failed');
      }),
    ).rejects.toThrow('composing the notice failed');
    expect(await store.isAnnounced('r')).toBe(false);
    expect((await store.counts()).pending).toBe(0);
    await db.close();
  });
});
