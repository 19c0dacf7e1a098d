import { describe, expect, it } from 'vitest';
import { SlidingWindow } from '../../../src/bot/middleware/rate-limit.js';

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
