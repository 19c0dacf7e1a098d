/**
 * Candidate retrieval: BM25 over the chunks (sentences) and, when vectors exist, HNSW over the paragraphs' embeddings
 * with their sentences ranked by their own (for a question about one report, that report's sentences searched
 * exactly), fused by reciprocal rank. Returns the chunks whose paragraphs are ranked, with the dense similarities found
 * on the way and the query vector.
 */
import { conceptTerms, type Concept } from '../search/concept.js';
import type { CorpusIndex } from '../search/corpus-index.js';
import type { Embedder } from '../search/embedder.js';
import { tokenize } from '../search/tokenize.js';

/** Candidates taken from each retriever before fusion. */
const CANDIDATES = 40;
/** Fused candidates whose paragraphs are ranked sentence by sentence (the costly step). */
const RERANK_CANDIDATES = 24;
/** Reciprocal-rank-fusion constant: how flat the credit for lower ranks is. */
const RRF_K = 60;
/** Lexical hits looked at for one holding every word asked (wholeHits). */
const HEAD = 3;

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
  scope: string | undefined,
  t: AnswerTimings,
): Promise<Candidates> {
  const inScope = (chunk: number): boolean => !scope || index.reportOf(chunk) === scope;
  const { hits: dense, vector } = await denseCandidates(index, embedder, question, scope, t);
  const mark = performance.now();
  const lexical = index.lexical.search(
    concepts.flatMap(conceptTerms),
    CANDIDATES,
    searchWeights(concepts),
    inScope,
    // A concept's readings are alternatives: three synonyms of one word in a sentence count as the word once.
    concepts.map((c) => c.senses),
  );
  t.lexicalSearch = performance.now() - mark;
  const lexicalIds = lexical.map((h) => h.doc);
  return {
    chunks: fuse(
      lexicalIds,
      [...dense.keys()], // (all in scope: denseCandidates)
      RERANK_CANDIDATES,
      wholeHits(index, lexicalIds, concepts),
    ),
    dense,
    vector,
  };
}

/**
 * Chunk id → cosine similarity for the dense candidates (empty without vectors), and the query vector: the graph's
 * nearest, or within the one report a question is about (`scope`), that report's nearest.
 */
async function denseCandidates(
  index: CorpusIndex,
  embedder: Embedder | undefined,
  question: string,
  scope: string | undefined,
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
  const nearest = scope ? index.denseSearchIn(scope, vector, CANDIDATES) : index.denseSearch(vector, CANDIDATES);
  for (const h of nearest) hits.set(h.chunk, h.similarity);
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
 * Among the lexical search's first HEAD hits, those holding every word a question of two or more words asks (a form
 * of it, not a synonym): "what is dto doing about chatbots and AI" among five reports, one of them full of AI, has one
 * such passage, and the fusion ranks it below passages of that report both searches find.
 */
export function wholeHits(index: CorpusIndex, hits: number[], concepts: Concept[]): number[] {
  if (concepts.length < 2) return [];
  const own = concepts.map((c) => new Set(c.senses.filter((_, i) => (c.credits?.[i] ?? 1) >= 1).flat(2)));
  return hits.slice(0, HEAD).filter((id) => {
    const chunk = index.chunk(id);
    const terms = new Set(tokenize(index.reports.get(chunk.reportId)!.text.slice(chunk.start, chunk.end)));
    return own.every((words) => [...words].some((t) => terms.has(t)));
  });
}

/**
 * Reciprocal rank fusion of the lexical and dense rankings (chunk ids, best first): `first` (wholeHits), then the
 * chunks with the most combined credit, `limit` in all. Either list alone still fills the set, so a question with no
 * word in common with the report is carried by the dense side.
 */
export function fuse(lexical: number[], dense: number[], limit: number, first: number[] = []): Set<number> {
  const credit = new Map<number, number>();
  for (const list of [lexical, dense])
    list.forEach((id, rank) => credit.set(id, (credit.get(id) ?? 0) + 1 / (RRF_K + rank)));
  const byCredit = [...credit].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([id]) => id);
  return new Set([...new Set([...first, ...byCredit])].slice(0, limit));
}
