/**
 * The lexical index: BM25 over chunks, stored as compressed sparse rows (per term a run of
 * document ids and weighted term frequencies in typed arrays), held in memory as built or read
 * term by term from its file (lexical-file.ts). Documents are added through LexicalIndexBuilder;
 * LexicalIndex itself is immutable; its search scores with max-score.ts.
 */
import { LruMap } from '../lru-map.js';
import {
  lowerBound,
  MaxScore,
  TF_SCALE,
  WINDOW,
  WINDOW_BITS,
  type LexicalHit,
  type Scratch,
  type TermList,
} from './max-score.js';

/**
 * BM25 term score.
 * @param tf term frequency in the document (≥ 0)
 * @param df number of documents holding the term (≥ 1)
 * @param n number of documents
 * @param docLength length of the document in terms
 * @param avgLength mean document length
 * @param k1 saturation, usually 1.2–2.0
 * @param b length normalisation, 0 (none) to 1 (full)
 */
export function bm25(
  tf: number,
  df: number,
  n: number,
  docLength: number,
  avgLength: number,
  k1 = 1.2,
  b = 0.75,
): number {
  const idf = idfOf(df, n);
  return (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * docLength) / Math.max(avgLength, 1)));
}

/**
 * BM25's inverse document frequency (the "+1" form, never negative): how rare a term is.
 * @param df documents holding the term (0 gives the weight of a term in no document: the maximum)
 * @param n number of documents
 */
export function idfOf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/**
 * An index in term order without all its postings at once: its terms (sorted), offsets and document lengths, and its
 * postings as batches of consecutive terms `from` … `to` − 1, made as they are asked for (lexical-file.ts writes them).
 */
export interface TermBatches {
  terms: string[];
  offsets: Int32Array;
  lengths: Float32Array;
  batches: () => Iterable<{ from: number; to: number; docs: Int32Array; tfs: Uint16Array }>;
}

/** A term's postings: its documents, ascending, and their weighted term frequencies × TF_SCALE. */
export type Postings = [docs: Int32Array, tfs: Uint16Array];

/** Where an index's postings are read from, a term at a time. */
export interface PostingSource {
  /**
   * Term `id`'s postings, which are postings `from` … `to` − 1 of the whole index (offsets[id], offsets[id + 1]);
   * copied into `arena` when they are not in memory already.
   */
  read(id: number, from: number, to: number, arena: PostingArena): Postings;
}

/**
 * Reusable room for postings read from a file, handed out until the next reset: a search at 10,000 reports reads a
 * million postings, and fresh arrays for them cost ten times the read (the new memory's page faults).
 */
export class PostingArena {
  private docs = new Int32Array(0);
  private tfs = new Uint16Array(0);
  private used = 0;

  /** Postings handed out before may be overwritten from now on. */
  reset(): void {
    this.used = 0;
  }

  /** Room for `n` postings, left alone until the next reset (a bigger arena, when needed, is new memory). */
  take(n: number): Postings {
    if (this.used + n > this.docs.length) {
      const size = Math.max(2 * this.docs.length, n, 1 << 16);
      this.docs = new Int32Array(size);
      this.tfs = new Uint16Array(size);
      this.used = 0;
    }
    const at = this.used;
    this.used += n;
    return [this.docs.subarray(at, at + n), this.tfs.subarray(at, at + n)];
  }
}

/** Every posting in memory: two arrays in term order. */
export class MemoryPostings implements PostingSource {
  constructor(
    readonly docs: Int32Array,
    readonly tfs: Uint16Array,
  ) {}

  read(_id: number, from: number, to: number): Postings {
    return [this.docs.subarray(from, to), this.tfs.subarray(from, to)];
  }
}

export interface LexicalData {
  terms: string[];
  /** Postings of term i are postings offsets[i] … offsets[i+1] − 1. */
  offsets: Int32Array;
  postings: PostingSource;
  lengths: Float32Array;
}

