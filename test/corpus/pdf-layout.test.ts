import { describe, expect, it } from 'vitest';
import { layoutPdf, type PdfLine, type PdfPage } from '../../src/corpus/formats/pdf-layout.js';
import { linesOfRuns } from '../../src/corpus/formats/pdf.js';

/** A page of lines set top down from y = 700, 14 apart unless placed. */
function page(lines: (string | (Partial<PdfLine> & { text: string }))[]): PdfPage {
  let y = 700;
  return {
    width: 612,
    height: 792,
    lines: lines.map((l) => {
      const line = typeof l === 'string' ? { text: l } : l;
      const placed = { x: 72, y, size: 11, ...line, xEnd: (line.x ?? 72) + line.text.length * 5.5 };
      y = placed.y - 14;
      return placed;
    }),
  };
}
const paragraphs = (pages: PdfPage[], isWord?: (w: string) => boolean): string[] =>
  layoutPdf(pages, { isWord }).text.split('\n\n').filter(Boolean);

describe('PDF text runs → lines', () => {
  const run = (str: string, x: number, y: number, size = 11, width = str.length * 5.5) => ({
    str,
    transform: [size, 0, 0, size, x, y],
    width,
    hasEOL: false,
  });

  it('a run that starts where the last ended continues its word; a wide gap or another baseline starts a line', () => {
    const lines = linesOfRuns([
      run('Natural and Non-prescrip', 72, 500),
      run('-', 72 + 24 * 5.5, 500),
      run('tion Health', 72, 486),
      run('Page 4', 400, 486),
    ]);
    expect(lines.map((l) => [l.text, l.layoutHyphen])).toEqual([
      ['Natural and Non-prescrip-', true],
      ['tion Health', false],
      ['Page 4', false],
    ]);
  });

  it('a line takes the size it starts in: a small note at its end leaves it in its paragraph', () => {
    const [line] = linesOfRuns([
      run('information.', 72, 400),
      run(' (Source: TBS, March 18, 2024)', 72 + 12 * 5.5, 400, 7, 100),
    ]);
    expect(line).toMatchObject({ text: 'information. (Source: TBS, March 18, 2024)', size: 11 });
  });
});

describe('PDF layout', () => {
  it('a line-end hyphen: dropped when the joined word is a word, kept in compounds and figures, never followed by a space', () => {
    const isWord = (w: string): boolean => ['services', 'high', 'quality', 'capability', 'cap', 'ability'].includes(w);
    const text = [
      'We deliver ser-',
      'vices of high-',
      'quality in FY 2023-',
      '2024 across the GC-',
      'wide network, at scale -',
      'saving time.',
    ];
    expect(paragraphs([page(text)], isWord)).toEqual([
      'We deliver services of high-quality in FY 2023-2024 across the GC-wide network, at scale - saving time.',
    ]);
    // Hyphens the layout set apart: dropped unless both halves are words that together are not one.
    const set = (t: string): Partial<PdfLine> & { text: string } => ({ text: t, layoutHyphen: true });
    expect(
      paragraphs(
        [page([set('a new cap-'), set('ability and high-'), set('quality data from the NN-'), 'HPD office.'])],
        isWord,
      ),
    ).toEqual(['a new capability and high-quality data from the NNHPD office.']);
  });

  it('the report settles a hyphen before the dictionary does: a word it prints whole, or hyphenated', () => {
    const lines = [
      'The open-text field and the clientcentered plan.',
      '',
      'Comments in the open-',
      'text field; a client-',
      'centered plan.',
    ];
    expect(
      paragraphs([page(lines.filter(Boolean).map((t, i) => ({ text: t, y: i === 0 ? 700 : 650 - i * 14 })))]),
    ).toEqual([
      'The open-text field and the clientcentered plan.',
      'Comments in the open-text field; a clientcentered plan.',
    ]);
  });

  it('page numbers follow the page sequence in a margin band; a figure in the body or off the sequence stays; running footers go', () => {
    const footer = (n: number): Partial<PdfLine> & { text: string } => ({
      text: `Annual Report 2024 | ${n}`,
      y: 30,
      size: 8,
    });
    const pages = [3, 4, 5].map((n, i) =>
      page([
        `Paragraph ${i + 1} of the report.`,
        { text: String(n), y: 36 },
        footer(n),
        { text: '67', y: 400, size: 24 },
      ]),
    );
    pages[1]!.lines.push({ text: '12', x: 72, xEnd: 80, y: 20, size: 11 });
    expect(paragraphs(pages)).toEqual([
      'Paragraph 1 of the report.',
      '67',
      'Paragraph 2 of the report.',
      '67',
      '12',
      'Paragraph 3 of the report.',
      '67',
    ]);
  });

  it('headings by size head something; a large line before another of its level, or a run of numbered lines, is text', () => {
    const pages = [
      page([{ text: 'Forms and more', size: 30 }]),
      page([
        { text: 'Year in review', size: 24 },
        { text: 'Products', size: 24, y: 640 },
        { text: 'Forms', size: 16, y: 600 },
        { text: 'The forms team shipped two releases.', y: 570 },
        { text: '1. Apply online', y: 540 },
        { text: '2. Wait for a reply', y: 526 },
      ]),
    ];
    expect(paragraphs(pages)).toEqual([
      '# Forms and more',
      'Year in review',
      '## Products',
      '### Forms',
      'The forms team shipped two releases.',
      '1. Apply online',
      '2. Wait for a reply',
    ]);
  });

  it('footnotes: small lines at the foot that open with a marker, cited as footnotes; a marker alone in the body is dropped', () => {
    const pages = [
      page([
        'Demos were attended by 1,324 public servants.',
        { text: '¹', size: 7, x: 300, y: 704 },
        { text: 'The survey had 244 respondents.', y: 650 },
        { text: '¹ Counted in FY 2023-2024.', size: 7, y: 90 },
        { text: '2 Based on the March survey.', size: 7, y: 80 },
      ]),
    ];
    expect(paragraphs(pages)).toEqual([
      'Demos were attended by 1,324 public servants.',
      'The survey had 244 respondents.',
      '[^¹]: Counted in FY 2023-2024.',
      '[^2]: Based on the March survey.',
    ]);
  });

  it('image credits and contents pages are not report text; the cover title is its largest text', () => {
    const cover = page([
      { text: 'Serving people better', size: 30 },
      { text: 'Annual Report', size: 12, y: 600 },
      { text: 'Photomontage: CDS', size: 8, y: 200 },
    ]);
    const contents = page([
      'Contents',
      'Executive summary ............ 3',
      'Budget ........................ 4',
      'Outlook ......................... 5',
      'Printed in Canada.',
    ]);
    const body = page([
      'The budget grew by four per cent over the year before.',
      { text: 'Source: Unsplash', size: 8, y: 300 },
      { text: 'Source: Statistics Canada, 2023', size: 8, y: 200 },
    ]);
    const laid = layoutPdf([cover, contents, body]);
    expect(laid.text.split('\n\n').filter(Boolean)).toEqual([
      '# Serving people better',
      'Annual Report',
      'Printed in Canada.',
      'The budget grew by four per cent over the year before.',
      'Source: Statistics Canada, 2023',
    ]);
  });
});
