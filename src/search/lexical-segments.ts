/**
 * Two lexical indexes read as one: the main index's documents, then the tail's, numbered on (store.ts: the reports added
 * since the main index was built live in a small tail index beside it, so adding one rewrites only the tail). A term's
 * postings are its main postings followed by its tail ones, and the documents' lengths are both lists in turn, so the
 * joined index holds exactly the postings one index over all the documents would: it scores the same, bit for bit.
 */
import { LexicalIndex, type LexicalData, type PostingArena, type Postings, type PostingSource } from './bm25.js';

/** `main`'s documents, then `tail`'s, as one index (their files are read as before, a term at a time). */
export function joinLexical(main: LexicalData, tail: LexicalData): LexicalIndex {
  const [a, b] = [main.terms, tail.terms];
  const terms: string[] = [];
  const inMain = new Int32Array(a.length + b.length).fill(-1);
  const inTail = new Int32Array(a.length + b.length).fill(-1);
  // Both vocabularies are sorted (code-unit order, as every index's is): merged in one pass.
  for (let i = 0, j = 0; i < a.length || j < b.length;) {
    const k = terms.length;
    if (j === b.length || (i < a.length && a[i]! < b[j]!)) {
      inMain[k] = i;
      terms.push(a[i++]!);
    } else {
      if (i < a.length && a[i] === b[j]) inMain[k] = i++;
      inTail[k] = j;
      terms.push(b[j++]!);
    }
  }
  const count = (data: LexicalData, id: number): number => (id < 0 ? 0 : data.offsets[id + 1]! - data.offsets[id]!);
  const offsets = new Int32Array(terms.length + 1);
  for (let k = 0; k < terms.length; k++)
    offsets[k + 1] = offsets[k]! + count(main, inMain[k]!) + count(tail, inTail[k]!);
  const lengths = new Float32Array(main.lengths.length + tail.lengths.length);
  lengths.set(main.lengths);
  lengths.set(tail.lengths, main.lengths.length);
  const n = terms.length;
  const postings = new JoinedPostings(main, tail, offsets, inMain.subarray(0, n), inTail.subarray(0, n));
  return new LexicalIndex({ terms, offsets, lengths, postings });
}

/** A joined term's postings: read from the main index, the tail's, or both, the tail's documents numbered on. */
class JoinedPostings implements PostingSource {
  constructor(
    private readonly main: LexicalData,
    private readonly tail: LexicalData,
    /** The joined index's offsets. */
    private readonly offsets: Int32Array,
    /** Per joined term, its id in each part, −1 where the part lacks it. */
    private readonly inMain: Int32Array,
    private readonly inTail: Int32Array,
  ) {}

  read(id: number, from: number, to: number, arena: PostingArena): Postings {
    const [m, t] = [this.inMain[id]!, this.inTail[id]!];
    const [lo, hi] = [from - this.offsets[id]!, to - this.offsets[id]!];
    const mainFirst = m < 0 ? 0 : this.main.offsets[m]!;
    const inMain = m < 0 ? 0 : this.main.offsets[m + 1]! - mainFirst;
    if (hi <= inMain && m >= 0) return this.main.postings.read(m, mainFirst + lo, mainFirst + hi, arena);
    const [docs, tfs] = arena.take(hi - lo);
    let at = 0;
    if (lo < inMain) {
      const [d, f] = this.main.postings.read(m, mainFirst + lo, mainFirst + inMain, arena);
      docs.set(d);
      tfs.set(f);
      at = d.length;
    }
    if (at < hi - lo) {
      const tailFirst = this.tail.offsets[t]!;
      const [d, f] = this.tail.postings.read(t, tailFirst + Math.max(lo - inMain, 0), tailFirst + hi - inMain, arena);
      const shift = this.main.lengths.length;
      for (let p = 0; p < d.length; p++) docs[at + p] = d[p]! + shift;
      tfs.set(f, at);
    }
    return [docs, tfs];
  }
}
