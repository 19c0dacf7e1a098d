import { describe, expect, it } from 'vitest';
import { fuse } from '../../src/answer/retrieve.js';

describe('fuse: reciprocal rank fusion of the lexical and dense rankings', () => {
  const lexical = Array.from({ length: 40 }, (_, i) => i);

  it('a passage only the dense side finds is still ranked: a question with no word of the report is carried by meaning', () => {
    expect(fuse(lexical, [99], 24).has(99)).toBe(true);
    expect(fuse([], [99, 98], 24)).toEqual(new Set([99, 98]));
  });

  it('a passage both sides find outranks one found by either alone', () => {
    const both = fuse(lexical, [30, 98], 2);
    expect(both.has(30)).toBe(true); // 30th lexically, first in meaning: more credit than lexical rank 1 alone
    expect(fuse(lexical, [], 24).size).toBe(24);
  });
});
