/**
 * The lexical search's scoring, apart from the index it reads (bm25.ts): block-max MaxScore over windows of documents
 * (`MaxScore`), the best documents kept in a heap (`TopDocuments`), and the positions in a term's sorted postings that
 * both use. Pure: postings, weights and lengths in, hits out.
 */

export interface LexicalHit {
  doc: number;
  score: number;
}

/** Term frequencies are stored in tenths, in 16 bits: half the memory of floats. */
export const TF_SCALE = 10;

/**
 * Documents scored together by search(): each term's bound, and so which terms can decide, is per window. 2,048: at
 * 10,000 reports (3.2 million sentences) windows of 8,192 were never skipped and windows of 2,048 a fifth of the
 * time; the serve step's p50 13.6–15.0 ms against 15.4 (docs/benchmarks.md, twenty-fourth session). Smaller windows
 * summarise many more words ahead: 512 passed the 2 GB the running bot may hold.
 */
export const WINDOW_BITS = 11;
export const WINDOW = 1 << WINDOW_BITS;

/** The first position in sorted `docs[lo … hi)` holding `doc` or more (hi when none does). */
export function lowerBound(docs: Int32Array, doc: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (docs[mid]! < doc) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The first position at or after `from` in sorted `docs` holding `doc` or more: steps doubling from `from`, then a
 * binary search, so looking up ascending documents in a long list costs little more than the distance moved.
 */
function gallop(docs: Int32Array, doc: number, from: number): number {
  let step = 1;
  let hi = from;
  while (hi < docs.length && docs[hi]! < doc) {
    from = hi + 1;
    hi += step;
    step *= 2;
  }
  return lowerBound(docs, doc, from, Math.min(hi, docs.length));
}

/** A term's postings as a search reads them. */
export interface TermList {
  id: number;
  weight: number;
  docs: Int32Array;
  tfs: Uint16Array;
  /** Per window, the most of its weight the term gives a document there. */
  maxima: Float32Array;
  /** The most the term adds to a document of the window being scored. */
  bound: number;
  /** Where its postings were last read or looked up. */
  at: number;
}

/** Per document of a window, its score so far, and a bit per document scored. */
export interface Scratch {
  scores: Float64Array;
  found: Int32Array;
}

/**
 * A term's share of a document's score: `weight` × tf / (tf + the document's norm). Every search adds 1e-12 with it
 * (a document found scores above 0).
 */
function share(weight: number, scaledTf: number, norm: number): number {
  const tf = scaledTf / TF_SCALE;
  return (weight * tf) / (tf + norm);
}

/**
 * Lists that are other words for one thing: per concept of a question, its readings (the word, its synonyms), each a
 * sequence of words, each word the lists of its forms (indices into the search's lists).
 */
export type Alternatives = number[][][][];

/**
 * A document's score when some lists are alternatives: each concept adds its best reading (the sum of its words' best
 * forms), as a query language's synonym operator does, so a sentence holding three synonyms of "easier" ("clean", "simple",
 * "user-friendly") counts "easier" once, not three times over a sentence holding "onboarding" and "clients". A list
 * counts once, in the first concept whose best reading holds it; a list in no concept adds its share. Never more than
 * the plain sum of `shares` (which MaxScore's bounds assume). Pure; `used` is scratch space, left zeroed.
 * @param shares each list's share of the document's score (0 where it has none)
 * @param inConcept 1 for each list in some concept (conceptMembers: the same for every document of a search)
 */
export function alternativesScore(
  alternatives: Alternatives,
  shares: Float64Array,
  used: Uint8Array,
  inConcept = conceptMembers(alternatives, shares.length),
): number {
  // used: 1 counted in a concept, 4 taken by the reading being summed (a word twice in one reading, "day to day",
  // counts once).
  let score = 0;
  for (const readings of alternatives) {
    let best = 0;
    let bestReading: number[][] | undefined;
    for (const reading of readings) {
      let sum = 0;
      for (const forms of reading) {
        let pick = -1;
        for (const i of forms) if (!(used[i]! & 5) && (pick < 0 || shares[i]! > shares[pick]!)) pick = i;
        if (pick < 0) continue;
        used[pick] = used[pick]! | 4;
        sum += shares[pick]!;
      }
      for (const forms of reading) for (const i of forms) used[i] = used[i]! & ~4;
      if (sum > best) [best, bestReading] = [sum, reading];
    }
    for (const forms of bestReading ?? []) for (const i of forms) used[i] = 1;
    score += best;
  }
  for (let i = 0; i < shares.length; i++) {
    if (!inConcept[i]) score += shares[i]!;
    used[i] = 0;
  }
  return score;
}

/** 1 for each of `n` lists that some concept of `alternatives` holds, counted or not; 0 for the others. */
export function conceptMembers(alternatives: Alternatives, n: number): Uint8Array {
  const members = new Uint8Array(n);
  for (const readings of alternatives)
    for (const reading of readings) for (const forms of reading) for (const i of forms) members[i] = 1;
  return members;
}

/** One search's block-max MaxScore, window by window (see LexicalIndex.search). */
export class MaxScore {
  private readonly top: TopDocuments;
  /** The terms with documents in the window, the lightest there first. */
  private readonly here: TermList[] = [];
  /** A document of the window holding terms here[0 … i] only scores at most upTo[i] (float error allowed for). */
  private readonly upTo: Float64Array;

  constructor(
    /** In summing order. */
    private readonly lists: TermList[],
    limit: number,
    private readonly norms: Float32Array,
    private readonly scratch: Scratch,
    private readonly accept?: (doc: number) => boolean,
    /** Lists that are alternatives (alternativesScore): a document's score is then no more than their sum. */
    private readonly alternatives?: Alternatives,
  ) {
    this.top = new TopDocuments(limit);
    this.upTo = new Float64Array(lists.length);
    this.shares = new Float64Array(lists.length);
    this.used = new Uint8Array(lists.length);
    this.inConcept = alternatives && conceptMembers(alternatives, lists.length);
  }

  /** Each list's share of the document being scored exactly, alternativesScore's scratch, and its concepts' lists. */
  private readonly shares: Float64Array;
  private readonly used: Uint8Array;
  private readonly inConcept?: Uint8Array | undefined;

  run(): LexicalHit[] {
    const { top, upTo } = this;
    // Every term has a bound per window of the index.
    for (let w = 0; w < this.lists[0]!.maxima.length; w++) {
      const n = this.order(w);
      const least = top.full ? top.worstScore : -Infinity;
      if (n === 0 || upTo[n - 1]! < least) continue;
      // Terms here[0 … essential − 1] cannot make a document enter on their own: they are only looked up.
      let essential = 0;
      while (upTo[essential]! < least) essential++;
      this.read(w * WINDOW, essential, n);
      this.collect(w * WINDOW, essential);
    }
    return top.best();
  }

  /** Orders the terms with documents in window `w` by their bounds there; returns how many there are. */
  private order(w: number): number {
    const { here, upTo } = this;
    let n = 0;
    for (const list of this.lists) {
      list.bound = list.weight * list.maxima[w]!;
      if (list.bound === 0) continue;
      let at = n++;
      for (; at > 0 && here[at - 1]!.bound > list.bound; at--) here[at] = here[at - 1]!;
      here[at] = list;
    }
    for (let i = 0; i < n; i++) upTo[i] = (i > 0 ? upTo[i - 1]! : 0) + here[i]!.bound + 1e-12 + 1e-9;
    return n;
  }

  /** Scores the window's documents by the postings of terms here[essential … n − 1]. */
  private read(start: number, essential: number, n: number): void {
    const { scores, found } = this.scratch;
    const { norms } = this;
    for (let i = essential; i < n; i++) {
      const list = this.here[i]!;
      const { weight, docs, tfs } = list;
      let p = gallop(docs, start, list.at);
      for (; p < docs.length && docs[p]! < start + WINDOW; p++) {
        const d = docs[p]! - start;
        found[d >> 5] = found[d >> 5]! | (1 << (d & 31));
        scores[d] = scores[d]! + share(weight, tfs[p]!, norms[docs[p]!]!) + 1e-12;
      }
      list.at = p;
    }
  }

  /**
   * Adds the other terms to each document found, in ascending order so that their lists are looked up moving forward,
   * while it could still enter the top; offers those that can. Leaves the scratch space empty.
   */
  private collect(start: number, essential: number): void {
    const { scores, found } = this.scratch;
    const { top, upTo, here } = this;
    for (let b = 0; b < found.length; b++) {
      for (let bits = found[b]!; bits !== 0; bits &= bits - 1) {
        const d = (b << 5) + 31 - Math.clz32(bits & -bits);
        const doc = start + d;
        let score = scores[d]!;
        scores[d] = 0;
        if (this.accept && !this.accept(doc)) continue;
        let i = essential - 1;
        for (; i >= 0 && !(top.full && score + upTo[i]! < top.worstScore); i--) {
          const list = here[i]!;
          const p = (list.at = gallop(list.docs, doc, list.at));
          if (p < list.docs.length && list.docs[p] === doc)
            score = score + share(list.weight, list.tfs[p]!, this.norms[doc]!) + 1e-12;
        }
        if (i < 0 && !(top.full && score + 1e-9 < top.worstScore)) top.offer(doc, this.exactScore(doc));
      }
      found[b] = 0;
    }
  }

  /**
   * The document's score summed in the lists' order, so the same in any search whatever was skipped; with
   * alternatives, each concept's best reading (alternativesScore). The bounds that skip documents hold either way: no
   * score is more than the sum.
   */
  private exactScore(doc: number): number {
    const { lists, shares } = this;
    let score = 0;
    for (let i = 0; i < lists.length; i++) {
      const { weight, docs, tfs } = lists[i]!;
      const p = lowerBound(docs, doc, 0, docs.length);
      shares[i] = 0;
      if (p < docs.length && docs[p] === doc) {
        const s = share(weight, tfs[p]!, this.norms[doc]!);
        score = score + s + 1e-12;
        shares[i] = s + 1e-12;
      }
    }
    return this.alternatives ? alternativesScore(this.alternatives, shares, this.used, this.inConcept) : score;
  }
}

/**
 * The `limit` best documents offered, by score then the lower document: a heap whose root is the worst of them, the
 * one the next better document pushes out.
 */
class TopDocuments {
  private readonly docs: Int32Array;
  private readonly scores: Float64Array;
  private size = 0;

  constructor(private readonly limit: number) {
    this.docs = new Int32Array(limit);
    this.scores = new Float64Array(limit);
  }

  get full(): boolean {
    return this.size === this.limit;
  }

  /** The lowest score kept (meaningful once full). */
  get worstScore(): number {
    return this.scores[0]!;
  }

  offer(doc: number, score: number): void {
    if (this.size < this.limit) {
      this.up(this.size++, doc, score);
    } else if (worse(this.docs[0]!, this.scores[0]!, doc, score)) this.down(doc, score);
  }

  /** The documents kept, best first. */
  best(): LexicalHit[] {
    return Array.from({ length: this.size }, (_, i) => ({ doc: this.docs[i]!, score: this.scores[i]! })).sort(
      (x, y) => y.score - x.score || x.doc - y.doc,
    );
  }

  private up(at: number, doc: number, score: number): void {
    const { docs, scores } = this;
    for (; at > 0; at = (at - 1) >> 1) {
      const parent = (at - 1) >> 1;
      if (!worse(doc, score, docs[parent]!, scores[parent]!)) break;
      docs[at] = docs[parent]!;
      scores[at] = scores[parent]!;
    }
    docs[at] = doc;
    scores[at] = score;
  }

  /** Replaces the root. */
  private down(doc: number, score: number): void {
    const { docs, scores, size } = this;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      if (child + 1 < size && worse(docs[child + 1]!, scores[child + 1]!, docs[child]!, scores[child]!)) child++;
      if (!worse(docs[child]!, scores[child]!, doc, score)) break;
      docs[at] = docs[child]!;
      scores[at] = scores[child]!;
      at = child;
    }
    docs[at] = doc;
    scores[at] = score;
  }
}

/** Whether document `a` ranks below document `b`: a lower score, or the same score and a later document. */
function worse(a: number, aScore: number, b: number, bScore: number): boolean {
  return aScore < bScore || (aScore === bScore && a > b);
}
