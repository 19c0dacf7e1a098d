import { describe, expect, it } from 'vitest';
import { LruMap } from '../src/lru-map.js';

describe('LruMap', () => {
  it('forgets the least recently used entry first; reading makes an entry recent', () => {
    const m = new LruMap<string, number>(2);
    m.set('a', 1).set('b', 2);
    expect(m.get('a')).toBe(1);
    m.set('c', 3);
    expect(m.has('b')).toBe(false);
    expect([m.get('a'), m.get('c'), m.size]).toEqual([1, 3, 2]);
  });
});