export class LexicalIndex {
  private readonly termIds = new Map<string, number>();
  /** Per document k1·(1 − b + b·length/avgLength), the length part of BM25, computed once. */
  private readonly norms: Float32Array;
  /** 1 / norms, for bounding a term's share (summaryOf), made with the first summary. */
  private inverseNorms?: Float32Array;
  /** Scratch space for scoring a window of documents, reused by every search. */
  private readonly scratch: Scratch = { scores: new Float64Array(WINDOW), found: new Int32Array(WINDOW / 32) };
  /** Per term used lately, where its postings in each window start and the most it gives a document there. */
  private readonly summaries = new LruMap<number, TermSummary>(SUMMARIES_KEPT);
  /**
   * The same for every long word (postings in more than one window) summarised so far, kept while the index lives: the
   * words in most passages, which nearly every question meets (at 10,000 reports about 3 kB each; see summarizeAhead).
   */
  private readonly longSummaries = new Map<number, TermSummary>();
  /** Where postings read from a file go (see postingsOf). */
  private readonly arena = new PostingArena();

  constructor(
    /** Read by the file format (lexical-file.ts); nothing else needs it. */
    readonly data: LexicalData,
    readonly k1 = 1.2,
    readonly b = 0.75,
  ) {
    data.terms.forEach((t, i) => this.termIds.set(t, i));
    let total = 0;
    for (const l of data.lengths) total += l;
    const avg = Math.max(total / Math.max(data.lengths.length, 1), 1);
    this.norms = data.lengths.map((l) => k1 * (1 - b + (b * l) / avg));
  }

  get size(): number {
    return this.data.lengths.length;
  }

  /** Term `id`'s postings, good until the next call that does not `add` them to those read before it. */
  private postingsOf(id: number, add = false): Postings {
    if (!add) this.arena.reset();
    return this.data.postings.read(id, this.data.offsets[id]!, this.data.offsets[id + 1]!, this.arena);
  }

  /** Postings `from` … `to` − 1 of term `id`'s, good until the next read. */
  private postingsPart(id: number, from: number, to: number): Postings {
    this.arena.reset();
    const first = this.data.offsets[id]!;
    return this.data.postings.read(id, first + from, first + to, this.arena);
  }

  /**
   * Reads every term's postings once (an index read from its file checks each against its checksum on that first read).
   * @throws what reading throws: IndexError for a damaged file
   */
  check(): void {
    for (let id = 0; id < this.data.terms.length; id++) this.postingsOf(id);
  }

  /** Documents holding the term. */
  documentFrequency(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : this.data.offsets[id + 1]! - this.data.offsets[id]!;
  }

  /** Documents `from` … `to` − 1 (one report's chunks) holding the term. */
  documentFrequencyIn(term: string, from: number, to: number): number {
    const id = this.termIds.get(term);
    if (id === undefined) return 0;
    const [, lo, hi] = this.postingsWithin(id, from, to);
    return hi - lo;
  }

  /** Inverse document frequency of a term (0 when the term is unknown). */
  idf(term: string): number {
    const df = this.documentFrequency(term);
    return df ? idfOf(df, this.size) : 0;
  }

  /**
   * Inverse document frequency of "any of these terms" among documents `from` … `to` − 1 (one
   * report's chunks): how rare a word is within that report, whatever other reports hold.
   * Postings are sorted by document, so each term's run is found by binary search.
   */
  idfAnyIn(terms: string[], from: number, to: number): number {
    const found = new Set<number>();
    let df = 0;
    for (const t of new Set(terms)) {
      const id = this.termIds.get(t);
      if (id === undefined) continue;
      const [docs, lo, hi] = this.postingsWithin(id, from, to);
      if (terms.length === 1) df = hi - lo;
      else for (let p = lo; p < hi; p++) found.add(docs[p]!);
    }
    const count = terms.length === 1 ? df : found.size;
    return count ? idfOf(count, to - from) : 0;
  }

