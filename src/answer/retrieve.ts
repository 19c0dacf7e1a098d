/**
 * Candidate retrieval: BM25 over the chunks (sentences) and, when vectors exist, HNSW over
 * the paragraphs' embeddings with their sentences ranked by their own, fused by reciprocal rank. Returns the chunks whose paragraphs are ranked,
 * with the dense similarities found on the way and the query vector.
 */
import { conceptTerms, type Concept } from '../search/concept.js';
import type { CorpusIndex } from '../search/corpus-index.js';
import type { Embedder } from '../search/embedder.js';

/** Candidates taken from each retriever before fusion. */
const CANDIDATES = 40;
/** Fused candidates whose paragraphs are ranked sentence by sentence (the costly step). */
const RERANK_CANDIDATES = 24;
/** Reciprocal-rank-fusion constant: how flat the credit for lower ranks is. */
const RRF_K = 60;

export interface AnswerTimings {
  embed: number;
  vectorSearch: number;
  lexicalSearch: number;
  rerank: number;
  quote: number;
}

export interface Candidates {
  chunks: Set<number>;
  /** Chunk id → cosine similarity, for the dense hits. */
  dense: Map<number, number>;
  vector?: Float32Array | undefined;
}

/** The chunks worth ranking for a question, with the timings of each retriever. */
export async function retrieve(
  index: CorpusIndex,
  embedder: Embedder | undefined,
  question: string,
  concepts: Concept[],
  inScope: (chunk: number) => boolean,
  t: AnswerTimings,
): Promise<Candidates> {
  const { hits: dense, vector } = await denseCandidates(index, embedder, question, t);
  const mark = performance.now();
  const lexical = index.lexical.search(concepts.flatMap(conceptTerms), CANDIDATES, searchWeights(concepts), inScope);
  t.lexicalSearch = performance.now() - mark;
  return {
    chunks: fuse(
      lexical.map((h) => h.doc),
      [...dense.keys()].filter(inScope),
      RERANK_CANDIDATES,
    ),
    dense,
    vector,
  };
}

/** Chunk id → cosine similarity for the dense candidates (empty without vectors), and the query vector. */
async function denseCandidates(
  index: CorpusIndex,
  embedder: Embedder | undefined,
  question: string,
  t: AnswerTimings,
): Promise<{ hits: Map<number, number>; vector?: Float32Array }> {
  const vectors = index.vectors;
  const hits = new Map<number, number>();
  if (!embedder || !vectors) return { hits };
  let mark = performance.now();
  const [vector] = await embedder.embed([question], 'query');
  t.embed = performance.now() - mark;
  mark = performance.now();
  // A text the model cannot read at all (unknown tokens only) can embed to NaN: no dense evidence then.
  if (!vector?.every(Number.isFinite)) return { hits };
  for (const h of index.denseSearch(vector, CANDIDATES)) hits.set(h.chunk, h.similarity);
  t.vectorSearch = performance.now() - mark;
  return { hits, vector };
}

/**
 * Per-term weights for the lexical search. A concept's weight is shared among the words of
 * a reading; a credited reading (a synonym) weighs its credit.
 */
function searchWeights(concepts: Concept[]): Map<string, number> {
  const weights = new Map<string, number>();
  const put = (t: string, w: number): void => void weights.set(t, Math.max(weights.get(t) ?? 0, w));
  for (const c of concepts) {
    if (!c.credits) {
      const terms = conceptTerms(c);
      for (const t of terms) put(t, c.weight / Math.sqrt(terms.length));
      continue;
    }
    c.senses.forEach((sense, i) => {
      const terms = sense.flat();
      for (const t of terms) put(t, (c.weight * (c.credits?.[i] ?? 1)) / Math.sqrt(terms.length));
    });
  }
  return weights;
}

/**
 * Reciprocal rank fusion of the lexical and dense rankings (chunk ids, best first): the
 * `limit` chunks with the most combined credit. Either list alone still fills the set, so
 * a question with no word in common with the report is carried by the dense side.
 */
export function fuse(lexical: number[], dense: number[], limit: number): Set<number> {
  const credit = new Map<number, number>();
  for (const list of [lexical, dense])
    list.forEach((id, rank) => credit.set(id, (credit.get(id) ?? 0) + 1 / (RRF_K + rank)));
  return new Set(
    [...credit]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([id]) => id),
  );
}
