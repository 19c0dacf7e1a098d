/**
 * The in-memory searchable corpus: reports, their chunks, the lexical index over the
 * chunks and, when vectors exist, the HNSW index. Built from parsed reports (ingest,
 * tests) or from the stored index (start-up, where the lexical index is read, not rebuilt);
 * answering only reads it.
 */
import { tokenize } from './tokenize.js';
import { acronymPairs, withAcronyms, type AcronymPair } from './acronym-terms.js';
import { LexicalIndex, LexicalIndexBuilder } from './bm25.js';
import type { Chunk, ParsedReport } from '../corpus/types.js';
import { tableContextOf } from '../corpus/lists.js';
import type { OffTopicLevel } from './index-format.js';
import { GROUP, type SentenceVectors } from './sentence-vectors.js';
import type { DenseGraph } from './graph-scan.js';

/** Weight of section-heading terms (and a list item's lead-in, a table row's header and caption) relative to a chunk's own text. */
const HEADING_WEIGHT = 0.3;

export interface ChunkTerms {
  /**
   * Weighted term frequencies of the chunk: its text, plus its section path and context (corpus/lists.ts contextOf)
   * at HEADING_WEIGHT.
   */
  counts: [string, number][];
  length: number;
}

/**
 * What the lexical index stores for one chunk. Pure.
 * @param pairs the abbreviations its report defines (acronymPairs): the other form of one the chunk writes counts once,
 * as the ranking reads it (answer/evidence.ts), so "Social Security" finds "In 2021, SSA enlisted USDS".
 */
export function chunkTerms(
  report: Pick<ParsedReport, 'text' | 'paragraphs'>,
  chunk: Chunk,
  pairs: AcronymPair[],
): ChunkTerms {
  const counts = new Map<string, number>();
  const body = tokenize(chunkText(report, chunk));
  const heading = tokenize(
    `${report.paragraphs[chunk.paragraph - 1]!.section.join(' ')} ${tableContextOf(report, chunk.paragraph)}`,
  );
  for (const t of body) counts.set(t, (counts.get(t) ?? 0) + 1);
  const own = new Set(body);
  for (const t of withAcronyms(new Set(body), pairs)) if (!own.has(t)) counts.set(t, 1);
  for (const t of heading) counts.set(t, (counts.get(t) ?? 0) + HEADING_WEIGHT);
  return { counts: [...counts], length: body.length + heading.length * HEADING_WEIGHT };
}

/** The terms of each chunk stored as rows of (paragraph, start, end). Pure. */
export function rowTerms(
  report: Pick<ParsedReport, 'text' | 'paragraphs'>,
  reportId: string,
  rows: Int32Array,
): ChunkTerms[] {
  const terms: ChunkTerms[] = [];
  const pairs = acronymPairs(report.text);
  for (let k = 0; k < rows.length; k += 3)
    terms.push(chunkTerms(report, { reportId, paragraph: rows[k]!, start: rows[k + 1]!, end: rows[k + 2]! }, pairs));
  return terms;
}

/**
 * One report's chunks: rows of (paragraph, start, end), positions first … first+count-1. A stored report's rows are
 * read from disk when a question first needs them: a start reads none (at 10,000 reports, 10,000 files and ~0.5 s).
 */
class ReportChunks {
  private read?: (() => Int32Array) | undefined;
  private readRows?: Int32Array;
  private paragraphStarts?: Int32Array;

  constructor(
    readonly id: string,
    readonly first: number,
    readonly count: number,
    readonly firstLabel: number | undefined,
    rows: Int32Array | (() => Int32Array),
  ) {
    if (rows instanceof Int32Array) this.readRows = rows;
    else this.read = rows;
  }

  get rows(): Int32Array {
    if (!this.readRows) {
      this.readRows = this.read!();
      this.read = undefined;
    }
    return this.readRows;
  }

  /** Paragraph number → position of its first chunk (its first sentence), -1 for none. */
  get firstOfParagraph(): Int32Array {
    if (!this.paragraphStarts) {
      const rows = this.rows;
      let maxParagraph = 0;
      for (let i = 0; i < this.count; i++) maxParagraph = Math.max(maxParagraph, rows[3 * i]!);
      this.paragraphStarts = new Int32Array(maxParagraph + 1).fill(-1);
      for (let i = this.count - 1; i >= 0; i--) this.paragraphStarts[rows[3 * i]!] = this.first + i;
    }
    return this.paragraphStarts;
  }
}

/**
 * Chunks are kept as typed rows per report, not as one object each: at 1,000 reports the
 * 323,000 chunks are a thousand arrays rather than 323,000 objects and two maps of as many
 * entries (loaded JS heap 55 → 10 MB in `npm run bench:scale`). Lookups by chunk id or HNSW
 * label are binary searches over the reports.
 */