  /**
   * Term `id`'s postings of documents `from` … `to` − 1: postings lo … hi − 1 of the documents returned. A long list is
   * not read whole: only its postings in the windows holding `from` … `to` − 1, in one read (a report's range of a
   * common word's list, at 10,000 reports, is a few hundred of its million postings, in one window or two).
   */
  private postingsWithin(id: number, from: number, to: number): [docs: Int32Array, lo: number, hi: number] {
    const df = this.data.offsets[id + 1]! - this.data.offsets[id]!;
    const [docs] =
      df <= WINDOW
        ? this.postingsOf(id)
        : this.postingsPart(id, ...this.windowsHolding(id, from, Math.max(to, from + 1)));
    const lo = lowerBound(docs, from, 0, docs.length);
    return [docs, lo, lowerBound(docs, to, lo, docs.length)];
  }

  /** Where term `id`'s postings in the windows holding documents `from` … `to` − 1 start and end in its list. */
  private windowsHolding(id: number, from: number, to: number): [start: number, end: number] {
    const { starts } = this.summaryOf(id);
    const windows = starts.length - 1;
    return [starts[Math.min(from >> WINDOW_BITS, windows)]!, starts[Math.min(((to - 1) >> WINDOW_BITS) + 1, windows)]!];
  }

  /** Indexed terms that start with `prefix` (for matching a glossed word's other forms). */
  termsWithPrefix(prefix: string): string[] {
    return this.data.terms.filter((t) => t.startsWith(prefix));
  }

  /**
   * Top `limit` documents for the query terms, optionally weighted per term, best first (ties: the lower document
   * first). Exact, but documents that cannot reach the top are not scored in full: block-max MaxScore (Turtle & Flood
   * 1995; Ding & Suel 2011) over windows of documents, as Lucene's MaxScoreBulkScorer. In each window a term can add at
   * most its weight times its largest tf / (tf + norm) there; terms whose bounds together cannot lift a document past
   * the `limit`-th best so far are not read through but only looked up for the documents the others find, and a window
   * where no document can enter is passed over. Documents of one report are neighbours, so a report's own words are
   * bounded where the report is not. At 10,000 reports most of a question's postings are of words in half the sentences.
   * @param alternatives the terms that are other words for one thing: per concept its readings, each its words' forms
   *   (Concept.senses); a document counts each concept's best reading once (max-score.ts alternativesScore)
   */
  search(
    terms: string[],
    limit: number,
    termWeights?: Map<string, number>,
    accept?: (doc: number) => boolean,
    alternatives?: string[][][][],
  ): LexicalHit[] {
    const { offsets } = this.data;
    // Scores are summed in this order (heaviest first) whatever is skipped, so a document scores the same in any search.
    const lists: TermList[] = [...new Set(terms)]
      .map((term) => this.termIds.get(term))
      .filter((id): id is number => id !== undefined)
      .map((id, i) => {
        const df = offsets[id + 1]! - offsets[id]!;
        // bm25() with idf and the length part hoisted out of the loop.
        const weight = (termWeights?.get(this.data.terms[id]!) ?? 1) * idfOf(df, this.size) * (this.k1 + 1);
        const [docs, tfs] = this.postingsOf(id, i > 0);
        return { id, weight, docs, tfs, maxima: this.summaryOf(id, [docs, tfs]).maxima, bound: 0, at: 0 };
      })
      .sort((x, y) => y.weight - x.weight || x.id - y.id);
    if (limit <= 0 || !lists.length) return [];
    const at = new Map(lists.map((list, i) => [this.data.terms[list.id]!, i]));
    const groups = alternatives?.map((readings) =>
      readings.map((reading) => reading.map((forms) => forms.flatMap((t) => at.get(t) ?? [])).filter((w) => w.length)),
    );
    return new MaxScore(lists, limit, this.norms, this.scratch, accept, groups).run();
  }

