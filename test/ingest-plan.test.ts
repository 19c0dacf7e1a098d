import { describe, expect, it } from 'vitest';
import { CHUNKER_VERSION } from '../src/corpus/chunk.js';
import type { ReportFile } from '../src/corpus/files.js';
import { planIngest, segmentsOf, TAIL_SHARE } from '../src/ingest.js';
import { FORMAT_VERSION, type Manifest } from '../src/search/store.js';

// The plan is pure: files and a previous manifest in, decisions out; no disk, no model.
const file = (id: string, hash: string): ReportFile => ({ id, file: `${id}.txt`, hash });
const manifest = (reports: Record<string, string>, model: Manifest['model'] = null): Manifest => ({
  formatVersion: FORMAT_VERSION,
  chunkerVersion: CHUNKER_VERSION,
  model,
  reports: Object.fromEntries(
    Object.entries(reports).map(([id, hash], i) => [
      id,
      { file: `${id}.txt`, hash, chunkCount: 10, firstLabel: i * 10, meta: { title: id }, addedAt: '2026-01-01' },
    ]),
  ),
  nextLabel: Object.keys(reports).length * 10,
  lexicalBytes: 0,
  builtAt: '2026-01-01',
});

describe('planIngest', () => {
  it('adds, changes, keeps and removes by content hash', () => {
    const plan = planIngest(
      [file('a', '1'), file('b', '2x'), file('c', '3')],
      new Set(),
      manifest({ a: '1', b: '2', d: '4' }),
      null,
    );
    expect(plan).toMatchObject({
      full: false,
      added: ['c'],
      changed: ['b'],
      unchanged: ['a'],
      removed: ['d'],
      keepEmpty: false,
    });
    expect(plan.todo.map((f) => f.id)).toEqual(['b', 'c']);
    expect(Object.keys(plan.kept)).toEqual(['a']);
  });

  it('rebuilds everything for another model, --rebuild or no previous index', () => {
    expect(planIngest([file('a', '1')], new Set(), manifest({ a: '1' }), { id: 'm', dim: 8 }).full).toBe(true);
    expect(planIngest([file('a', '1')], new Set(), manifest({ a: '1' }), null, { rebuild: true }).full).toBe(true);
    expect(planIngest([file('a', '1')], new Set(), undefined, null).added).toEqual(['a']);
  });

  it('keeps a report whose file failed to read, and an index whose corpus came back empty', () => {
    expect(planIngest([], new Set(['a.txt']), manifest({ a: '1', b: '2' }), null)).toMatchObject({
      kept: { a: expect.anything() as unknown },
      removed: ['b'],
    });
    expect(planIngest([], new Set(), manifest({ a: '1' }), null)).toMatchObject({
      keepEmpty: true,
      removed: [],
      unchanged: ['a'],
    });
    expect(planIngest([], new Set(), manifest({ a: '1' }), null, { allowEmpty: true }).removed).toEqual(['a']);
  });
});

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
