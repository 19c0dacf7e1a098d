import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bm25, idfOf, LexicalIndex, LexicalIndexBuilder } from '../../src/search/bm25.js';
import { lexicalFileParts, openLexicalFile, readLexicalBytes } from '../../src/search/lexical-file.js';
import { WINDOW } from '../../src/search/max-score.js';
import { reportSentences, seededRandom } from '../helpers/lexical.js';

const fileBytes = (index: LexicalIndex): Buffer => Buffer.concat(lexicalFileParts(index));

/** Temporary folders, removed after the tests. */
const dirs: string[] = [];
const tempDir = (prefix: string): string => {
  dirs.push(mkdtempSync(join(tmpdir(), prefix)));
  return dirs.at(-1)!;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function sample(): LexicalIndex {
  const b = new LexicalIndexBuilder();
  b.add([{ terms: ['court', 'case', 'case'], weight: 1 }]);
  b.add([
    { terms: ['air', 'qualiti'], weight: 1 },
    { terms: ['case'], weight: 0.3 },
  ]);
  b.add([{ terms: ['notari', 'offic', 'case'], weight: 1 }]);
  return b.build();
}

describe('LexicalIndex', () => {
  it('ranks by BM25 and matches the pure scoring function', () => {
    const index = sample();
    const hits = index.search(['case'], 10);
    expect(hits.map((h) => h.doc)).toEqual([0, 2, 1]);
    const avg = (3 + 2.3 + 3) / 3;
    expect(hits[0]!.score).toBeCloseTo(bm25(2, 3, 3, 3, avg), 5);
    expect(index.idf('unknown')).toBe(0);
    expect(index.idfAnyIn(['air', 'court'], 0, 3)).toBeCloseTo(Math.log(1 + 1.5 / 2.5), 6);
  });

  it('finds the same top documents with the same scores when it skips what cannot reach them (MaxScore)', () => {
    // Zipf-like words: a few in most documents, many rare ones, as a report's sentences have.
    let seed = 7;
    const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const word = (): string => `w${Math.floor(1 / (random() + 0.002))}`;
    const builder = new LexicalIndexBuilder();
    for (let d = 0; d < 3000; d++)
      builder.add([{ terms: Array.from({ length: 3 + Math.floor(random() * 12) }, word), weight: 1 }]);
    // Short documents repeating common words: their share of a word's weight comes close to the whole of it.
    for (let d = 0; d < 300; d++) builder.add([{ terms: Array<string>(30).fill(`w${1 + (d % 6)}`), weight: 1 }]);
    const index = builder.build();
    let pruned = 0;
    for (let q = 0; q < 200; q++) {
      const terms = Array.from({ length: 2 + Math.floor(random() * 6) }, word);
      const weights = new Map(terms.map((t) => [t, 0.3 + random()]));
      const accept = q % 3 === 0 ? (doc: number) => doc % 2 === 0 : undefined;
      const limit = 1 + Math.floor(random() * 40);
      const all = index.search(terms, index.size, weights, accept); // nothing can be skipped
      const top = index.search(terms, limit, weights, accept);
      expect(top).toEqual(all.slice(0, limit));
      if (all.length > limit) pruned++;
    }
    expect(pruned).toBeGreaterThan(100); // the queries had documents to leave out
  });

  it("counts one concept's readings once: three synonyms of a word do not outweigh two words asked", () => {
    const b = new LexicalIndexBuilder();
    b.add([{ terms: ['interfac', 'clean', 'simpl', 'smooth'], weight: 1 }]); // 0: three other words for "easier"
    b.add([{ terms: ['streamlin', 'onboard', 'client'], weight: 1 }]); // 1: "onboarding" and "clients"
    b.add([{ terms: ['onboard', 'servic'], weight: 1 }]);
    for (let d = 0; d < 12; d++) b.add([{ terms: d % 3 ? ['report', 'servic'] : ['client', 'servic'], weight: 1 }]);
    const index = b.build();
    const terms = ['easi', 'clean', 'simpl', 'smooth', 'onboard', 'client'];
    const weights = new Map(terms.map((t) => [t, ['clean', 'simpl', 'smooth'].includes(t) ? 0.8 : 1]));
    const concepts = [[[['easi']], [['clean']], [['simpl']], [['smooth']]], [[['onboard']]], [[['client']]]];
    expect(index.search(terms, 2, weights).map((h) => h.doc)).toEqual([0, 1]); // summed, the synonyms win
    const hits = index.search(terms, 3, weights, undefined, concepts);
    expect(hits[0]!.doc).toBe(1);
    // The synonyms' document scores its best one alone.
    expect(hits.find((h) => h.doc === 0)!.score).toBeCloseTo(index.search(['simpl'], 1, weights)[0]!.score, 9);
  });

  it('stays exact with alternatives: a concept scores its best reading, and what it skips could never enter', () => {
    const random = seededRandom(5);
    const word = (): string => `w${Math.floor(1 / (random() + 0.002))}`;
    const builder = new LexicalIndexBuilder();
    for (let d = 0; d < 3000; d++)
      builder.add([{ terms: Array.from({ length: 3 + Math.floor(random() * 12) }, word), weight: 1 }]);
    const index = builder.build();
    let pruned = 0;
    for (let q = 0; q < 100; q++) {
      // Two or three concepts, each a word and its other words (one of two words, or one form of two).
      const concepts = Array.from({ length: 2 + (q % 2) }, () =>
        Array.from({ length: 1 + Math.floor(random() * 3) }, () =>
          random() < 0.3 ? [[word()], [word()]] : [[word(), word()]],
        ),
      );
      const terms = concepts.flat(3);
      const weights = new Map(terms.map((t) => [t, 0.3 + random()]));
      const limit = 1 + Math.floor(random() * 20);
      const all = index.search(terms, index.size, weights, undefined, concepts);
      const top = index.search(terms, limit, weights, undefined, concepts);
      expect(top).toEqual(all.slice(0, limit));
      if (all.length > limit) pruned++;
    }
    expect(pruned).toBeGreaterThan(50);
  });

  it('stays exact over many windows of documents, read from its file, with words bounded where their report is', () => {
    // 100 "reports" of 400 sentences: each report's own words, words of a few reports, and words of every report.
    const random = seededRandom(11);
    const builder = new LexicalIndexBuilder();
    for (const terms of reportSentences(100, random)) builder.add([{ terms, weight: 1 + Math.floor(random() * 2) }]);
    const dir = tempDir('rqb-maxscore-');
    writeFileSync(join(dir, 'lexical.bin'), fileBytes(builder.build()));
    const index = openLexicalFile(join(dir, 'lexical.bin'));
    expect(index.documentFrequency('all0')).toBeGreaterThan(8192); // longer than a window: read by parts
    let counted = 0;
    for (let q = 0; q < 60; q++) {
      const r = Math.floor(random() * 100);
      const terms = [`own${r}-${q % 20}`, `few${q % 7}`, `all${q % 10}`, `all${(q * 7) % 10}`].slice(q % 3);
      const weights = new Map(terms.map((t) => [t, 0.3 + random()]));
      const accept = q % 4 === 0 ? (doc: number) => doc % 3 !== 0 : undefined;
      const all = index.search(terms, index.size, weights, accept); // nothing can be skipped
      expect(index.search(terms, 40, weights, accept)).toEqual(all.slice(0, 40));
      // A report's documents, across a window's edge or not: how many hold any of the terms, as the search counts them.
      const [from, to] = [Math.max(0, r * 400 - (q % 2) * 150), r * 400 + 400];
      const count = index.search(terms, index.size, undefined, (doc) => doc >= from && doc < to).length;
      expect(index.idfAnyIn(terms, from, to)).toBe(count ? idfOf(count, to - from) : 0);
      if (count > 0) counted++;
    }
    expect(counted).toBeGreaterThan(30);
  });

  it('summarises its long words ahead: a question then reads only the windows it needs, and scores the same', async () => {
    const random = seededRandom(5);
    const builder = new LexicalIndexBuilder();
    for (const terms of reportSentences(100, random)) builder.add([{ terms, weight: 1 }]);
    const dir = tempDir('rqb-ahead-');
    writeFileSync(join(dir, 'lexical.bin'), fileBytes(builder.build()));
    const [before, ahead] = [openLexicalFile(join(dir, 'lexical.bin')), openLexicalFile(join(dir, 'lexical.bin'))];
    const long = ahead.data.terms.filter((t) => ahead.documentFrequency(t) > WINDOW);
    expect(long.length).toBeGreaterThan(5);
    const stopped = new AbortController();
    stopped.abort();
    expect(await ahead.summarizeAhead(stopped.signal)).toEqual({ terms: 0, stopped: 'aborted' });
    expect(await ahead.summarizeAhead()).toEqual({ terms: long.length });
    expect(await ahead.summarizeAhead()).toEqual({ terms: 0 }); // nothing left to do
    // The most postings one read takes: a word's whole list when its summary is made on first use, a window's after.
    const largestRead = (index: LexicalIndex, ask: () => void): number => {
      const { postings } = index.data;
      const read = postings.read.bind(postings);
      let largest = 0;
      postings.read = (id, from, to, arena) => ((largest = Math.max(largest, to - from)), read(id, from, to, arena));
      ask();
      postings.read = read;
      return largest;
    };
    const rarity = (index: LexicalIndex) => () => index.idfAnyIn(['all3'], 16_000, 16_400);
    expect(largestRead(before, rarity(before))).toBe(before.documentFrequency('all3'));
    expect(largestRead(ahead, rarity(ahead))).toBeLessThan(ahead.documentFrequency('all3') / 2);
    expect(rarity(ahead)()).toBe(rarity(before)());
    for (const terms of [['all0', 'few3'], ['own7-2', 'all5', 'all9'], ['all1']])
      expect(ahead.search(terms, 40)).toEqual(before.search(terms, 40));
  });

  it('does not skip a document that the lighter words, together, lift above one already scored', () => {
    const builder = new LexicalIndexBuilder();
    const common = ['c1', 'c2', 'c3', 'c4', 'c5'];
    builder.add([{ terms: ['rare', 'x'], weight: 1 }]); // 0: the rare word in a short sentence
    builder.add([{ terms: common.flatMap((c) => [c, c, c]), weight: 1 }]); // 1: every common word, thrice
    builder.add([{ terms: ['rare', ...Array<string>(29).fill('filler')], weight: 1 }]); // 2: the rare word, long
    for (let d = 0; d < 98; d++) builder.add([{ terms: [common[d % 5]!, 'y', 'z'], weight: 1 }]);
    const index = builder.build();
    // The rare word is scored first; the common words left could still lift an unscored sentence past sentence 2
    // (the second best so far), though not past sentence 0: nothing may be skipped yet.
    const weights = new Map([['rare', 1], ...common.map((c) => [c, 0.19] as [string, number])]);
    const all = index.search(['rare', ...common], index.size, weights);
    expect(all.slice(0, 3).map((h) => h.doc)).toEqual([0, 1, 2]);
    expect(index.search(['rare', ...common], 2, weights)).toEqual(all.slice(0, 2));
  });

  it('measures how rare a word is within a range of documents (one report), whatever the rest hold', () => {
    const index = sample();
    expect(index.idfAnyIn(['case'], 0, 2)).toBeCloseTo(idfOf(2, 2), 6);
    expect(index.idfAnyIn(['case'], 1, 3)).toBeCloseTo(idfOf(2, 2), 6);
    expect(index.idfAnyIn(['case'], 0, 3)).toBeCloseTo(index.idf('case'), 6);
    expect(index.idfAnyIn(['air', 'court'], 1, 3)).toBeCloseTo(idfOf(1, 2), 6);
    expect(index.idfAnyIn(['unknown'], 0, 3)).toBe(0);
  });

  it('survives a round trip through its file, read whole or term by term (odd and even posting counts)', () => {
    const dir = tempDir('rqb-lex-');
    for (const [k, index] of [sample(), new LexicalIndexBuilder().build()].entries()) {
      const path = join(dir, `${k}.bin`);
      writeFileSync(path, fileBytes(index));
      for (const copy of [readLexicalBytes(fileBytes(index)), openLexicalFile(path)]) {
        expect(copy.size).toBe(index.size);
        expect(copy.search(['case', 'air'], 5)).toEqual(index.search(['case', 'air'], 5));
        expect(copy.idfAnyIn(['court', 'air'], 0, 3)).toBe(index.idfAnyIn(['court', 'air'], 0, 3));
        expect(copy.idfAnyIn(['case'], 1, 3)).toBe(index.idfAnyIn(['case'], 1, 3));
        // Written again from the file, the same bytes (the postings read back term by term).
        expect(fileBytes(copy).equals(fileBytes(index))).toBe(true);
      }
    }
  });

  it('refuses garbage, a truncated file and a damaged head; damaged postings when the word is first read', () => {
    expect(() => readLexicalBytes(Buffer.from('garbage, not an index'))).toThrow('not a lexical index file');
    const bytes = fileBytes(sample());
    expect(() => readLexicalBytes(bytes.subarray(0, bytes.length - 4))).toThrow(/bytes, expected/);
    const dir = tempDir('rqb-lex-');
    const damaged = (at: number): string => {
      const copy = Buffer.from(bytes);
      copy[at] = copy[at]! ^ 0xff;
      const path = join(dir, `${at}.bin`);
      writeFileSync(path, copy);
      return path;
    };
    // The last bytes before the trailer are the per-word checksums: part of the head.
    expect(() => openLexicalFile(damaged(bytes.length - 6))).toThrow(/checksum of its head/);
    // A document id of "air" (the first word): the file opens, and the word's first read refuses it.
    const headerLength = bytes.readUInt32LE(8);
    const { terms } = JSON.parse(bytes.subarray(12, 12 + headerLength).toString()) as { terms: string[] };
    expect(terms[0]).toBe('air');
    const firstPosting = 12 + headerLength + 4 * (terms.length + 1);
    const index = openLexicalFile(damaged(firstPosting));
    expect(() => index.search(['air'], 3)).toThrow(/postings of "air" do not match their checksum.*--rebuild/);
    expect(index.search(['court'], 3).map((h) => h.doc)).toEqual([0]);
    // Checking reads every word: the damaged one is found without asking for it.
    expect(() => openLexicalFile(join(dir, `${firstPosting}.bin`)).check()).toThrow(/postings of "air"/);
    expect(() => readLexicalBytes(readFileSync(join(dir, `${firstPosting}.bin`)))).toThrow(/postings of "air"/);
  });

  it('put together from ranges of other indexes, is byte for byte the index of those documents built at once', () => {
    // Documents as weighted term lists; each index below holds some of them.
    const doc = (k: number): { terms: string[]; weight: number }[] => [
      {
        terms: [`w${k % 7}`, `w${(k * 3) % 11}`, k % 2 ? 'odd' : 'even', ...(k % 5 === 0 ? [`only${k}`] : [])],
        weight: 1,
      },
      { terms: [`h${k % 3}`], weight: 0.3 },
    ];
    const build = (ks: number[]): LexicalIndex => {
      const b = new LexicalIndexBuilder();
      for (const k of ks) b.add(doc(k));
      return b.build();
    };
    const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);
    const old = build(range(0, 30)); // a previous generation: documents 0-29
    const fresh = build([100, 101, 102]); // reports indexed in this one
    // Documents 10-14 removed (a report dropped), 100-102 added at the end; one part empty; adjacent ranges merge.
    const parts = [
      { index: old, start: 0, count: 6 },
      { index: old, start: 6, count: 4 },
      { index: fresh, start: 0, count: 0 },
      { index: old, start: 15, count: 15 },
      { index: fresh, start: 0, count: 3 },
    ];
    const together = LexicalIndex.concat(parts);
    const expected = build([...range(0, 10), ...range(15, 30), 100, 101, 102]);
    expect(fileBytes(together).equals(fileBytes(expected))).toBe(true);
    // only10 was in the dropped documents alone: it is gone from the vocabulary.
    expect(together.documentFrequency('only10')).toBe(0);
    expect(together.search(['odd', 'w3'], 5)).toEqual(expected.search(['odd', 'w3'], 5));
    // One part that is a whole index is that index; no parts, an empty one.
    expect(LexicalIndex.concat([{ index: old, start: 0, count: 30 }])).toBe(old);
    expect(LexicalIndex.concat([]).size).toBe(0);
    expect(() => LexicalIndex.concat([{ index: old, start: 25, count: 6 }])).toThrow(RangeError);
  });

  it('keeps the top k without sorting everything, ties broken by document order', () => {
    const b = new LexicalIndexBuilder();
    for (let i = 0; i < 100; i++) b.add([{ terms: ['x'], weight: 1 }]);
    expect(
      b
        .build()
        .search(['x'], 3)
        .map((h) => h.doc),
    ).toEqual([0, 1, 2]);
  });
});
