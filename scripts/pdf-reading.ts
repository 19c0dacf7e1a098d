/**
 * How a PDF reads, for `npm run bench:quality`: the Canadian Digital Service annual report
 * (../shared/eval/acceptance, evaluation data only: read from there, never copied here) converted
 * as an ingest would, checked against its `.text.txt`, what a reader sees on its pages (one
 * paragraph a line). Figures: paragraphs not verbatim in that reading (whitespace aside); words a
 * reader never sees (a hyphen lost or a space gained at a line's end); figures set alone on the page
 * read with their label; the PDF's own outline found as headings; footnotes; contents lines and
 * image credits left in the text.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CREDIT, FIGURE, LEADER } from '../src/corpus/formats/pdf-layout.js';
import { pdfToReportText } from '../src/corpus/formats/pdf.js';
import { loadThesaurus } from '../src/search/thesaurus.js';

const ACCEPTANCE = fileURLToPath(new URL('../../shared/eval/acceptance', import.meta.url));
const REPORT = 'cds-annual-report-2023-24';

export interface PdfReading {
  report: string;
  paragraphs: number;
  notVerbatim: string[];
  unseenWords: string[];
  figures: { alone: number; withLabel: number; missing: string[] };
  headings: number;
  outlineFound: string;
  footnotes: number;
  contentsOrCredits: string[];
}

const flat = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The reading of the CDS report, or undefined when ../shared/eval/acceptance is not here. */
export async function pdfReading(): Promise<PdfReading | undefined> {
  const pdf = join(ACCEPTANCE, `${REPORT}.pdf`);
  const seen = join(ACCEPTANCE, `${REPORT}.text.txt`);
  if (!existsSync(pdf) || !existsSync(seen)) return undefined;
  const thesaurus = loadThesaurus();
  const { text } = await pdfToReportText(
    new Uint8Array(readFileSync(pdf)),
    `${REPORT}.pdf`,
    (w) => !!thesaurus?.knows(w),
  );
  const reader = readFileSync(seen, 'utf8');
  const page = flat(reader);
  const blocks = text.split('\n\n').filter(Boolean);
  const paragraphs = blocks.map((b) => b.replace(/^#{1,6} |^\[\^[^\]]+\]: /, ''));
  const readerWords = new Set(page.split(' '));
  const lines = reader.split('\n').map(flat).filter(Boolean);
  const figures = lines.flatMap((line, i) =>
    FIGURE.test(line) && lines[i + 1] ? [{ figure: line, before: lines[i - 1] ?? '', after: lines[i + 1]! }] : [],
  );
  const withLabel = figures.filter(({ figure, before, after }) =>
    paragraphs.some((p) => p.includes(`${figure} ${after}`) || p.includes(`${before} ${figure}`)),
  );
  // The outline's entries, as pdf.js reads them; a heading found matches one whitespace aside.
  const { getDocumentProxy } = await import('unpdf');
  const doc = await getDocumentProxy(new Uint8Array(readFileSync(pdf)), { verbosity: 0 });
  const outline = ((await doc.getOutline()) ?? []).map((o) => flat(o.title).toLowerCase());
  await doc.destroy();
  const headings = blocks.filter((b) => /^#{2,6} /.test(b)).map((b) => flat(b.replace(/^#+ /, '')).toLowerCase());
  return {
    report: REPORT,
    paragraphs: paragraphs.length,
    notVerbatim: paragraphs.filter((p) => !page.includes(flat(p))),
    unseenWords: [...new Set(paragraphs.flatMap((p) => flat(p).split(' ')).filter((w) => !readerWords.has(w)))],
    figures: {
      alone: figures.length,
      withLabel: withLabel.length,
      missing: figures.filter((f) => !withLabel.includes(f)).map((f) => f.figure),
    },
    headings: headings.length,
    outlineFound: `${outline.filter((o) => headings.includes(o.replace(/[\s:.]+$/, ''))).length}/${outline.length}`,
    footnotes: blocks.filter((b) => b.startsWith('[^')).length,
    contentsOrCredits: paragraphs.filter((p) => LEADER.test(p) || CREDIT.test(p)),
  };
}

export function printPdfReading(r: PdfReading, log: (line: string) => void): void {
  log(`\nPDF reading (${r.report}.pdf from ../shared/eval/acceptance, against its .text.txt: what a reader sees)`);
  log(
    `  paragraphs ${r.paragraphs}; not verbatim in the reader's text: ${r.notVerbatim.length}${r.notVerbatim.length ? ` (${r.notVerbatim.map((p) => p.slice(0, 60)).join(' | ')})` : ''}`,
  );
  log(
    `  words a reader never sees (line-end hyphens lost or spaced): ${r.unseenWords.length}${r.unseenWords.length ? ` (${r.unseenWords.slice(0, 12).join(', ')})` : ''}`,
  );
  log(
    `  figures set alone on the page read with their label: ${r.figures.withLabel}/${r.figures.alone}${r.figures.missing.length ? ` (without: ${r.figures.missing.join(', ')})` : ''}`,
  );
  log(
    `  headings ${r.headings}; the PDF's outline entries found as headings: ${r.outlineFound}; footnotes ${r.footnotes}`,
  );
  log(
    `  contents lines or image credits in the text: ${r.contentsOrCredits.length}${r.contentsOrCredits.length ? ` (${r.contentsOrCredits.join(' | ')})` : ''}`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = await pdfReading();
  if (r) printPdfReading(r, console.log);
  else console.log(`No ${REPORT}.pdf in ${ACCEPTANCE}: nothing to read.`);
}
