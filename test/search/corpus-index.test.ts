import { describe, expect, it } from 'vitest';
import type { ParsedReport } from '../../src/corpus/types.js';
import { CorpusIndex } from '../../src/search/corpus-index.js';

const report = (id: string, text: string): ParsedReport => ({
  id,
  meta: { title: id },
  text,
  paragraphs: [
    { n: 1, start: 0, end: 5, role: 'title', section: [] },
    { n: 2, start: 7, end: text.length, role: 'body', section: ['Part one'] },
  ],
});

describe('CorpusIndex', () => {
  it('finds chunks by position, by HNSW label and by sentence across reports, whatever order their labels are in', () => {
    const index = new CorpusIndex();
    const a = report('a', 'Title\n\nCourts met. Courts ruled.');
    const b = report('b', 'Other\n\nLibraries opened.');
    // Report "a" got its labels after "b" (as a changed report does in an incremental ingest).
    index.addReport(
      a,
      [
        { reportId: 'a', paragraph: 1, start: 0, end: 5 },
        { reportId: 'a', paragraph: 2, start: 7, end: 18 },
        { reportId: 'a', paragraph: 2, start: 19, end: 31 },
      ],
      100,
    );
    index.addReport(b, Int32Array.from([1, 0, 5, 2, 7, 24]), 40);
    expect(index.chunkCount).toBe(5);
    expect(index.chunk(2)).toEqual({ reportId: 'a', paragraph: 2, start: 19, end: 31 });
    expect(index.chunk(4)).toEqual({ reportId: 'b', paragraph: 2, start: 7, end: 24 });
    expect([index.reportOf(3), index.paragraphOf(3), index.labelOfChunk(3)]).toEqual(['b', 1, 40]);
    expect([index.chunkOfLabel(102), index.chunkOfLabel(41), index.chunkOfLabel(42), index.chunkOfLabel(7)]).toEqual([
      2,
      4,
      undefined,
      undefined,
    ]);
    expect([
      index.chunkOfSentence('a', 2, 1),
      index.chunkOfSentence('b', 2, 0),
      index.chunkOfSentence('b', 3, 0),
    ]).toEqual([2, 4, undefined]);
    expect(() => index.chunk(5)).toThrow('no chunk 5');
    expect(
      index.lexical
        .search(['court'], 5)
        .map((h) => h.doc)
        .sort(),
    ).toEqual([1, 2]);
  });
});
