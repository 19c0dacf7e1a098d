/**
 * A report's text and paragraphs as stored in the index (reports/<id>.bin), read the first time
 * a question touches the report. Binary rather than JSON so that reading one costs little more
 * than the read itself (at 1,000 reports a cold question reads about twenty). Pure: bytes in,
 * bytes out.
 *
 *   "RQBREP1\n"  magic
 *   u32          header length (padded with spaces so what follows is 4-byte aligned)
 *   JSON header  { version, id, sections: string[][], paragraphs: count, encoding, textBytes, acronyms }
 *                (acronyms: the abbreviations the report defines or implies, as index terms: acronym-terms.ts; absent
 *                in format 1, whose reports have theirs found again from the text when a question needs them)
 *   i32 × 6 × count   per paragraph: n, start, end, role, page (0: none), section (index into sections)
 *   text         latin1 when every character fits in a byte, else UTF-16LE: both decode at copying
 *                speed (UTF-8 took longer than reading the file), and the paragraph offsets are the
 *                text's UTF-16 code units either way
 */
import type { Paragraph, ParagraphRole, ParsedReport } from '../corpus/types.js';
import type { AcronymPair } from './acronym-terms.js';

const MAGIC = 'RQBREP1\n';
/** Bump when the layout changes (the index FORMAT_VERSION then changes too). */
const REPORT_FORMAT = 2;
/** Formats this program reads. */
const READABLE_FORMATS = [1, REPORT_FORMAT];
const ROLES: ParagraphRole[] = ['metadata', 'title', 'addressee', 'heading', 'body', 'signature'];
const FIELDS = 6;

export type ReportBody = Pick<ParsedReport, 'text' | 'paragraphs'> & { acronyms?: AcronymPair[] };

/** The stored form of a report's text, paragraphs and abbreviations, as consecutive parts to write. */
export function encodeReportBody(report: ParsedReport, acronyms: AcronymPair[]): Uint8Array[] {
  const sections: string[][] = [];
  const sectionIndex = new Map<string, number>();
  const ints = new Int32Array(report.paragraphs.length * FIELDS);
  report.paragraphs.forEach((p, i) => {
    const key = p.section.join('\u0000');
    let s = sectionIndex.get(key);
    if (s === undefined) {
      s = sections.push(p.section) - 1;
      sectionIndex.set(key, s);
    }
    ints.set([p.n, p.start, p.end, ROLES.indexOf(p.role), p.page ?? 0, s], i * FIELDS);
  });
  const encoding = /^[\u0000-\u00ff]*$/.test(report.text) ? 'latin1' : 'utf16le';
  const text = Buffer.from(report.text, encoding);
  const json = JSON.stringify({
    version: REPORT_FORMAT,
    id: report.id,
    sections,
    paragraphs: report.paragraphs.length,
    encoding,
    textBytes: text.length,
    acronyms,
  });
  const pad = (4 - ((MAGIC.length + 4 + Buffer.byteLength(json)) % 4)) % 4;
  const header = Buffer.from(json + ' '.repeat(pad));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  return [Buffer.from(MAGIC), length, header, new Uint8Array(ints.buffer), text];
}

/**
 * Reads `encodeReportBody` output for report `id`.
 * @throws Error when the bytes are not that (another file, another report, truncated)
 */
export function decodeReportBody(bytes: Buffer, id: string): ReportBody {
  if (bytes.length < MAGIC.length + 4 || bytes.toString('latin1', 0, MAGIC.length) !== MAGIC)
    throw new Error('not a report file');
  const headerLength = bytes.readUInt32LE(MAGIC.length);
  let at = MAGIC.length + 4;
  const header = JSON.parse(bytes.toString('utf8', at, at + headerLength)) as {
    version: number;
    id: string;
    sections: string[][];
    paragraphs: number;
    encoding: 'latin1' | 'utf16le';
    textBytes: number;
    acronyms?: AcronymPair[];
  };
  if (!READABLE_FORMATS.includes(header.version))
    throw new Error(`report file format ${header.version}, expected ${REPORT_FORMAT}`);
  if (header.id !== id) throw new Error(`report file of "${header.id}", expected "${id}"`);
  at += headerLength;
  const intBytes = header.paragraphs * FIELDS * 4;
  if (bytes.length !== at + intBytes + header.textBytes) throw new Error('report file truncated');
  const ints = new Int32Array(header.paragraphs * FIELDS);
  new Uint8Array(ints.buffer).set(bytes.subarray(at, at + intBytes));
  const paragraphs: Paragraph[] = [];
  for (let k = 0; k < ints.length; k += FIELDS) {
    const p: Paragraph = {
      n: ints[k]!,
      start: ints[k + 1]!,
      end: ints[k + 2]!,
      role: ROLES[ints[k + 3]!]!,
      section: header.sections[ints[k + 5]!]!,
    };
    if (ints[k + 4]) p.page = ints[k + 4];
    paragraphs.push(p);
  }
  const text = bytes.toString(header.encoding === 'latin1' ? 'latin1' : 'utf16le', at + intBytes);
  return header.acronyms ? { text, paragraphs, acronyms: header.acronyms } : { text, paragraphs };
}
