import { describe, expect, it } from 'vitest';
import { segmentsOf, TAIL_SHARE } from '../../src/search/index-build.js';
import type { Manifest } from '../../src/search/store.js';
import { manifestOf as manifest } from '../helpers/manifest.js';

describe('segmentsOf', () => {
  // Eight reports of 10 chunks each: a tail of one is within TAIL_SHARE (1/8), of two is not.
  const previous = manifest({ a: '1', b: '2', c: '3', d: '4', e: '5', f: '6', g: '7' });
  const entry = (id: string, hash: string, firstLabel: number): Manifest['reports'][string] => ({
    ...previous.reports.a!,
    file: `${id}.txt`,
    hash,
    firstLabel,
  });

  it('keeps the main index and puts the other reports in the tail while the tail stays small', () => {
    expect(TAIL_SHARE).toBe(1 / 8);
    const reports = { ...previous.reports, h: entry('h', '8', 70) };
    expect(segmentsOf(previous, reports, false)).toEqual({ main: ['a', 'b', 'c', 'd', 'e', 'f', 'g'], tail: ['h'] });
    expect(segmentsOf(previous, { ...reports, i: entry('i', '9', 80) }, false)).toBeUndefined(); // 2 of 9: too many
    expect(segmentsOf(previous, reports, true)).toBeUndefined(); // a full rebuild
    expect(segmentsOf(undefined, reports, false)).toBeUndefined();
  });

  it('builds one index when a report of the main index changed or went, not when one of the tail did', () => {
    const withTail: Manifest = {
      ...previous,
      reports: { ...previous.reports, h: entry('h', '8', 70) },
      tail: { ids: ['h'], lexicalBytes: 0 },
    };
    const without = (gone: string): Manifest['reports'] =>
      Object.fromEntries(Object.entries(withTail.reports).filter(([id]) => id !== gone));
    const withoutB = without('b');
    expect(segmentsOf(withTail, withoutB, false)).toBeUndefined();
    expect(segmentsOf(withTail, { ...withTail.reports, c: entry('c', '3x', 80) }, false)).toBeUndefined();
    const withoutH = without('h');
    expect(segmentsOf(withTail, withoutH, false)).toEqual({ main: ['a', 'b', 'c', 'd', 'e', 'f', 'g'], tail: [] });
    expect(segmentsOf(withTail, { ...withoutH, h: entry('h', '8x', 80) }, false)?.tail).toEqual(['h']);
  });
});
