/**
 * Sentence-aware chunking. Pure. A chunk is a run of whole sentences inside one
 * paragraph, small enough for a MiniLM/e5-small window (≈200 word pieces, so at most
 * ~120 words), overlapping its neighbour by one sentence so no fact sits only on a seam.
 */
import { splitSentences } from './sentences.js';
import type { Chunk, ParsedReport } from './types.js';

export const MAX_CHUNK_WORDS = 120;
/** Bump when parsing or chunking changes what chunks come out: stored reports are then re-ingested. */
export const CHUNKER_VERSION = 2;

const wordCount = (s: string): number => (s.match(/\S+/g) ?? []).length;

/** Splits every paragraph of a report into chunks that never cut a sentence. */
export function chunkReport(report: ParsedReport, maxWords = MAX_CHUNK_WORDS): Chunk[] {
  const chunks: Chunk[] = [];
  for (const p of report.paragraphs) {
    const sentences = splitSentences(report.text.slice(p.start, p.end), p.start);
    let i = 0;
    while (i < sentences.length) {
      let j = i;
      let words = wordCount(report.text.slice(sentences[i].start, sentences[i].end));
      while (j + 1 < sentences.length) {
        const next = wordCount(report.text.slice(sentences[j + 1].start, sentences[j + 1].end));
        if (words + next > maxWords) break;
        words += next;
        j++;
      }
      chunks.push({ reportId: report.id, paragraph: p.n, start: sentences[i].start, end: sentences[j].end });
      if (j + 1 >= sentences.length) break;
      i = j > i ? j : j + 1; // overlap by one sentence when the window holds more than one
    }
  }
  return chunks;
}
