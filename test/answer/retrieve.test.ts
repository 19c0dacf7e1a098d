import { describe, expect, it } from 'vitest';
import { fuse, wholeHits } from '../../src/answer/retrieve.js';
import { chunkReport } from '../../src/corpus/chunk.js';
import { parseReport } from '../../src/corpus/parse.js';
import type { Concept } from '../../src/search/concept.js';
import { CorpusIndex } from '../../src/search/corpus-index.js';

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

  it('ranks first what it is given first (wholeHits), then by credit', () => {
    const shared = Array.from({ length: 40 }, (_, i) => 100 + i);
    // Passage 0 is lexically first, but passages both sides find have more credit than it.
    expect(fuse([0, ...shared], shared, 24).has(0)).toBe(false);
    const fused = fuse([0, ...shared], shared, 24, [0]);
    expect(fused.has(0)).toBe(true);
    expect(fused.size).toBe(24);
  });
});

describe('wholeHits: the first lexical hits holding every word asked', () => {
  const index = new CorpusIndex();
  const r = parseReport(
    '# Report\n\n## Web\n\nDTO began developing guidance on chatbots and generative AI.\n\nAI helps the police.\n\nDTO joined in August.\n\n## Staff\n\nThe team grew.\n',
    'web.md',
  );
  index.addReport(r, chunkReport(r));
  const idOf = (start: string): number =>
    Array.from({ length: index.chunkCount }, (_, i) => i).find((i) => {
      const c = index.chunk(i);
      return r.text.slice(c.start, c.end).startsWith(start);
    })!;
  const word = (...forms: string[]): Concept => ({ senses: [[forms]], weight: 1 });
  const ai: Concept = { senses: [[['ai']], [['intellig']]], credits: [1, 0.8], weight: 1 };
  const hits = [idOf('AI helps'), idOf('DTO began'), idOf('DTO joined')];

  it('keeps the hits with a form of each word, in their order', () => {
    expect(wholeHits(index, hits, [word('dto'), word('chatbot'), ai])).toEqual([idOf('DTO began')]);
    expect(wholeHits(index, hits, [word('dto'), ai])).toEqual([idOf('DTO began')]);
  });

  it('a synonym is no word asked, and a question of one word has none (any hit holds it)', () => {
    const aiOnlyBySynonym: Concept = { senses: [[['intelligence']], [['ai']]], credits: [1, 0.8], weight: 1 };
    expect(wholeHits(index, hits, [word('dto'), aiOnlyBySynonym])).toEqual([]);
    expect(wholeHits(index, hits, [word('dto')])).toEqual([]);
  });
});
