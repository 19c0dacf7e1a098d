import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LexicalIndexBuilder, type LexicalIndex } from '../../src/search/bm25.js';
import { lexicalFileParts, openLexicalFile } from '../../src/search/lexical-file.js';
import { joinLexical } from '../../src/search/lexical-segments.js';
import { reportSentences, seededRandom } from '../helpers/lexical.js';

const fileBytes = (index: LexicalIndex): Buffer => Buffer.concat(lexicalFileParts(index));
const dir = mkdtempSync(join(tmpdir(), 'rqb-segments-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An index over `docs` (documents `first` … of the whole set), written to a file and opened from it. */
function indexOf(docs: string[][], name: string, first = 0): LexicalIndex {
  const builder = new LexicalIndexBuilder();
  docs.forEach((terms, i) => builder.add([{ terms, weight: 1 + ((first + i) % 3) * 0.15 }]));
  writeFileSync(join(dir, name), fileBytes(builder.build()));
  return openLexicalFile(join(dir, name));
}

describe('joinLexical', () => {
  it('reads a main index and a tail as the one index built over all their documents', () => {
    const random = seededRandom(5);
    const docs = reportSentences(80, random);
    // The tail starts inside a window of documents (8,192), and holds words the main index lacks and the reverse.
    const split = 61 * 400 + 3;
    const whole = indexOf(docs, 'whole.bin');
    const joined = joinLexical(
      indexOf(docs.slice(0, split), 'main.bin').data,
      indexOf(docs.slice(split), 'tail.bin', split).data,
    );
    expect(joined.size).toBe(whole.size);
    expect(joined.documentFrequency('all0')).toBeGreaterThan(8192); // read by parts across the join
    expect(fileBytes(joined).equals(fileBytes(whole))).toBe(true); // every term's postings, in order
    for (let q = 0; q < 40; q++) {
      const r = Math.floor(random() * 80);
      const terms = [`own${r}-${q % 20}`, `few${q % 7}`, `all${q % 10}`, `all${(q * 3) % 10}`].slice(q % 3);
      const weights = new Map(terms.map((t) => [t, 0.3 + random()]));
      expect(joined.search(terms, 40, weights)).toEqual(whole.search(terms, 40, weights));
      // A report's range, also the one across the join.
      for (const [from, to] of [
        [r * 400, r * 400 + 400],
        [split - 150, split + 250],
      ])
        expect(joined.idfAnyIn(terms, from!, to!)).toBe(whole.idfAnyIn(terms, from!, to!));
    }
  });

  it('joins an empty tail or an empty main index', () => {
    const docs = [['court', 'case'], ['air'], ['case', 'notari']];
    const whole = indexOf(docs, 'small.bin');
    const empty = indexOf([], 'empty.bin');
    for (const joined of [joinLexical(whole.data, empty.data), joinLexical(empty.data, whole.data)])
      expect(fileBytes(joined).equals(fileBytes(whole))).toBe(true);
  });
});
