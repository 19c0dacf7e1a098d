import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LexicalIndexBuilder, PAGE } from '../../src/search/bm25.js';
import { FilePostingPages } from '../../src/search/store.js';
import { tempDir } from '../helpers/fixtures.js';

describe('postings spilled to a scratch file', () => {
  it('build the same index as postings kept in memory, across pages and empty documents, and the file is gone after', () => {
    const path = join(tempDir(), 'postings.tmp');
    const inMemory = new LexicalIndexBuilder();
    const spilled = new LexicalIndexBuilder(new FilePostingPages(path));
    // Enough documents for two full pages and a partial one; every 7th document has no terms.
    const docs = Math.ceil((2.3 * PAGE) / 9);
    const holding17: number[] = [];
    for (let d = 0; d < docs; d++) {
      const counts: [string, number][] = d % 7 === 0 ? [] : Array.from({ length: 9 }, (_, k) => [`t${(d * 31 + k * 17) % 5000}`, 1 + ((d + k) % 3)]);
      if (counts.some(([t]) => t === 't17')) holding17.push(d);
      inMemory.addCounts(counts, counts.length);
      spilled.addCounts(counts, counts.length);
    }
    expect(existsSync(path)).toBe(true);
    const a = inMemory.build();
    const b = spilled.build();
    expect(existsSync(path)).toBe(false);
    expect(b.serialize().equals(a.serialize())).toBe(true);
    expect(b.search(['t17', 't4000'], 5)).toEqual(a.search(['t17', 't4000'], 5));
    // Each posting is filed under the document it came from (documents without terms shift none).
    expect(
      b
        .search(['t17'], docs)
        .map((h) => h.doc)
        .sort((x, y) => x - y),
    ).toEqual(holding17);
  });
});
