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
const acronyms = [{ short: 'pm', long: ['program', 'manag'] }];
const bytes = (): Buffer => Buffer.concat(encodeReportBody(report, acronyms));

/** The same report as format 1 wrote it: no abbreviations in the header. */
function formatOne(): Buffer {
  const [magic, , header, ints, text] = encodeReportBody(report, acronyms);
  const json = { ...(JSON.parse(Buffer.from(header!).toString()) as object), version: 1, acronyms: undefined };
  let head = JSON.stringify(json);
  head += ' '.repeat((4 - ((magic!.length + 4 + Buffer.byteLength(head)) % 4)) % 4);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(Buffer.byteLength(head));
  return Buffer.concat([magic!, length, Buffer.from(head), ints!, text!]);
}

describe('report file', () => {
  it('reads back the text and paragraphs written, pages and shared section paths included', () => {
    const body = decodeReportBody(bytes(), 'r-1');
    expect(body.text).toBe(report.text);
    expect(body.paragraphs).toEqual(report.paragraphs);
    expect(body.text.slice(body.paragraphs[2]!.start, body.paragraphs[2]!.end)).toBe('The county held 11 meetings.');
    expect(body.paragraphs[1]!.section).toBe(body.paragraphs[2]!.section); // one array, not a copy per paragraph
    expect(body.acronyms).toEqual(acronyms);
  });

  it('reads a file of format 1 (before abbreviations were stored): the same text and paragraphs, no abbreviations', () => {
    const body = decodeReportBody(formatOne(), 'r-1');
    expect(body).toEqual({ text: report.text, paragraphs: report.paragraphs });
    expect('acronyms' in body).toBe(false);
  });

  it('a report whose characters all fit in a byte reads back the same', () => {
    const plain: ParsedReport = {
      ...report,
      text: 'Café report\n\nThe county held 11 meetings.',
      paragraphs: [{ n: 1, start: 0, end: 11, role: 'title', section: [] }],
    };
    expect(decodeReportBody(Buffer.concat(encodeReportBody(plain, [])), 'r-1')).toEqual({
      text: plain.text,
      paragraphs: plain.paragraphs,
      acronyms: [],
    });
  });

  it("refuses another report's file, a truncated one and anything else", () => {
    expect(() => decodeReportBody(bytes(), 'r-2')).toThrow('report file of "r-1", expected "r-2"');
    expect(() => decodeReportBody(bytes().subarray(0, bytes().length - 3), 'r-1')).toThrow('truncated');
    expect(() => decodeReportBody(Buffer.from('{"report": {}}'), 'r-1')).toThrow('not a report file');
  });
});
