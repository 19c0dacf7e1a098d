import { describe, expect, it } from 'vitest';
import {
  alternativesScore,
  lowerBound,
  MaxScore,
  TF_SCALE,
  WINDOW,
  type TermList,
} from '../../src/search/max-score.js';

/** Terms over `n` documents, each in a share of them, with its per-window maxima made as LexicalIndex makes them. */
function termLists(n: number, norms: Float32Array, random: () => number): TermList[] {
  return [0.6, 0.2, 0.01].map((density, id) => {
    const docs: number[] = [];
    const tfs: number[] = [];
    for (let d = 0; d < n; d++)
      if (random() < density) {
        docs.push(d);
        tfs.push(TF_SCALE * (1 + Math.floor(random() * 3)));
      }
    const maxima = new Float32Array(Math.ceil(n / WINDOW));
    docs.forEach((d, p) => {
      const tf = tfs[p]! / TF_SCALE;
      const w = Math.floor(d / WINDOW);
      maxima[w] = Math.max(maxima[w]!, (tf / (tf + norms[d]!)) * (1 + 1e-6));
    });
    const weight = 1 + id * 2;
    return { id, weight, docs: Int32Array.from(docs), tfs: Uint16Array.from(tfs), maxima, bound: 0, at: 0 };
  });
}

describe('MaxScore', () => {
  it('returns the exact top documents, ties to the lower document, over several windows', () => {
    let seed = 3;
    const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const n = 3 * WINDOW + 100;
    // Norms of a few lengths only, so that documents tie.
    const norms = Float32Array.from({ length: n }, () => 0.5 + Math.floor(random() * 4) / 4);
    for (const limit of [1, 7, 40]) {
      const lists = termLists(n, norms, random);
      const plan = [...lists].sort((x, y) => y.weight - x.weight);
      const brute: { doc: number; score: number }[] = [];
      for (let doc = 0; doc < n; doc++) {
        let score = 0;
        for (const { weight, docs, tfs } of plan) {
          const p = lowerBound(docs, doc, 0, docs.length);
          if (docs[p] !== doc) continue;
          const tf = tfs[p]! / TF_SCALE;
          score = score + (weight * tf) / (tf + norms[doc]!) + 1e-12;
        }
        if (score > 0) brute.push({ doc, score });
      }
      brute.sort((x, y) => y.score - x.score || x.doc - y.doc);
      const scratch = { scores: new Float64Array(WINDOW), found: new Int32Array(WINDOW / 32) };
      const top = new MaxScore(plan, limit, norms, scratch).run();
      expect(top).toEqual(brute.slice(0, limit));
      expect(scratch.scores.every((x) => x === 0) && scratch.found.every((x) => x === 0)).toBe(true); // left clean
    }
  });

  it("scores each concept by its best reading, each list once, never more than the lists' sum", () => {
    const shares = Float64Array.from([1, 3, 2, 0.5, 4]);
    const used = new Uint8Array(5);
    // Concept A: lists 0 | 1 | 2 (three words for one thing); concept B: list 1 or the phrase 3 + 3 (a word twice);
    // list 4 in no concept.
    const score = alternativesScore(
      [
        [[[0]], [[1]], [[2]]],
        [[[1]], [[3], [3]]],
      ],
      shares,
      used,
    );
    expect(score).toBe(3 + 0.5 + 4); // A's best (list 1), B's left (list 3, once), list 4
    expect(score).toBeLessThanOrEqual(shares.reduce((a, b) => a + b));
    expect(used.every((x) => x === 0)).toBe(true); // left clean
  });

  it('finds where a document is or would be in sorted postings', () => {
    const docs = Int32Array.from([2, 5, 5, 9]);
    expect([0, 2, 3, 5, 6, 9, 10].map((d) => lowerBound(docs, d, 0, docs.length))).toEqual([0, 0, 1, 1, 3, 3, 4]);
  });
});
