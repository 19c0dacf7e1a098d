/**
 * PDF → report text, from the PDF's text layer (Mozilla's pdf.js, in unpdf's 2 MB build). Lines are rebuilt from
 * the positioned text items; running headers and footers (the same line at the top or
 * bottom of most pages) and page numbers are dropped; a word hyphenated at a line end is
 * joined again; lines run together into paragraphs until a gap, a numbered heading or a
 * short last line. The result is the plain-text layout the parser reads (a paragraph per
 * line), with where each page starts, so a citation can name the page.
 */
import { ReportFileError } from '../../errors.js';

interface Line {
  text: string;
  /** Baseline height on the page (PDF units, bottom up). */
  y: number;
  page: number;
}

/** A heading or list item opening: "1.", "1、", "(2)", "二、", "（三）", "First,". */
const OPENS_BLOCK = /^\s*(\d{1,2}\s*[.、．]\s|\(\d{1,2}\)|[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b)/i;
const PAGE_NUMBER = /^\s*(page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(\s*(of|\/)\s*\d{1,4})?\s*$/i;
const HAN = /\p{Script=Han}/u;

export interface ConvertedText {
  text: string;
  /** Character offset in `text` where each page (1, 2, …) starts. */
  pageStarts: number[];
}

/** Text lines of every page, in reading order (top to bottom). */
async function linesOf(bytes: Uint8Array, name: string): Promise<Line[][]> {
  const { getDocumentProxy } = await import('unpdf');
  let doc;
  try {
    // verbosity 0: errors only (pdf.js would warn about fonts it does not need for text).
    doc = await getDocumentProxy(bytes, { verbosity: 0, isEvalSupported: false, useSystemFonts: false });
  } catch (error) {
    throw new ReportFileError(name, `is not a readable PDF (${error instanceof Error ? error.message : String(error)}).`);
  }
  const pages: Line[][] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    const lines: Line[] = [];
    let current: (Line & { end: number }) | undefined;
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const transform = item.transform as number[];
      const [x = 0, y = 0] = [transform[4], transform[5]];
      if (current && Math.abs(current.y - y) > 2) {
        lines.push(current);
        current = undefined;
      }
      current ??= { text: '', y, page: p, end: x };
      // pdf.js splits a line into runs: a run that starts where the last ended continues its word.
      const apart = current.text !== '' && !/\s$/.test(current.text) && !/^\s/.test(item.str) && x - current.end > 1 && !HAN.test(item.str.charAt(0));
      current.text += (apart ? ' ' : '') + item.str;
      current.end = x + item.width;
      if (item.hasEOL) {
        lines.push(current);
        current = undefined;
      }
    }
    if (current) lines.push(current);
    pages.push(lines.map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim() })).filter((l) => l.text));
  }
  await doc.destroy();
  return pages;
}

/** Lines that repeat at the top or bottom of at least half of the pages: running headers and footers. */
function runningLines(pages: Line[][]): Set<string> {
  if (pages.length < 2) return new Set();
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const edges = new Set([lines[0]?.text, lines[1]?.text, lines.at(-1)?.text, lines.at(-2)?.text].filter((t): t is string => !!t));
    for (const t of edges) counts.set(t.replace(/\d+/g, '#'), (counts.get(t.replace(/\d+/g, '#')) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= Math.max(2, pages.length / 2)).map(([t]) => t));
}

/** Joins two lines of one paragraph: a hyphenated word is rejoined, Chinese needs no space. */
function join(a: string, b: string): string {
  if (/[a-z]-$/.test(a) && /^[a-z]/.test(b)) return a.slice(0, -1) + b;
  return HAN.test(a.at(-1) ?? '') && HAN.test(b[0] ?? '') ? a + b : `${a} ${b}`;
}

/** Text of a PDF with a text layer; a PDF without one (a scan) is refused with a reason. */
export async function pdfToReportText(bytes: Uint8Array, name: string): Promise<ConvertedText> {
  const pages = await linesOf(bytes, name);
  if (!pages.some((lines) => lines.some((l) => /\p{L}/u.test(l.text))))
    throw new ReportFileError(name, 'has no text layer (a scanned PDF?); run it through OCR first, or add the report as text.');
  const running = runningLines(pages);
  const paragraphs: { text: string; page: number }[] = [];
  for (const lines of pages) {
    const kept = lines.filter((l) => !PAGE_NUMBER.test(l.text) && !running.has(l.text.replace(/\d+/g, '#')));
    const gaps = kept.slice(1).map((l, i) => kept[i]!.y - l.y).filter((g) => g > 0);
    const lineGap = gaps.sort((a, b) => a - b)[Math.floor(gaps.length / 2)] ?? 0;
    const widest = Math.max(0, ...kept.map((l) => l.text.length));
    kept.forEach((line, i) => {
      const previous = kept[i - 1];
      const open = paragraphs.at(-1);
      const continues =
        previous &&
        open &&
        open.page === line.page &&
        previous.y - line.y <= lineGap * 1.4 &&
        !OPENS_BLOCK.test(line.text) &&
        // A short line ending a sentence closes its paragraph; a short numbered line is a heading of its own.
        !(/[.。!?！？:：]$/.test(previous.text) && previous.text.length < widest * 0.8) &&
        !(OPENS_BLOCK.test(previous.text) && previous.text.length < widest * 0.6 && !/[,，;；]$/.test(previous.text));
      if (continues) open.text = join(open.text, line.text);
      else paragraphs.push({ text: line.text, page: line.page });
    });
  }
  const pageStarts: number[] = [];
  let text = '';
  for (const p of paragraphs) {
    while (pageStarts.length < p.page) pageStarts.push(text.length);
    text += `${p.text}\n`;
  }
  while (pageStarts.length < pages.length) pageStarts.push(text.length);
  return { text, pageStarts };
}