  /**
   * Per window of documents, where term `id`'s postings there start and the most of its weight it gives one of them (the
   * largest tf / (tf + norm), rounded up; 0 where it has none). Found from its postings (read unless given) the first
   * time, kept for the terms used most recently.
   */
  private summaryOf(id: number, postings?: Postings): TermSummary {
    let summary = this.longSummaries.get(id) ?? this.summaries.get(id);
    if (!summary) {
      const [docs, tfs] = postings ?? this.postingsOf(id);
      const windows = Math.ceil(this.size / WINDOW);
      const starts = new Int32Array(windows + 1);
      // tf / (tf + norm) is largest where tf / norm is: a product per posting, not a quotient.
      const ratios = new Float64Array(windows);
      const inverse = (this.inverseNorms ??= this.norms.map((x) => 1 / x));
      for (let p = 0; p < docs.length; p++) {
        const doc = docs[p]!;
        const w = doc >> WINDOW_BITS;
        starts[w + 1]!++;
        const r = tfs[p]! * inverse[doc]!;
        if (r > ratios[w]!) ratios[w] = r;
      }
      const maxima = new Float32Array(windows);
      for (let w = 0; w < windows; w++) {
        starts[w + 1] = starts[w + 1]! + starts[w]!;
        const r = ratios[w]! / TF_SCALE;
        // Float32 rounding (here and in the inverse norms) is within 2^-23: a millionth more keeps it a bound.
        maxima[w] = (r / (1 + r)) * (1 + 1e-6);
      }
      summary = { starts, maxima };
      if (docs.length > WINDOW) this.longSummaries.set(id, summary);
      else this.summaries.set(id, summary);
    }
    return summary;
  }

