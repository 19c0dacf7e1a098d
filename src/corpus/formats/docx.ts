/**
 * Word .docx → report text: mammoth turns the document into clean HTML (headings from Word's
 * heading styles, the Title style as the title), which then reads like any HTML report.
 * Before unzipping, the archive's own directory is checked, so a "zip bomb" (a small file
 * that inflates to gigabytes) is refused without inflating anything.
 */
import { inflateRawSync } from 'node:zlib';
import { ReportFileError } from '../../errors.js';
import { htmlToReportText } from './html.js';

/**
 * Most a .docx may inflate to (a long report's document.xml is a few megabytes; mammoth holds
 * many times the XML in memory, so 64 MB of XML took 2.9 GB).
 */
const MAX_DOCX_INFLATED = 24 * 1024 * 1024;
const MAX_ENTRIES = 5_000;

/**
 * Sum of the uncompressed sizes the zip's central directory declares, or a reason to refuse.
 * (The sizes are what the archive claims; mammoth's unzip then inflates at most that.)
 */
export function zipInflatedSize(bytes: Uint8Array): number | string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) return 'is not a Word document (no zip directory)';
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (entries > MAX_ENTRIES) return `holds ${entries} files; a Word document holds a few dozen`;
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return 'has a damaged zip directory';
    const size = view.getUint32(at + 24, true);
    if (size === 0xffffffff) return 'uses zip64 sizes, which a Word document never needs';
    total += size;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return total;
}

/**
 * Inflates every entry of the zip once, counting what actually comes out and stopping at `max`
 * bytes in all, whatever the directory declares (a directory may lie: 1 KB declared, 1.5 GB inside).
 * Returns the bytes counted, or a reason to refuse.
 */
export function zipActualSize(bytes: Uint8Array, max: number): number | string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (let at = 0; at + 30 <= bytes.length && view.getUint32(at, true) === 0x04034b50;) {
    const flags = view.getUint16(at + 6, true);
    const method = view.getUint16(at + 8, true);
    const compressed = view.getUint32(at + 18, true);
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    // Sizes written after the data (flag bit 3) are not known here: such an entry is inflated until the stream ends.
    const end = flags & 8 ? bytes.length : start + compressed;
    if (end > bytes.length) return 'has a damaged zip entry';
    try {
      const size =
        method === 0
          ? end - start
          : method === 8
            ? inflateRawSync(buffer.subarray(start, end), { maxOutputLength: Math.max(1, max - total) }).length
            : -1;
      if (size < 0) return `uses zip compression method ${method}, which a Word document never needs`;
      total += size;
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
        return `inflates past ${max / 1048576} MB; refused as a possible zip bomb`;
      if (flags & 8) break; // the rest of the file is no longer this entry's: the stream ended
      return 'has a damaged zip entry';
    }
    if (total > max) return `inflates past ${max / 1048576} MB; refused as a possible zip bomb`;
    if (flags & 8) break;
    at = end;
  }
  return total;
}

export async function docxToReportText(bytes: Uint8Array, name: string): Promise<string> {
  const inflated = zipInflatedSize(bytes);
  if (typeof inflated === 'string') throw new ReportFileError(name, `${inflated}; skipped.`);
  if (inflated > MAX_DOCX_INFLATED)
    throw new ReportFileError(
      name,
      `would inflate to ${Math.round(inflated / 1048576)} MB (over ${MAX_DOCX_INFLATED / 1048576} MB); refused as a possible zip bomb.`,
    );
  // The directory's sizes are only claims: count what the entries really inflate to before mammoth does.
  const actual = zipActualSize(bytes, MAX_DOCX_INFLATED);
  if (typeof actual === 'string') throw new ReportFileError(name, `${actual}; skipped.`);
  const mammoth = (await import('mammoth')).default;
  try {
    const { value } = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      { styleMap: ["p[style-name='Title'] => h1:fresh", 'p.Title => h1:fresh'] },
    );
    return htmlToReportText(`<!doctype html><html><body>${value}</body></html>`, false);
  } catch (error) {
    throw new ReportFileError(
      name,
      `is not a readable Word document (${error instanceof Error ? error.message.split('\n')[0] : String(error)}).`,
    );
  }
}
