/**
 * The in-memory searchable corpus: reports, their chunks, the lexical index over the
 * chunks and, when vectors exist, the HNSW index. Built from parsed reports (ingest,
 * tests) or from the stored index (start-up, where the lexical index is read, not rebuilt);
 * answering only reads it.
 */
import { tokenize } from './tokenize.js';
import { LexicalIndex, LexicalIndexBuilder } from './bm25.js';
import type { Chunk, ParsedReport } from '../corpus/types.js';
import type { VectorIndex } from './vector-index.js';

/** Weight of section-heading terms relative to a chunk's own text. */
const HEADING_WEIGHT = 0.3;

export interface ChunkTerms {
  /** Weighted term frequencies of the chunk (its text, plus its section path at HEADING_WEIGHT). */
  counts: [string, number][];
  length: number;
}

/** What the lexical index stores for one chunk. Pure. */
export function chunkTerms(report: ParsedReport, chunk: Chunk): ChunkTerms {
  const counts = new Map<string, number>();
  const body = tokenize(chunkText(report, chunk));
  const heading = tokenize(report.paragraphs[chunk.paragraph - 1]!.section.join(' '));
  for (const t of body) counts.set(t, (counts.get(t) ?? 0) + 1);
  for (const t of heading) counts.set(t, (counts.get(t) ?? 0) + HEADING_WEIGHT);
  return { counts: [...counts], length: body.length + heading.length * HEADING_WEIGHT };
}

export class CorpusIndex {
  readonly reports = new Map<string, ParsedReport>();
  readonly chunks: Chunk[] = [];
  /** HNSW label → position in `chunks`. */
  readonly chunkOfLabel = new Map<number, number>();
  /** Position in `chunks` → HNSW label (undefined without vectors). */
  readonly labelOfChunk: (number | undefined)[] = [];
  /** "reportId#paragraph" → position of the paragraph's first chunk (its first sentence). */
  private readonly firstChunkOf = new Map<string, number>();
  /** Dense side; absent when no embedding model could be loaded. */
  vectors?: VectorIndex;
  /** Every lower-case word of the reports with its count, when the store keeps it (else counted from the texts). */
  words?: () => Map<string, number>;
  private builder = new LexicalIndexBuilder();
  private built?: LexicalIndex;

  /**
   * Adds a report and its chunks; chunk ids are their positions in `chunks`.
   * @param firstLabel HNSW label of the first chunk (the rest follow in order), when vectors exist
   * @param lexical "index" (default) to index the chunks' terms now; "stored" when the
   *   lexical index comes from disk (`useLexical`)
   */
  addReport(report: ParsedReport, chunks: Chunk[], firstLabel?: number, lexical: 'index' | 'stored' = 'index'): void {
    this.reports.set(report.id, report);
    for (const [i, chunk] of chunks.entries()) {
      if (firstLabel !== undefined) this.chunkOfLabel.set(firstLabel + i, this.chunks.length);
      this.labelOfChunk.push(firstLabel === undefined ? undefined : firstLabel + i);
      const key = `${chunk.reportId}#${chunk.paragraph}`;
      if (!this.firstChunkOf.has(key)) this.firstChunkOf.set(key, this.chunks.length);
      this.chunks.push(chunk);
      if (lexical === 'index') {
        const t = chunkTerms(report, chunk);
        this.builder.addCounts(t.counts, t.length);
      }
    }
    if (lexical === 'index') this.built = undefined;
  }

  /** Uses a lexical index read from disk instead of building one (it must cover `chunks` in order). */
  useLexical(index: LexicalIndex): void {
    if (index.size !== this.chunks.length) throw new Error(`lexical index has ${index.size} documents, the corpus ${this.chunks.length} chunks`);
    this.built = index;
  }

  /** The chunk holding sentence `k` (0-based) of a paragraph, if indexed. */
  chunkOfSentence(reportId: string, paragraph: number, k: number): number | undefined {
    const first = this.firstChunkOf.get(`${reportId}#${paragraph}`);
    return first === undefined ? undefined : first + k;
  }

  get lexical(): LexicalIndex {
    this.built ??= this.builder.build();
    return this.built;
  }
}

function chunkText(report: ParsedReport, chunk: Chunk): string {
  return report.text.slice(chunk.start, chunk.end);
}
