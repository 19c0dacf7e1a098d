/**
 * The dense side in two parts: the HNSW graph holds one vector per paragraph, or per run of GROUP
 * sentences of a long one (what a question's candidates are found by), and each sentence's own
 * vector stays in its report's vector file, read when a question's candidates need it (what a quote
 * is ranked by). The graph then holds far fewer vectors than there are sentences, and no sentence
 * vector is in memory unless a question asked for it.
 */

/**
 * Sentences in one vector of the graph at most: a long paragraph (a table, a list) is held as runs of this many, so
 * that one matching row is not blurred by forty others.
 */
export const GROUP = 4;

/** Bytes of sentence vectors kept in memory at most (about 500 reports of the benchmark's size at 100 dimensions). */
export const SENTENCE_VECTOR_BYTES = 64 * 1024 * 1024;

/**
 * The graph's vectors of one report: each run of at most GROUP sentences of a paragraph, as the normalised sum of its
 * sentences' unit vectors. `rows` are a report's chunks (paragraph, start, end), `flat` their vectors in the same
 * order; each run comes back with the offset of its first chunk, which names it in the graph. A run whose vectors are
 * not finite (a text of stop words only) is left out. Pure.
 */
export function runVectors(
  rows: Int32Array,
  flat: Float32Array,
  dim: number,
): { first: number; vector: Float32Array }[] {
  const out: { first: number; vector: Float32Array }[] = [];
  const count = rows.length / 3;
  for (let c = 0; c < count;) {
    let end = c + 1;
    while (end < count && end - c < GROUP && rows[3 * end] === rows[3 * c]) end++;
    const sum = new Float32Array(dim);
    for (let k = c; k < end; k++) {
      const v = flat.subarray(k * dim, (k + 1) * dim);
      if (!v.every(Number.isFinite)) continue;
      for (let i = 0; i < dim; i++) sum[i] = sum[i]! + v[i]!;
    }
    const norm = Math.hypot(...sum);
    if (norm > 0) out.push({ first: c, vector: sum.map((x) => x / norm) });
    c = end;
  }
  return out;
}

/** How many runs `runVectors` makes of a report's chunk rows at most (the room the graph needs). Pure. */
export function runCount(rows: Int32Array): number {
  let n = 0;
  let run = 0;
  for (let k = 0; k < rows.length; k += 3) {
    run = k > 0 && rows[k] === rows[k - 3] && run < GROUP ? run + 1 : 1;
    if (run === 1) n++;
  }
  return n;
}

/**
 * Sentence vectors read per report from the index's vector files, the most recently used kept up to a byte budget.
 */
export class SentenceVectors {
  private readonly cache = new Map<string, Float32Array>();
  private bytes = 0;

  constructor(
    private readonly read: (reportId: string) => Float32Array,
    readonly dim: number,
    private readonly budget = SENTENCE_VECTOR_BYTES,
  ) {}

  /** Cosine similarities of chunk `offset` of a report to several unit vectors (undefined when not finite). */
  similarities(reportId: string, offset: number, vectors: Float32Array[]): number[] | undefined {
    const flat = this.of(reportId);
    const at = offset * this.dim;
    if (at < 0 || at + this.dim > flat.length) return undefined;
    const sims = vectors.map((v) => {
      let dot = 0;
      for (let i = 0; i < this.dim; i++) dot += flat[at + i]! * v[i]!;
      return dot;
    });
    return sims.every(Number.isFinite) ? sims : undefined;
  }

  private of(reportId: string): Float32Array {
    let flat = this.cache.get(reportId);
    if (flat) {
      this.cache.delete(reportId);
      this.cache.set(reportId, flat);
      return flat;
    }
    flat = this.read(reportId);
    this.cache.set(reportId, flat);
    this.bytes += flat.byteLength;
    for (const [id, old] of this.cache) {
      if (this.bytes <= this.budget || id === reportId) break;
      this.cache.delete(id);
      this.bytes -= old.byteLength;
    }
    return flat;
  }
}
