/**
 * The in-memory searchable corpus: reports, their chunks, the lexical index over the
 * chunks and, when vectors exist, the HNSW index. Built from parsed reports (ingest) or
 * from the stored index (start-up); answering only reads it.
 */
import { tokenize } from './tokenize.js';
import { LexicalIndex } from './bm25.js';
import type { Chunk, ParsedReport } from '../corpus/types.js';
import type { VectorIndex } from './vector-index.js';

/** Weight of section-heading terms relative to a chunk's own text. */
export const HEADING_WEIGHT = 0.3;

export class CorpusIndex {
  readonly reports = new Map<string, ParsedReport>();
  readonly chunks: Chunk[] = [];
  readonly lexical = new LexicalIndex();
  /** Dense side; absent when no embedding model could be loaded. */
  vectors?: VectorIndex;
  /** Why vectors are absent, for the one clear line shown to the user. */
  vectorsAbsentReason?: string;

  /** HNSW label → position in `chunks`. */
  readonly chunkOfLabel = new Map<number, number>();

  /**
   * Adds a report and its chunks; chunk ids are their positions in `chunks`.
   * @param firstLabel HNSW label of the first chunk (the rest follow in order), when vectors exist
   */
  addReport(report: ParsedReport, chunks: Chunk[], firstLabel?: number): void {
    this.reports.set(report.id, report);
    for (const [i, chunk] of chunks.entries()) {
      if (firstLabel !== undefined) this.chunkOfLabel.set(firstLabel + i, this.chunks.length);
      this.chunks.push(chunk);
      this.lexical.add([
        { terms: tokenize(chunkText(report, chunk)), weight: 1 },
        { terms: tokenize(chunk.section.join(' ')), weight: HEADING_WEIGHT },
      ]);
    }
  }

  /** The report text a chunk covers. */
  text(chunk: Chunk): string {
    return chunkText(this.reports.get(chunk.reportId)!, chunk);
  }
}

export function chunkText(report: ParsedReport, chunk: Chunk): string {
  return report.text.slice(chunk.start, chunk.end);
}