export class CorpusIndex {
  readonly reports = new Map<string, ParsedReport>();
  /** In the order added; `first` increases. */
  private readonly byPosition: ReportChunks[] = [];
  private readonly byReport = new Map<string, ReportChunks>();
  /** Reports with vectors by first HNSW label, ascending (sorted when first needed). */
  private byLabel?: ReportChunks[] | undefined;
  /** Number of chunks; chunk ids are 0 … chunkCount-1 in the order added. */
  chunkCount = 0;
  /**
   * Dense side, absent when no embedding model could be loaded: the graph over paragraphs (a paragraph's label is its
   * first chunk's) and each chunk's own vector (sentence-vectors.ts).
   */
  vectors?: DenseGraph;
  sentenceVectors?: SentenceVectors;
  /** Each report's off-topic level as the ingest measured it, with the model and probes it was measured with. */
  offTopic?: { model: string; probes: string; of: (reportId: string) => OffTopicLevel | undefined };
  /** Every lower-case word of the reports with its count, when the store keeps it (else counted from the texts). */
  words?: () => Map<string, number>;
  /** The reports' closed compounds by part (vocabulary.ts compoundsIn), when the store keeps them. */
  compounds?: () => Map<string, string[]> | undefined;
  private builder = new LexicalIndexBuilder();
  private built?: LexicalIndex | undefined;

  /**
   * Adds a report and its chunks (objects, or rows of paragraph, start, end as stored); chunk
   * ids continue from `chunkCount`.
   * @param firstLabel HNSW label of the first chunk (the rest follow in order), when vectors exist
   * @param lexical "index" (default) to index the chunks' terms now; "stored" when the
   *   lexical index comes from disk (`useLexical`)
   */
  addReport(
    report: ParsedReport,
    chunks: Chunk[] | Int32Array | { count: number; read: () => Int32Array },
    firstLabel?: number,
    lexical: 'index' | 'stored' = 'index',
  ): void {
    this.reports.set(report.id, report);
    const rows =
      chunks instanceof Int32Array || !Array.isArray(chunks)
        ? chunks
        : Int32Array.from(chunks.flatMap((c) => [c.paragraph, c.start, c.end]));
    const count = rows instanceof Int32Array ? rows.length / 3 : rows.count;
    const entry = new ReportChunks(
      report.id,
      this.chunkCount,
      count,
      firstLabel,
      rows instanceof Int32Array ? rows : rows.read,
    );
    this.byPosition.push(entry);
    this.byReport.set(report.id, entry);
    this.byLabel = undefined;
    this.chunkCount += count;
    if (lexical === 'index') {
      for (const t of rowTerms(report, report.id, entry.rows)) this.builder.addCounts(t.counts, t.length);
      this.built = undefined;
    }
  }

  /** The chunk ids of a report: `from` … `to` − 1 (a report's chunks are numbered in one run). */
  chunkRange(reportId: string): { from: number; to: number } | undefined {
    const entry = this.byReport.get(reportId);
    return entry && { from: entry.first, to: entry.first + entry.count };
  }

  /** Chunk `id` (a new object each call). */
  chunk(id: number): Chunk {
    const entry = this.entryOf(id);
    const k = 3 * (id - entry.first);
    return { reportId: entry.id, paragraph: entry.rows[k]!, start: entry.rows[k + 1]!, end: entry.rows[k + 2]! };
  }

  /** The report chunk `id` belongs to. */
  reportOf(id: number): string {
    return this.entryOf(id).id;
  }

  /** The paragraph chunk `id` is in. */
  paragraphOf(id: number): number {
    const entry = this.entryOf(id);
    return entry.rows[3 * (id - entry.first)]!;
  }

  /** The chunk an HNSW label stands for, if it is one of this index's. */
  chunkOfLabel(label: number): number | undefined {
    this.byLabel ??= this.byPosition
      .filter((e) => e.firstLabel !== undefined)
      .sort((a, b) => a.firstLabel! - b.firstLabel!);
    const entry = lastAtOrBefore(this.byLabel, label, (e) => e.firstLabel!);
    if (!entry || label - entry.firstLabel! >= entry.count) return undefined;
    return entry.first + (label - entry.firstLabel!);
  }

  private entryOf(id: number): ReportChunks {
    const entry = id >= 0 && id < this.chunkCount ? lastAtOrBefore(this.byPosition, id, (e) => e.first) : undefined;
    if (!entry) throw new RangeError(`no chunk ${id} (the index has ${this.chunkCount})`);
    return entry;
  }

  /** Uses a lexical index read from disk instead of building one (it must cover the chunks in order). */
  useLexical(index: LexicalIndex): void {
    if (index.size !== this.chunkCount)
      throw new Error(`lexical index has ${index.size} documents, the corpus ${this.chunkCount} chunks`);
    this.built = index;
  }

