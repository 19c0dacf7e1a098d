/**
 * Chunking. Pure. A chunk is one whole sentence of one paragraph: the unit that is
 * embedded, searched and quoted, so the dense similarity that ranks a quote is the
 * similarity of that very sentence (not of a window around it). Context comes from the
 * paragraph and its headings at ranking time (src/answer/rerank.ts), and from the
 * section heading prefixed to the embedded text (src/ingest.ts passageText).
 */
import { splitSentences } from './sentences.js';
import type { Chunk, ParsedReport } from './types.js';

/**
 * Bump when parsing, chunking, tokenizing (search/tokenize.ts) or pairing abbreviations (search/acronym-terms.ts)
 * changes what chunks or terms come out: stored reports are then re-ingested.
 */
export const CHUNKER_VERSION = 46;

/** The sentences of every paragraph, in order: paragraph p's k-th sentence is a chunk. */
export function chunkReport(report: ParsedReport): Chunk[] {
  return report.paragraphs.flatMap((p) =>
    splitSentences(report.text.slice(p.start, p.end), p.start).map((s) => ({
      reportId: report.id,
      paragraph: p.n,
      start: s.start,
      end: s.end,
    })),
  );
}
