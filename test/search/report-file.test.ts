import { describe, expect, it } from 'vitest';
import type { ParsedReport } from '../../src/corpus/types.js';
import { decodeReportBody, encodeReportBody } from '../../src/search/report-file.js';

const report: ParsedReport = {
  id: 'r-1',
  meta: { title: 'A report' },
  // Offsets are UTF-16 code units: the Chinese and the emoji (two units) must survive the UTF-8 round trip.
  text: 'A report\n\n一、 总体情况 😀\n\nThe county held 11 meetings.',
  paragraphs: [
    { n: 1, start: 0, end: 8, role: 'title', section: [] },
    { n: 2, start: 10, end: 20, role: 'heading', section: ['一、 总体情况 😀'], page: 2 },
    { n: 3, start: 22, end: 50, role: 'body', section: ['一、 总体情况 😀'], page: 3 },
  ],
};
const bytes = (): Buffer => Buffer.concat(encodeReportBody(report));

describe('report file', () => {
  it('reads back the text and paragraphs written, pages and shared section paths included', () => {
    const body = decodeReportBody(bytes(), 'r-1');
    expect(body.text).toBe(report.text);
    expect(body.paragraphs).toEqual(report.paragraphs);
    expect(body.text.slice(body.paragraphs[2]!.start, body.paragraphs[2]!.end)).toBe('The county held 11 meetings.');
    expect(body.paragraphs[1]!.section).toBe(body.paragraphs[2]!.section); // one array, not a copy per paragraph
  });

  it('a report whose characters all fit in a byte reads back the same', () => {
    const plain: ParsedReport = {
      ...report,
      text: 'Café report\n\nThe county held 11 meetings.',
      paragraphs: [{ n: 1, start: 0, end: 11, role: 'title', section: [] }],
    };
    expect(decodeReportBody(Buffer.concat(encodeReportBody(plain)), 'r-1')).toEqual({
      text: plain.text,
      paragraphs: plain.paragraphs,
    });
  });

  it("refuses another report's file, a truncated one and anything else", () => {
    expect(() => decodeReportBody(bytes(), 'r-2')).toThrow('report file of "r-1", expected "r-2"');
    expect(() => decodeReportBody(bytes().subarray(0, bytes().length - 3), 'r-1')).toThrow('truncated');
    expect(() => decodeReportBody(Buffer.from('{"report": {}}'), 'r-1')).toThrow('not a report file');
  });
});