  /** The chunk ids of the paragraph chunk `id` is in: `from` … `to` − 1. */
  paragraphChunks(id: number): { from: number; to: number } {
    const entry = this.entryOf(id);
    const end = entry.first + entry.count;
    const paragraph = entry.rows[3 * (id - entry.first)]!;
    let from = id;
    while (from > entry.first && entry.rows[3 * (from - 1 - entry.first)] === paragraph) from--;
    let to = id + 1;
    while (to < end && entry.rows[3 * (to - entry.first)] === paragraph) to++;
    return { from, to };
  }

  /**
   * Cosine similarities of chunks `from` … `to` − 1 (of one report) to a unit vector, by their own vectors; undefined
   * for each without one.
   */
  similaritiesOf(from: number, to: number, vector: Float32Array): (number | undefined)[] {
    const entry = this.entryOf(from);
    if (entry.firstLabel === undefined || !this.sentenceVectors) return Array<undefined>(to - from).fill(undefined);
    return this.sentenceVectors.similarities(entry.id, from - entry.first, to - entry.first, vector);
  }

  /** The best similarity each unit vector reaches among a report's chunks (undefined without vectors). */
  bestSentenceSimilarities(reportId: string, vectors: Float32Array[]): number[] | undefined {
    const entry = this.byReport.get(reportId);
    return entry?.firstLabel === undefined ? undefined : this.sentenceVectors?.best(reportId, entry.count, vectors);
  }

  /**
   * The `k` chunks nearest a unit query vector, most similar first: the graph finds the 2·`k` nearest runs of a
   * paragraph's sentences (sentence-vectors.ts), and their sentences are ranked by their own vectors, read from the
   * vector files (a run of one sentence is its vector: the search's similarity serves, nothing is read). A run's vector
   * blurs its sentences', hence twice as many (docs/quality.md, "2026-12-03, fourth session"). Empty without vectors.
   */
  denseSearch(vector: Float32Array, k: number): { chunk: number; similarity: number }[] {
    const hits: { chunk: number; similarity: number }[] = [];
    for (const h of this.vectors?.search(vector, 2 * k) ?? []) {
      const first = this.chunkOfLabel(h.label);
      if (first === undefined) continue;
      const to = Math.min(this.paragraphChunks(first).to, first + GROUP);
      // A run of one sentence is that sentence's own vector: the graph's similarity is its own (no read).
      if (to - first === 1) {
        hits.push({ chunk: first, similarity: h.similarity });
        continue;
      }
      hits.push(...this.sentenceHits(first, to, vector));
    }
    return nearestFirst(hits, k);
  }

  /**
   * The `k` chunks of one report nearest a unit query vector, most similar first, by every one of its sentences' own
   * vectors (exact: one report's vectors are few). The graph's nearest of the whole index may hold few of them.
   */
  denseSearchIn(reportId: string, vector: Float32Array, k: number): { chunk: number; similarity: number }[] {
    const range = this.chunkRange(reportId);
    if (!range || !this.vectors) return [];
    return nearestFirst(this.sentenceHits(range.from, range.to, vector), k);
  }

  /** Chunks `from` … `to` − 1 with their own sentence vectors' similarity to `vector` (those without one left out). */
  private sentenceHits(from: number, to: number, vector: Float32Array): { chunk: number; similarity: number }[] {
    const hits: { chunk: number; similarity: number }[] = [];
    this.similaritiesOf(from, to, vector).forEach((similarity, i) => {
      if (similarity !== undefined) hits.push({ chunk: from + i, similarity });
    });
    return hits;
  }

  /** The chunk holding sentence `k` (0-based) of a paragraph, if indexed. */
  chunkOfSentence(reportId: string, paragraph: number, k: number): number | undefined {
    const first = this.byReport.get(reportId)?.firstOfParagraph[paragraph];
    return first === undefined || first < 0 ? undefined : first + k;
  }

  get lexical(): LexicalIndex {
    this.built ??= this.builder.build();
    return this.built;
  }
}

/** The `k` most similar hits, most similar first (ties by chunk id). */
function nearestFirst(
  hits: { chunk: number; similarity: number }[],
  k: number,
): { chunk: number; similarity: number }[] {
  return hits.sort((a, b) => b.similarity - a.similarity || a.chunk - b.chunk).slice(0, k);
}

function chunkText(report: Pick<ParsedReport, 'text'>, chunk: Chunk): string {
  return report.text.slice(chunk.start, chunk.end);
}

/** The last item of a list sorted by `key` whose key is at most `value` (binary search). */
function lastAtOrBefore<T>(sorted: T[], value: number, key: (item: T) => number): T | undefined {
  let lo = 0;
  let hi = sorted.length - 1;
  let found: T | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (key(sorted[mid]!) <= value) {
      found = sorted[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
