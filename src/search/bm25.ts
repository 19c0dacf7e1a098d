/**
 * A small in-memory BM25 index over token lists. Pure data structure: documents are
 * added as term arrays (the caller tokenises), queries are term arrays.
 */

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
export function bm25(tf: number, df: number, n: number, docLength: number, avgLength: number, k1 = 1.2, b = 0.75): number {
  const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
  return (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * docLength) / Math.max(avgLength, 1)));
}

export interface LexicalHit {
  doc: number;
  score: number;
}

export class LexicalIndex {
  private readonly postings = new Map<string, Map<number, number>>();
  private readonly lengths: number[] = [];
  private totalLength = 0;

  /** Adds a document (its id is its insertion order) with optional weights per term list. */
  add(fields: { terms: string[]; weight: number }[]): number {
    const doc = this.lengths.length;
    let length = 0;
    for (const { terms, weight } of fields) {
      for (const term of terms) {
        let posting = this.postings.get(term);
        if (!posting) this.postings.set(term, (posting = new Map()));
        posting.set(doc, (posting.get(doc) ?? 0) + weight);
      }
      length += terms.length * weight;
    }
    this.lengths.push(length);
    this.totalLength += length;
    return doc;
  }

  get size(): number {
    return this.lengths.length;
  }

  /** Documents holding the term. */
  documentFrequency(term: string): number {
    return this.postings.get(term)?.size ?? 0;
  }

  /** Inverse document frequency of a term (0 when the term is unknown). */
  idf(term: string): number {
    const df = this.documentFrequency(term);
    return df ? Math.log(1 + (this.size - df + 0.5) / (df + 0.5)) : 0;
  }

  /**
   * Inverse document frequency of "any of these terms": the union of their documents, so a
   * concept with many glosses weighs as its commonest reading (0 when none is known).
   */
  idfAny(terms: string[]): number {
    if (terms.length === 1) return this.idf(terms[0]);
    const docs = new Set<number>();
    for (const t of terms) for (const doc of this.postings.get(t)?.keys() ?? []) docs.add(doc);
    return docs.size ? Math.log(1 + (this.size - docs.size + 0.5) / (docs.size + 0.5)) : 0;
  }

  /** Indexed terms that start with `prefix` (for matching a glossed word's other forms). */
  termsWithPrefix(prefix: string): string[] {
    const out: string[] = [];
    for (const term of this.postings.keys()) if (term.startsWith(prefix)) out.push(term);
    return out;
  }

  /** Top `limit` documents for the query terms, optionally weighted per term, best first. */
  search(terms: string[], limit: number, termWeights?: Map<string, number>, accept?: (doc: number) => boolean): LexicalHit[] {
    const scores = new Map<number, number>();
    const avg = this.totalLength / Math.max(this.size, 1);
    for (const term of new Set(terms)) {
      const posting = this.postings.get(term);
      if (!posting) continue;
      const weight = termWeights?.get(term) ?? 1;
      for (const [doc, tf] of posting) {
        if (accept && !accept(doc)) continue;
        scores.set(doc, (scores.get(doc) ?? 0) + weight * bm25(tf, posting.size, this.size, this.lengths[doc], avg));
      }
    }
    return [...scores].map(([doc, score]) => ({ doc, score })).sort((a, b) => b.score - a.score).slice(0, limit);
  }
}
