import { describe, expect, it } from 'vitest';
import { SlidingWindow, TokenBucket } from '../../../src/bot/middleware/rate-limit.js';

describe('SlidingWindow', () => {
  it('admits `limit` events per window and says how long until the next fits', () => {
    const w = new SlidingWindow(3, 1000);
    expect([w.hit(0), w.hit(10), w.hit(20), w.hit(30)]).toEqual([true, true, true, false]);
    expect(w.waitFor(30)).toBe(970);
    expect(w.hit(1000)).toBe(true);
    expect(w.hit(1001)).toBe(false);
    expect(w.waitFor(2100)).toBe(0);
  });
});

describe('TokenBucket', () => {
  it('lets a burst through, then one event per refill interval, and says how long to wait', () => {
    const b = new TokenBucket(3, 1000);
    expect([b.take(0), b.take(0), b.take(0), b.take(0)]).toEqual([true, true, true, false]);
    expect(b.waitFor(0)).toBe(1000);
    expect(b.waitFor(400)).toBe(600);
    expect(b.take(1000)).toBe(true);
    expect(b.take(1000)).toBe(false);
    expect(b.full).toBe(false);
    expect(b.take(10_000)).toBe(true); // refilled to the burst, not beyond
    expect([b.take(10_000), b.take(10_000), b.take(10_000)]).toEqual([true, true, false]);
  });
});
