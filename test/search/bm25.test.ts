import { describe, expect, it } from 'vitest';
import { bm25, LexicalIndex, LexicalIndexBuilder } from '../../src/search/bm25.js';

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
    expect(index.idfAny(['air', 'court'])).toBeCloseTo(Math.log(1 + 1.5 / 2.5), 6);
  });

  it('survives a serialise/deserialise round trip (odd and even posting counts) and refuses garbage', () => {
    for (const index of [sample(), new LexicalIndexBuilder().build()]) {
      const copy = LexicalIndex.deserialize(index.serialize());
      expect(copy.size).toBe(index.size);
      expect(copy.search(['case', 'air'], 5)).toEqual(index.search(['case', 'air'], 5));
    }
    expect(() => LexicalIndex.deserialize(Buffer.from('garbage'))).toThrow('not a lexical index file');
    const bytes = sample().serialize();
    expect(() => LexicalIndex.deserialize(bytes.subarray(0, bytes.length - 4))).toThrow(/bytes, expected/);
  });

  it('appending an index gives the same index as building both at once', () => {
    const one = new LexicalIndexBuilder();
    one.add([{ terms: ['court', 'case'], weight: 1 }]);
    const two = new LexicalIndexBuilder();
    two.add([{ terms: ['case', 'notari'], weight: 1 }]);
    two.add([
      { terms: ['air'], weight: 1 },
      { terms: ['court'], weight: 0.3 },
    ]);
    const both = new LexicalIndexBuilder();
    both.add([{ terms: ['court', 'case'], weight: 1 }]);
    both.add([{ terms: ['case', 'notari'], weight: 1 }]);
    both.add([
      { terms: ['air'], weight: 1 },
      { terms: ['court'], weight: 0.3 },
    ]);
    const appended = one.build().append(two.build());
    const built = both.build();
    expect(appended.size).toBe(3);
    for (const q of [['court'], ['case'], ['air', 'notari'], ['court', 'case', 'air']]) expect(appended.search(q, 5)).toEqual(built.search(q, 5));
    expect(appended.serialize().length).toBe(built.serialize().length);
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
