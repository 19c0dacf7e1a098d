/**
 * Word .docx → report text: mammoth turns the document into clean HTML (headings from Word's
 * heading styles, the Title style as the title), which then reads like any HTML report.
 * Before unzipping, the archive's own directory is checked, so a "zip bomb" (a small file
 * that inflates to gigabytes) is refused without inflating anything.
 */
import { ReportFileError } from '../../errors.js';
import { htmlToReportText } from './html.js';

/** Most a .docx may inflate to (a long report's document.xml is a few megabytes). */
const MAX_DOCX_INFLATED = 64 * 1024 * 1024;
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

export async function docxToReportText(bytes: Uint8Array, name: string): Promise<string> {
  const inflated = zipInflatedSize(bytes);
  if (typeof inflated === 'string') throw new ReportFileError(name, `${inflated}; skipped.`);
  if (inflated > MAX_DOCX_INFLATED)
    throw new ReportFileError(name, `would inflate to ${Math.round(inflated / 1048576)} MB (over ${MAX_DOCX_INFLATED / 1048576} MB); refused as a possible zip bomb.`);
  const mammoth = (await import('mammoth')).default;
  try {
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { styleMap: ["p[style-name='Title'] => h1:fresh", 'p.Title => h1:fresh'] });
    return htmlToReportText(`<!doctype html><html><body>${value}</body></html>`, false);
  } catch (error) {
    throw new ReportFileError(name, `is not a readable Word document (${error instanceof Error ? error.message.split('\n')[0] : String(error)}).`);
  }
}
