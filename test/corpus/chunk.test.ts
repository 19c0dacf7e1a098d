import { describe, expect, it } from 'vitest';
import { chunkReport } from '../../src/corpus/chunk.js';
import { parseReport } from '../../src/corpus/parse.js';
import { splitSentences } from '../../src/corpus/sentences.js';
import { REPORT_FILE, REPORT_TEXT } from '../helpers/fixtures.js';

describe('chunkReport', () => {
  const report = parseReport(REPORT_TEXT, REPORT_FILE);
  const chunks = chunkReport(report);
  const allSentences = report.paragraphs.flatMap((p) => splitSentences(REPORT_TEXT.slice(p.start, p.end), p.start));
  const starts = new Set(allSentences.map((s) => s.start));
  const ends = new Set(allSentences.map((s) => s.end));

  it('covers every paragraph and keeps report id and paragraph number', () => {
    expect(new Set(chunks.map((c) => c.paragraph)).size).toBe(report.paragraphs.length);
    for (const c of chunks) {
      const p = report.paragraphs[c.paragraph - 1]!;
      expect(c.reportId).toBe(report.id);
      expect(c.start).toBeGreaterThanOrEqual(p.start);
      expect(c.end).toBeLessThanOrEqual(p.end);
    }
  });

  it('never cuts a sentence: chunks start and end on sentence boundaries', () => {
    for (const c of chunks) {
      expect(starts.has(c.start)).toBe(true);
      expect(ends.has(c.end)).toBe(true);
    }
  });

  const sentencesOf = (c: { start: number; end: number }) =>
    allSentences.filter((s) => s.start >= c.start && s.end <= c.end);

  it('is one chunk per sentence, in report order', () => {
    expect(chunks.map((c) => [c.start, c.end])).toEqual(allSentences.map((s) => [s.start, s.end]));
  });

  it('covers every sentence of the report', () => {
    const covered = new Set(chunks.flatMap((c) => sentencesOf(c).map((s) => s.start)));
    expect(allSentences.filter((s) => !covered.has(s.start))).toEqual([]);
  });
});
