import { describe, expect, it } from 'vitest';
import type { ParsedReport } from '../../src/corpus/types.js';
import { CorpusIndex } from '../../src/search/corpus-index.js';
import { runVectors, SentenceVectors } from '../../src/search/sentence-vectors.js';
import { VectorIndex } from '../../src/search/vector-index.js';

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
    expect([index.reportOf(3), index.paragraphOf(3)]).toEqual(['b', 1]);
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

  it("searches the graph's paragraphs and ranks their sentences by their own vectors", () => {
    const index = new CorpusIndex();
    const text = 'Title\n\nCourts met. Courts ruled.';
    const rows = Int32Array.from([1, 0, 5, 2, 7, 18, 2, 19, 31]);
    index.addReport(report('a', text), rows, 10);
    // Chunk 0 (the title) points one way; the paragraph's two sentences another, the second nearer the query.
    const flat = Float32Array.from([1, 0, 0, 0, 0.8, 0.6, 0, 0.6, 0.8]);
    const graph = VectorIndex.create(3, 4);
    for (const run of runVectors(rows, flat, 3)) graph.add(10 + run.first, run.vector);
    index.vectors = graph;
    const reads: number[][] = [];
    index.sentenceVectors = new SentenceVectors(
      (_, from, to) => (reads.push([from, to]), flat.slice(from * 3, to * 3)),
      3,
    );
    expect(index.vectors.count).toBe(2);
    expect(index.paragraphChunks(2)).toEqual({ from: 1, to: 3 });
    expect(index.paragraphChunks(0)).toEqual({ from: 0, to: 1 });
    const hits = index.denseSearch(Float32Array.from([0, 0, 1]), 2);
    expect(hits.map((h) => h.chunk)).toEqual([2, 1]);
    expect(hits[0]!.similarity).toBeCloseTo(0.8, 5);
    // The title is a run of one sentence: the graph's similarity is its own, and its row is never read.
    expect(index.denseSearch(Float32Array.from([1, 0, 0]), 3)[0]).toMatchObject({ chunk: 0 });
    expect(index.denseSearch(Float32Array.from([1, 0, 0]), 3)[0]!.similarity).toBeCloseTo(1, 5);
    expect(reads.filter(([from]) => from === 0)).toEqual([]);
    expect(index.similaritiesOf(0, 2, Float32Array.from([1, 0, 0]))).toEqual([1, 0]);
    expect(index.bestSentenceSimilarities('a', [Float32Array.from([0, 1, 0])])![0]).toBeCloseTo(0.8, 5);
  });

  it("searches one report's sentences exactly, however few of the graph's nearest are its", () => {
    const index = new CorpusIndex();
    const rows = Int32Array.from([1, 0, 5, 2, 7, 18, 2, 19, 31]);
    index.addReport(report('a', 'Title\n\nCourts met. Courts ruled.'), rows, 0);
    index.addReport(report('b', 'Title\n\nFarms grew. Farms sold.'), rows, 3);
    // Report a's sentences lie nearest the query; report b's point elsewhere, its second sentence the nearer.
    const flat = Float32Array.from([1, 0, 0, 0, 0.6, 0.8, 0, 0.8, 0.6, 1, 0, 0, 0.6, 0.8, 0, 0.8, 0.6, 0]);
    const graph = VectorIndex.create(3, 8);
    for (const run of runVectors(rows, flat.slice(0, 9), 3)) graph.add(run.first, run.vector);
    for (const run of runVectors(rows, flat.slice(9), 3)) graph.add(3 + run.first, run.vector);
    index.vectors = graph;
    index.sentenceVectors = new SentenceVectors(
      (id, from, to) => flat.slice(((id === 'b' ? 3 : 0) + from) * 3, ((id === 'b' ? 3 : 0) + to) * 3),
      3,
    );
    const query = Float32Array.from([0, 0.6, 0.8]);
    expect(index.denseSearch(query, 2).map((h) => h.chunk)).toEqual([1, 2]);
    expect(index.denseSearchIn('b', query, 2).map((h) => h.chunk)).toEqual([4, 5]);
    expect(index.denseSearchIn('b', query, 2)[0]!.similarity).toBeCloseTo(0.48, 5);
    expect(index.denseSearchIn('c', query, 2)).toEqual([]);
  });
});
