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
  it('reads a report once, scores a chunk against several vectors, and refuses an offset past the file', () => {
    const reads: string[] = [];
    const store = new SentenceVectors((id) => (reads.push(id), Float32Array.from([1, 0, 0, 1])), 2);
    expect(store.similarities('a', 1, [Float32Array.from([0, 1]), Float32Array.from([1, 0])])).toEqual([1, 0]);
    expect(store.similarities('a', 0, [Float32Array.from([1, 0])])).toEqual([1]);
    expect(store.similarities('a', 2, [Float32Array.from([1, 0])])).toBeUndefined();
    expect(reads).toEqual(['a']);
  });

  it('keeps the most recently used reports within its byte budget', () => {
    const reads: string[] = [];
    const store = new SentenceVectors((id) => (reads.push(id), new Float32Array(4).fill(1)), 2, 32); // two reports fit
    const q = [Float32Array.from([1, 0])];
    for (const id of ['a', 'b', 'a', 'c', 'a', 'b']) store.similarities(id, 0, q);
    expect(reads).toEqual(['a', 'b', 'c', 'b']); // c pushed out b (a was used more recently), not a
  });

  it('gives nothing for a vector that is not finite (a text of stop words only)', () => {
    const store = new SentenceVectors(() => Float32Array.from([NaN, NaN]), 2);
    expect(store.similarities('a', 0, [Float32Array.from([1, 0])])).toBeUndefined();
  });
});
