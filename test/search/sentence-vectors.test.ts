import { describe, expect, it } from 'vitest';
import { GROUP, runCount, runVectors, SentenceVectors } from '../../src/search/sentence-vectors.js';

/** Chunk rows (paragraph, start, end) for the given paragraph numbers, one chunk each. */
const rowsOf = (paragraphs: number[]): Int32Array =>
  Int32Array.from(paragraphs.flatMap((p, i) => [p, i * 10, i * 10 + 9]));

describe('runVectors', () => {
  it("sums a paragraph's sentence vectors into one unit vector named by its first chunk", () => {
    const flat = Float32Array.from([1, 0, 0, 1, 1, 0]); // chunks 0 and 1 in paragraph 1, chunk 2 in paragraph 2
    const runs = runVectors(rowsOf([1, 1, 2]), flat, 2);
    expect(runs.map((r) => r.first)).toEqual([0, 2]);
    expect([...runs[0]!.vector].map((x) => x.toFixed(4))).toEqual(['0.7071', '0.7071']);
    expect([...runs[1]!.vector]).toEqual([1, 0]);
  });

  it('cuts a long paragraph (a table) into runs of GROUP sentences', () => {
    const n = 2 * GROUP + 1;
    const runs = runVectors(rowsOf(new Array<number>(n).fill(7)), new Float32Array(n).fill(1), 1);
    expect(runs.map((r) => r.first)).toEqual([0, GROUP, 2 * GROUP]);
    expect(runCount(rowsOf(new Array<number>(n).fill(7)))).toBe(3);
  });

  it('leaves out a run whose vectors are not finite, and counts it as room only', () => {
    const runs = runVectors(rowsOf([1, 2]), Float32Array.from([NaN, NaN, 0, 1]), 2);
    expect(runs.map((r) => r.first)).toEqual([1]);
    expect(runCount(rowsOf([1, 2]))).toBe(2);
    expect(runCount(new Int32Array(0))).toBe(0);
  });
});

describe('SentenceVectors', () => {
  const flat = Float32Array.from([1, 0, 0, 1, NaN, NaN]); // three chunks of 2 dimensions; the last stop words only
  const reads: [string, number, number][] = [];
  const store = new SentenceVectors((id, from, to) => (reads.push([id, from, to]), flat.slice(from * 2, to * 2)), 2);

  it('reads the rows it is asked for, with one read, and scores them against a unit vector', () => {
    reads.length = 0;
    expect(store.similarities('a', 0, 2, Float32Array.from([0, 1]))).toEqual([0, 1]);
    expect(store.similarities('a', 1, 3, Float32Array.from([0, 1]))).toEqual([1, undefined]); // not finite: nothing
    expect(reads).toEqual([
      ['a', 0, 2],
      ['a', 1, 3],
    ]);
  });

  it("gives the best similarity each vector reaches among a report's chunks; a NaN row never wins", () => {
    expect(store.best('a', 3, [Float32Array.from([1, 0]), Float32Array.from([0.5, 0.75])])).toEqual([1, 0.75]);
    expect(store.best('a', 0, [Float32Array.from([1, 0])])).toEqual([-Infinity]);
  });

  it('reads into memory it reuses, larger only when a read needs more', () => {
    const given: Float32Array[] = [];
    const reusing = new SentenceVectors((_, from, to, into) => {
      given.push(into);
      into.set(flat.subarray(from * 2, to * 2));
      return into.subarray(0, (to - from) * 2);
    }, 2);
    expect(reusing.similarities('a', 0, 1, Float32Array.from([1, 0]))).toEqual([1]);
    expect(reusing.similarities('a', 1, 2, Float32Array.from([0, 1]))).toEqual([1]);
    expect(reusing.best('a', 3, [Float32Array.from([0, 1])])).toEqual([1]);
    expect(reusing.similarities('a', 0, 2, Float32Array.from([1, 0]))).toEqual([1, 0]);
    expect(given[1]).toBe(given[0]);
    expect(given[2]!.length).toBeGreaterThanOrEqual(6);
    expect(given[3]).toBe(given[2]);
  });
});
