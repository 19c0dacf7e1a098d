import { describe, expect, it } from 'vitest';
import type { ReportFile } from '../src/corpus/files.js';
import { planIngest } from '../src/ingest.js';
import { manifestOf } from './helpers/manifest.js';

// The plan is pure: files and a previous manifest in, decisions out; no disk, no model.
const file = (id: string, hash: string): ReportFile => ({ id, file: `${id}.txt`, hash });
const manifest = manifestOf;

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
