/**
 * PDF → report text, from the PDF's text layer (Mozilla's pdf.js, in unpdf's 2 MB build): the
 * positioned text runs of each page become lines (a run that starts where the last ended
 * continues its word; a wide gap starts another line: a column or a table cell), each with its
 * position and font size; pdf-layout.ts then reads them as a reader would (page numbers,
 * headings, figures, footnotes, contents pages) into the Markdown layout the parser reads,
 * with where each page starts, so a citation can name the page.
 */
import { ReportFileError } from '../../errors.js';
import { layoutPdf, type LaidOutText, type PdfLine, type PdfPage } from './pdf-layout.js';

const HAN = /\p{Script=Han}/u;

interface Run {
  str: string;
  transform: number[];
  width: number;
  hasEOL?: boolean;
}

/** A line being built from runs. */
interface OpenLine extends PdfLine {
  /** The last run with text: a hyphen alone is one the layout set. */
  lastRun: string;
}

/** The runs of one page → lines, in the order the page's content stream gives them. */
export function linesOfRuns(runs: Run[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let current: OpenLine | undefined;
  const close = (): void => {
    if (!current) return;
    const text = current.text.replace(/\s+/g, ' ').trim();
    if (text)
      lines.push({
        text,
        x: current.x,
        xEnd: current.xEnd,
        y: current.y,
        size: current.size,
        layoutHyphen: current.lastRun === '-',
      });
    current = undefined;
  };
  for (const run of runs) {
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = run.transform;
    const size = Math.round(Math.max(Math.hypot(a, b), Math.hypot(c, d)) * 10) / 10;
    if (!run.str) {
      if (run.hasEOL) close();
      continue;
    }
    // Another baseline, or a gap wider than a few spaces (a column, a table cell, a page number beside a footer).
    if (
      current &&
      (Math.abs(current.y - y) > Math.max(2, Math.min(size, current.size) * 0.25) ||
        x - current.xEnd > Math.max(size, current.size) * 2.5 ||
        x < current.x - 1)
    )
      close();
    current ??= { text: '', x, xEnd: x, y, size, lastRun: '' };
    // pdf.js splits a line into runs: a run that starts where the last ended continues its word.
    const apart =
      current.text !== '' &&
      !/\s$/.test(current.text) &&
      !/^\s/.test(run.str) &&
      x - current.xEnd > size * 0.1 &&
      !HAN.test(run.str.charAt(0));
    current.text += (apart ? ' ' : '') + run.str;
    current.xEnd = Math.max(current.xEnd, x + run.width);
    if (run.str.trim() && !current.lastRun) current.size = size;
    if (run.str.trim()) current.lastRun = run.str.trim();
    if (run.hasEOL) close();
  }
  close();
  return lines;
}

/** A document title worth using: words, not a file name or a placeholder. */
function usableTitle(title: unknown): string | undefined {
  if (typeof title !== 'string') return undefined;
  const t = title.replace(/\s+/g, ' ').trim();
  return /\p{L}{2}.*\s\S/u.test(t) && !/\.(docx?|indd|pdf|pptx?|xlsx?)$|^microsoft (word|powerpoint)|^untitled/i.test(t)
    ? t
    : undefined;
}

/** Pages and the metadata title of a PDF with a text layer. */
async function pagesOf(
  bytes: Uint8Array,
  name: string,
): Promise<{ pages: PdfPage[]; title?: string | undefined; outline: { title: string; depth: number }[] }> {
  const { getDocumentProxy } = await import('unpdf');
  let doc;
  try {
    // verbosity 0: errors only (pdf.js would warn about fonts it does not need for text).
    doc = await getDocumentProxy(bytes, { verbosity: 0, isEvalSupported: false, useSystemFonts: false });
  } catch (error) {
    throw new ReportFileError(
      name,
      `is not a readable PDF (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  try {
    const info: { Title?: unknown } | undefined = (await doc.getMetadata().catch(() => undefined))?.info;
    const outline: { title: string; depth: number }[] = [];
    const walk = (items: { title: string; items?: unknown[] }[] | null | undefined, depth: number): void => {
      for (const item of items ?? []) {
        outline.push({ title: item.title, depth });
        walk(item.items as typeof items, depth + 1);
      }
    };
    walk(await doc.getOutline().catch(() => null), 0);
    const pages: PdfPage[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const { width, height } = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      pages.push({
        width,
        height,
        lines: linesOfRuns(content.items.filter((item): item is typeof item & Run => 'str' in item)),
      });
    }
    return { pages, title: usableTitle(info?.Title), outline };
  } finally {
    await doc.destroy();
  }
}

/** Text of a PDF with a text layer; a PDF without one (a scan) is refused with a reason. */
export async function pdfToReportText(
  bytes: Uint8Array,
  name: string,
  isWord?: (word: string) => boolean,
): Promise<LaidOutText> {
  const { pages, title, outline } = await pagesOf(bytes, name);
  if (!pages.some((page) => page.lines.some((l) => /\p{L}/u.test(l.text))))
    throw new ReportFileError(
      name,
      'has no text layer (a scanned PDF?); run it through OCR first, or add the report as text.',
    );
  return layoutPdf(pages, { title, outline, isWord });
}