  /**
   * Summarises every long word not yet summarised (summaryOf: a pass over its whole list, read from the file and checked
   * the first time), one word at a time with a turn of the event loop between, so questions are answered meanwhile:
   * at 10,000 reports a question meeting a common word for the first time otherwise spends milliseconds on it (the
   * running bot calls this after reading the report texts ahead). Stops early when `signal` aborts.
   * @throws what reading throws: IndexError for a damaged file
   */
  async summarizeAhead(signal?: AbortSignal): Promise<{ terms: number; stopped?: 'aborted' }> {
    const { offsets, postings } = this.data;
    // Its own memory: a question's postings in the shared arena stay as they are.
    const arena = new PostingArena();
    let terms = 0;
    for (let id = 0; id < this.data.terms.length; id++) {
      if (offsets[id + 1]! - offsets[id]! <= WINDOW || this.longSummaries.has(id)) continue;
      if (signal?.aborted) return { terms, stopped: 'aborted' };
      arena.reset();
      this.summaryOf(id, postings.read(id, offsets[id]!, offsets[id + 1]!, arena));
      terms++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    return { terms };
  }

  /**
   * Documents `start` … `start + count - 1` of each part's index, in the order given, as one index
   * numbered from 0; the postings are copied term by term, without the documents' words. So
   * adding reports appends their documents, and replacing or removing one keeps the others'
   * documents as they are, without reading any report again. Pure.
   * @throws RangeError when a range is outside its index
   */
  static concat(parts: { index: LexicalIndex; start: number; count: number }[]): LexicalIndex {
    const merged = LexicalIndex.mergedParts(parts);
    const only = merged[0];
    if (merged.length === 1 && only && only.start === 0 && only.count === only.index.size) return only.index;
    const whole = LexicalIndex.concatInBatches(merged, Infinity);
    const [all] = [...whole.batches()];
    const postings = new MemoryPostings(all?.docs ?? new Int32Array(0), all?.tfs ?? new Uint16Array(0));
    const { terms, offsets, lengths } = whole;
    return new LexicalIndex({ terms, offsets, lengths, postings }, only?.index.k1, only?.index.b);
  }

  /**
   * `concat`'s index in term order without holding all its postings (as LexicalIndexBuilder.inBatches): the terms,
   * offsets and lengths at once, the postings in batches of consecutive terms of at most about `batch` postings, each
   * batch read from the parts' indexes when it is made (from their files, for an index read term by term). So an ingest
   * that replaces a report in the middle writes lexical.bin without the previous one and the new one in memory (at
   * 10,000 reports a gigabyte each).
   */
  static concatInBatches(parts: { index: LexicalIndex; start: number; count: number }[], batch: number): TermBatches {
    const merged = LexicalIndex.mergedParts(parts);
    const ranges = merged.map((part) => LexicalIndex.rangeOf(part));
    const postings = new Map<string, number>();
    merged.forEach(({ index }, k) =>
      index.data.terms.forEach((t, i) => {
        const n = ranges[k]!.n[i]!;
        if (n) postings.set(t, (postings.get(t) ?? 0) + n);
      }),
    );
    const terms = [...postings.keys()].sort(compareTerms);
    const ids = new Map(terms.map((t, i) => [t, i]));
    const offsets = new Int32Array(terms.length + 1);
    terms.forEach((t, i) => (offsets[i + 1] = offsets[i]! + postings.get(t)!));
    // Per part, each merged term's id in the part's index (−1 where it has none).
    const inPart = merged.map(({ index }) => {
      const local = new Int32Array(terms.length).fill(-1);
      index.data.terms.forEach((t, i) => {
        const id = ids.get(t);
        if (id !== undefined) local[id] = i;
      });
      return local;
    });
    const lengths = new Float32Array(merged.reduce((n, p) => n + p.count, 0));
    let next = 0;
    // Where each part's documents start in the merged index.
    const bases = merged.map(({ index, start, count }) => {
      lengths.set(index.data.lengths.subarray(start, start + count), next);
      next += count;
      return next - count;
    });
    function* batches(): Iterable<{ from: number; to: number; docs: Int32Array; tfs: Uint16Array }> {
      for (let first = 0; first < terms.length;) {
        let end = first + 1;
        while (end < terms.length && offsets[end + 1]! - offsets[first]! <= batch) end++;
        const docs = new Int32Array(offsets[end]! - offsets[first]!);
        const tfs = new Uint16Array(docs.length);
        let at = 0;
        for (let id = first; id < end; id++)
          merged.forEach(({ index, start }, k) => {
            const i = inPart[k]![id]!;
            const n = i < 0 ? 0 : ranges[k]!.n[i]!;
            if (!n) return;
            // Only the part's range of the term's postings is read.
            const [partDocs, partTfs] = index.postingsPart(i, ranges[k]!.from[i]!, ranges[k]!.from[i]! + n);
            for (let p = 0; p < n; p++, at++) docs[at] = partDocs[p]! - start + bases[k]!;
            tfs.set(partTfs, at - n);
          });
        yield { from: first, to: end, docs, tfs };
        first = end;
      }
    }
    return { terms, offsets, lengths, batches };
  }

  /** Parts checked against their indexes, neighbouring ranges of one index joined, empty ones left out. */
  private static mergedParts(
    parts: { index: LexicalIndex; start: number; count: number }[],
  ): { index: LexicalIndex; start: number; count: number }[] {
    const merged: { index: LexicalIndex; start: number; count: number }[] = [];
    for (const part of parts) {
      if (part.start < 0 || part.count < 0 || part.start + part.count > part.index.size)
        throw new RangeError(
          `documents ${part.start}…${part.start + part.count - 1} are not all in an index of ${part.index.size}`,
        );
      const last = merged.at(-1);
      if (last && last.index === part.index && last.start + last.count === part.start) last.count += part.count;
      else if (part.count > 0) merged.push({ ...part });
    }
    return merged;
  }

  /**
   * Per term of a part's index: where the term's postings inside the part's range of documents begin, and how many
   * there are (a part that is its whole index takes every posting: nothing is read to count them).
   */
  private static rangeOf({ index, start, count }: { index: LexicalIndex; start: number; count: number }): {
    from: Int32Array;
    n: Int32Array;
  } {
    const { offsets, terms } = index.data;
    const from = new Int32Array(terms.length);
    const n = new Int32Array(terms.length);
    const whole = start === 0 && count === index.size;
    for (let i = 0; i < terms.length; i++) {
      if (whole) {
        n[i] = offsets[i + 1]! - offsets[i]!;
        continue;
      }
      const [docs] = index.postingsOf(i);
      from[i] = lowerBound(docs, start, 0, docs.length);
      n[i] = lowerBound(docs, start + count, from[i]!, docs.length) - from[i]!;
    }
    return { from, n };
  }
}

/**
 * Code-unit order: an index's vocabulary is sorted, so the same documents give the same bytes however they were put
 * together.
 */
function compareTerms(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Terms whose summaries are kept (at 10,000 reports 400 windows: 3.2 kB a term). */
const SUMMARIES_KEPT = 8192;

/** A term's postings per window of documents (see LexicalIndex.summaryOf). */
interface TermSummary {
  /** Its postings of window w are positions starts[w] … starts[w + 1] − 1 of its list. */
  starts: Int32Array;
  /** The most of its weight it gives a document of window w. */
  maxima: Float32Array;
}

/** A typed array that grows by doubling (per-document arrays: a few hundred thousand entries). */
class Growable<T extends Int32Array | Float32Array> {
  length = 0;
  constructor(
    public data: T,
    private readonly make: (n: number) => T,
  ) {}

  push(x: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = x;
  }
}

/** Postings per page of a PostingPages store (a million: 4 MB of term ids, 2 MB of frequencies). */
export const PAGE = 1 << 20;

/**
 * Where a builder keeps its postings (term id and scaled frequency, in document order) until it
 * builds. The builder reads them back once, page by page, in the order they were pushed.
 */
export interface PostingPages {
  readonly length: number;
  push(term: number, tf: number): void;
  /** Every posting in push order, in pages of at most PAGE (the arrays may be reused between pages). */
  pages(): Iterable<[Int32Array, Uint16Array]>;
  /** Lets the postings go. */
  dispose(): void;
}

/**
 * Postings in fixed-size typed-array pages in memory: unlike a doubling array they never copy and
 * waste at most one page, which matters at millions of postings. A subclass may keep full pages
 * elsewhere (store.ts spills them to a file).
 */
export class MemoryPostingPages implements PostingPages {
  length = 0;
  private full: [Int32Array, Uint16Array][] = [];
  /** The page being filled. */
  protected terms = new Int32Array(PAGE);
  protected tfs = new Uint16Array(PAGE);
  protected fill = 0;

  push(term: number, tf: number): void {
    this.terms[this.fill] = term;
    this.tfs[this.fill++] = tf;
    this.length++;
    if (this.fill === PAGE) {
      this.keepPage();
      this.fill = 0;
    }
  }

  /** The page being filled is full: keep it and start another. */
  protected keepPage(): void {
    this.full.push([this.terms, this.tfs]);
    this.terms = new Int32Array(PAGE);
    this.tfs = new Uint16Array(PAGE);
  }

  /** The full pages, in order. */
  protected fullPages(): Iterable<[Int32Array, Uint16Array]> {
    return this.full;
  }

  *pages(): Iterable<[Int32Array, Uint16Array]> {
    yield* this.fullPages();
    if (this.fill > 0) yield [this.terms.subarray(0, this.fill), this.tfs.subarray(0, this.fill)];
  }

  dispose(): void {
    this.full = [];
    this.fill = 0;
    this.length = 0;
  }
}

/**
 * Collects documents, then builds the compressed-sparse-row index. Postings go to a PostingPages
 * store (in memory by default; an ingest spills them to a file), with a count per term and an
 * offset per document, so 100,000 documents cost a few megabytes rather than a Map each. A
 * builder builds once: its postings are let go as the index is built.
 */
export class LexicalIndexBuilder {
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  /** Documents holding term i (its postings). */
  private readonly termCounts = new Growable(new Int32Array(1024), (n) => new Int32Array(n));
  /** Document d's postings start at posting docStarts[d]. */
  private readonly docStarts = new Growable(new Int32Array(1024), (n) => new Int32Array(n));
  private readonly lengths = new Growable(new Float32Array(1024), (n) => new Float32Array(n));

  constructor(private readonly postings: PostingPages = new MemoryPostingPages()) {}

  /** Adds a document (its id is its insertion order) from weighted term lists. */
  add(fields: { terms: string[]; weight: number }[]): number {
    const counts = new Map<number, number>();
    let length = 0;
    for (const { terms, weight } of fields) {
      for (const term of terms) {
        const id = this.idOf(term);
        counts.set(id, (counts.get(id) ?? 0) + weight);
      }
      length += terms.length * weight;
    }
    return this.addDoc(counts, length);
  }

  /** Adds a document from precomputed weighted term frequencies (as stored per report). */
  addCounts(counts: [string, number][], length: number): number {
    const ids = new Map<number, number>();
    for (const [term, tf] of counts) ids.set(this.idOf(term), tf);
    return this.addDoc(ids, length);
  }

  private addDoc(counts: Map<number, number>, length: number): number {
    this.docStarts.push(this.postings.length);
    for (const [id, tf] of counts) {
      this.postings.push(id, Math.min(65535, Math.round(tf * TF_SCALE)));
      this.termCounts.data[id]!++;
    }
    this.lengths.push(length);
    return this.lengths.length - 1;
  }

  private idOf(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.termCounts.push(0);
      this.termIds.set(term, id);
    }
    return id;
  }

  build(): LexicalIndex {
    const { terms, offsets, lengths, batches } = this.inBatches(this.postings.length);
    const [whole] = [...batches()];
    this.postings.dispose();
    const postings = whole ?? { docs: new Int32Array(0), tfs: new Uint16Array(0) };
    return new LexicalIndex({ terms, offsets, postings: new MemoryPostings(postings.docs, postings.tfs), lengths });
  }

  /**
   * The index in term order without holding all its postings: the terms (sorted), their offsets and the document
   * lengths at once, the postings in batches of consecutive terms of at most about `batch` postings each, every batch
   * one more pass over the builder's postings (a spilled builder reads its file again; a full ingest at 10,000 reports
   * held a gigabyte of postings built whole). The caller disposes of the builder after.
   */
  inBatches(batch: number): TermBatches {
    const v = this.terms.length;
    const n = this.lengths.length;
    const counts = this.termCounts.data;
    const starts = this.docStarts.data;
    // Terms are numbered in sorted order (rank), not in the order they were first met.
    const order = this.terms.map((_, i) => i).sort((a, b) => compareTerms(this.terms[a]!, this.terms[b]!));
    const rank = new Int32Array(v);
    order.forEach((id, r) => (rank[id] = r));
    const offsets = new Int32Array(v + 1);
    for (let r = 0; r < v; r++) offsets[r + 1] = offsets[r]! + counts[order[r]!]!;
    const postings = this.postings;
    function* batches(): Iterable<{ from: number; to: number; docs: Int32Array; tfs: Uint16Array }> {
      for (let from = 0; from < v;) {
        let to = from + 1;
        while (to < v && offsets[to + 1]! - offsets[from]! <= batch) to++;
        const base = offsets[from]!;
        const fill = offsets.slice(from, to);
        const docs = new Int32Array(offsets[to]! - base);
        const tfs = new Uint16Array(docs.length);
        // Postings come back in document order: `doc` advances past every document starting at or before p.
        let p = 0;
        let doc = -1;
        for (const [pageTerms, pageTfs] of postings.pages()) {
          for (let i = 0; i < pageTerms.length; i++, p++) {
            while (doc + 1 < n && starts[doc + 1]! <= p) doc++;
            const r = rank[pageTerms[i]!]!;
            if (r < from || r >= to) continue;
            const at = fill[r - from]!++ - base;
            docs[at] = doc;
            tfs[at] = pageTfs[i]!;
          }
        }
        yield { from, to, docs, tfs };
        from = to;
      }
    }
    return { terms: order.map((id) => this.terms[id]!), offsets, lengths: this.lengths.data.slice(0, n), batches };
  }

  /** Lets the postings go without building (the builder was not needed after all). */
  dispose(): void {
    this.postings.dispose();
  }
}
