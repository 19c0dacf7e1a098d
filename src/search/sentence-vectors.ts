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
 * The best cosine similarity each unit vector reaches among rows of `dim` (-Infinity when there are none; a row that is
 * not finite, a text of stop words only, never wins). Pure.
 */
export function bestSimilarities(flat: Float32Array, dim: number, vectors: Float32Array[]): number[] {
  return vectors.map((v) => {
    let best = -Infinity;
    for (let at = 0; at + dim <= flat.length; at += dim) {
      let dot = 0;
      for (let i = 0; i < dim; i++) dot += flat[at + i]! * v[i]!;
      if (dot > best) best = dot;
    }
    return best;
  });
}

/**
 * Sentence vectors read from the index's vector files as questions need them: the rows of one run or paragraph with
 * one positioned read into memory reused by every read, nothing kept (the page cache keeps what is read often). Fresh
 * memory for each read cost more than the read: at 10,000 reports a question reads a megabyte of rows.
 */
export class SentenceVectors {
  private scratch = new Float32Array(0);

  constructor(
    /** Rows `from` … `to` − 1 of a report's vector file, read into `into` (as long as they need). */
    private readonly readRows: (reportId: string, from: number, to: number, into: Float32Array) => Float32Array,
    readonly dim: number,
  ) {}

  /** Rows `from` … `to` − 1 of a report, good until the next read. */
  private rows(reportId: string, from: number, to: number): Float32Array {
    const length = (to - from) * this.dim;
    if (this.scratch.length < length) this.scratch = new Float32Array(Math.max(length, 2 * this.scratch.length));
    return this.readRows(reportId, from, to, this.scratch);
  }

  /** Cosine similarities of chunks `from` … `to` − 1 of a report to a unit vector (undefined where not finite). */
  similarities(reportId: string, from: number, to: number, vector: Float32Array): (number | undefined)[] {
    const flat = this.rows(reportId, from, to);
    const out: (number | undefined)[] = [];
    for (let at = 0; at + this.dim <= flat.length; at += this.dim) {
      let dot = 0;
      for (let i = 0; i < this.dim; i++) dot += flat[at + i]! * vector[i]!;
      out.push(Number.isFinite(dot) ? dot : undefined);
    }
    return out;
  }

  /** The best cosine similarity each unit vector reaches among a report's `count` chunks (-Infinity for none). */
  best(reportId: string, count: number, vectors: Float32Array[]): number[] {
    return bestSimilarities(this.rows(reportId, 0, count), this.dim, vectors);
  }
}
