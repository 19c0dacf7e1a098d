import { describe, expect, it } from 'vitest';
import type { ParsedReport } from '../../src/corpus/types.js';
import { decodeReportBody, encodeReportBody, StoredText } from '../../src/search/report-file.js';

const report: ParsedReport<string> = {
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
    expect(body.text.slice()).toBe(report.text);
    expect(body.text.length).toBe(report.text.length);
    expect(body.paragraphs).toEqual(report.paragraphs);
    expect(body.text.slice(body.paragraphs[2]!.start, body.paragraphs[2]!.end)).toBe('The county held 11 meetings.');
    expect(body.paragraphs[1]!.section).toBe(body.paragraphs[2]!.section); // one array, not a copy per paragraph
    expect(body.acronyms).toEqual(acronyms);
  });

  it('reads a file of format 1 (before abbreviations were stored): the same text and paragraphs, no abbreviations', () => {
    const body = decodeReportBody(formatOne(), 'r-1');
    expect(body.text.slice()).toBe(report.text);
    expect(body.paragraphs).toEqual(report.paragraphs);
    expect('acronyms' in body).toBe(false);
  });

  it('a report whose characters all fit in a byte reads back the same', () => {
    const plain: ParsedReport<string> = {
      ...report,
      text: 'Café report\n\nThe county held 11 meetings.',
      paragraphs: [{ n: 1, start: 0, end: 11, role: 'title', section: [] }],
    };
    const body = decodeReportBody(Buffer.concat(encodeReportBody(plain, [])), 'r-1');
    expect(body.text.slice()).toBe(plain.text);
    expect(body.paragraphs).toEqual(plain.paragraphs);
    expect(body.acronyms).toEqual([]);
  });

  it('keeps the text as bytes that slice as the string does, in either encoding', () => {
    for (const text of [report.text, 'Café report\n\nThe county held 11 meetings.']) {
      const stored = new StoredText(
        Buffer.from(text, /^[\u0000-\u00ff]*$/.test(text) ? 'latin1' : 'utf16le'),
        /^[\u0000-\u00ff]*$/.test(text) ? 'latin1' : 'utf16le',
      );
      expect(stored.length).toBe(text.length);
      for (const [start, end] of [
        [0, 8],
        [10, 20],
        [22, 50],
        [5],
        [-8],
        [-8, -2],
        [30, 10],
        [0, 999],
        [undefined, undefined],
      ] as [number?, number?][])
        expect(stored.slice(start, end)).toBe(text.slice(start, end));
    }
  });

  it('copies the text out of a buffer that the next read reuses, when told to', () => {
    const shared = bytes();
    const copied = decodeReportBody(shared, 'r-1', true);
    const kept = decodeReportBody(shared, 'r-1');
    shared.fill(0x41, shared.length - 10);
    expect(copied.text.slice()).toBe(report.text);
    expect(kept.text.slice()).not.toBe(report.text);
  });

  it("refuses another report's file, a truncated one and anything else", () => {
    expect(() => decodeReportBody(bytes(), 'r-2')).toThrow('report file of "r-1", expected "r-2"');
    expect(() => decodeReportBody(bytes().subarray(0, bytes().length - 3), 'r-1')).toThrow('truncated');
    expect(() => decodeReportBody(Buffer.from('{"report": {}}'), 'r-1')).toThrow('not a report file');
  });
});
