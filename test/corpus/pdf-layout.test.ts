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
/** A line placed at height `y`, with any other of its properties. */
const at = (text: string, y: number, more: Partial<PdfLine> = {}): Partial<PdfLine> & { text: string } => ({
  text,
  y,
  ...more,
});
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

  it('a marker set after a paragraph’s last line is read there, as the reader sees it', () => {
    const pages = [
      page([
        { text: 'Increase in the number of public servants who attended', x: 142, y: 591, size: 12 },
        { text: 'a product demo in FY 2023-2024', x: 142, y: 577, size: 12 },
        { text: '(1)', x: 366, y: 581, size: 7 },
        { text: 'The survey had 244 respondents.', x: 72, y: 500 },
      ]),
    ];
    expect(paragraphs(pages)).toEqual([
      'Increase in the number of public servants who attended a product demo in FY 2023-2024 (1)',
      'The survey had 244 respondents.',
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

describe('PDF layout: a figure set on its own reads with its label', () => {
  const body = 'The assessment asked every agency about the tests it ran during the year.';
  const big = (text: string, y: number, x = 72): Partial<PdfLine> & { text: string } => at(text, y, { x, size: 24 });
  const small = (text: string, y: number, x = 72): Partial<PdfLine> & { text: string } => at(text, y, { x, size: 11 });

  it('a label below the figure follows it', () => {
    expect(
      paragraphs([page([small(body, 600), big('42%', 500), small('of agencies tested their pages', 470)])]),
    ).toEqual([body, '42% of agencies tested their pages']);
  });

  it('a label beside the figure follows it', () => {
    expect(paragraphs([page([small(body, 600), big('17', 500), small('new offices opened', 505, 200)])])).toEqual([
      body,
      '17 new offices opened',
    ]);
  });

  it('a short label above the figure, with nothing below it, comes first', () => {
    expect(paragraphs([page([small(body, 600), small('Complaints resolved', 520), big('125', 500)])])).toEqual([
      body,
      'Complaints resolved 125',
    ]);
  });

  it('a page that puts its labels above its figures pairs each label with the figure under it', () => {
    const pagePairs = page([
      small(body, 700),
      small('Agencies that responded', 620),
      big('60', 600),
      small('Agencies that did not respond', 570),
      big('43', 550),
    ]);
    expect(paragraphs([pagePairs])).toEqual([body, 'Agencies that responded 60', 'Agencies that did not respond 43']);
  });

  it('a sentence above is no label, a label on another page is not paired, and a figure alone stays as it is', () => {
    expect(paragraphs([page([small('Agencies tested their pages.', 520), big('125', 500)])])).toEqual([
      'Agencies tested their pages.',
      '125',
    ]);
    expect(paragraphs([page([small(body, 600), big('99', 300)]), page([small('pages tested', 690)])])).toEqual([
      body,
      '99',
      'pages tested',
    ]);
    // Too far below to be its label (more than two and a half figure sizes).
    expect(
      paragraphs([page([small(body, 600), big('42%', 500), small('of agencies tested their pages', 400)])]),
    ).toEqual([body, '42%', 'of agencies tested their pages']);
  });
});

describe('PDF layout: lines into paragraphs', () => {
  const long = 'The office handled many requests from residents of every township during the whole year and';

  it('lines a line apart join; more than 1.75 lines apart, or set further in, start a paragraph', () => {
    expect(paragraphs([page([at(long, 600), at('then some more.', 586)])])).toEqual([`${long} then some more.`]);
    expect(paragraphs([page([at(long, 600), at('then some more.', 580.75)])])).toEqual([`${long} then some more.`]);
    expect(paragraphs([page([at(long, 600), at('then some more.', 580)])])).toEqual([long, 'then some more.']);
    expect(paragraphs([page([at(long, 600), at('then some more.', 586, { x: 72 + 17 })])])).toEqual([
      long,
      'then some more.',
    ]);
    expect(paragraphs([page([at(long, 600), at('then some more.', 586, { x: 72 + 16 })])])).toEqual([
      `${long} then some more.`,
    ]);
  });

  it('a sentence broken off at the foot of a column runs on at the head of the next', () => {
    const foot = [at(long, 120), at('Since the launch, over 20% of users are', 106)];
    const head = (text: string) => at(text, 480, { x: 316 });
    expect(paragraphs([page([...foot, head('using the new dashboard.')])])).toEqual([
      `${long} Since the launch, over 20% of users are using the new dashboard.`,
    ]);
    // A column that opens a sentence, or follows a finished one, starts a paragraph.
    expect(paragraphs([page([...foot, head('Using the new dashboard.')])])).toEqual([
      `${long} Since the launch, over 20% of users are`,
      'Using the new dashboard.',
    ]);
    expect(paragraphs([page([at(long, 120), at('Since the launch, users came.', 106), head('using it.')])])).toEqual([
      `${long} Since the launch, users came.`,
      'using it.',
    ]);
  });

  it('a bullet opens a block and its wrapped text, set in after the bullet, stays with it', () => {
    const lines = [
      at(long, 600),
      at('• the first item of the list that runs on', 586),
      at('to a second line.', 572, { x: 72 + 10 }),
      at('• the second item.', 558),
    ];
    expect(paragraphs([page(lines)])).toEqual([
      long,
      '• the first item of the list that runs on to a second line.',
      '• the second item.',
    ]);
    // Set in further than three sizes: not its text.
    const far = [at('• the first item of the list that runs on', 586), at('to a second line.', 572, { x: 72 + 34 })];
    expect(paragraphs([page(far)])).toEqual(['• the first item of the list that runs on', 'to a second line.']);
  });

  it('a line ending in a comma runs on into a slightly smaller one; other size changes start a block', () => {
    const signed = [at('Paul N. Wagner,', 600), at('CEO, Canadian Digital Service', 586, { size: 9.5 })];
    expect(paragraphs([page([at(long, 640), ...signed])])).toEqual([
      long,
      'Paul N. Wagner, CEO, Canadian Digital Service',
    ]);
    const smaller = [at('Paul N. Wagner', 600), at('CEO, Canadian Digital Service', 586, { size: 9.5 })];
    expect(paragraphs([page([at(long, 640), ...smaller])])).toEqual([
      long,
      'Paul N. Wagner',
      'CEO, Canadian Digital Service',
    ]);
    expect(paragraphs([page([at(long, 640), at('Paul N. Wagner', 600), at('Service', 586, { size: 11.5 })])])).toEqual([
      long,
      'Paul N. Wagner Service',
    ]);
  });

  it('a short line ending a sentence closes its paragraph', () => {
    const lines = [at(long, 600), at('the end.', 586), at('A new paragraph starts here.', 572)];
    expect(paragraphs([page(lines)])).toEqual([`${long} the end.`, 'A new paragraph starts here.']);
    const full = [at(long, 600), at(`${long.slice(0, -4)}.`, 586), at('and runs on.', 572)];
    expect(paragraphs([page(full)])).toEqual([`${long} ${long.slice(0, -4)}. and runs on.`]);
  });

  it('Chinese lines join without a space; a dash after a word runs on', () => {
    expect(paragraphs([page([at('左云县人民政府加强法治政府建设', 600), at('取得明显成效。', 586)])])).toEqual([
      '左云县人民政府加强法治政府建设取得明显成效。',
    ]);
    expect(paragraphs([page([at('In the years 2023–', 600), at('2024 the county grew.', 586)])])).toEqual([
      'In the years 2023–2024 the county grew.',
    ]);
  });
});

describe('PDF layout: heading levels', () => {
  const text = 'The office handled many requests from residents of every township during the year.';

  it('larger sizes are higher levels; a numbered line at body size sits below them by its depth', () => {
    const lines = [
      at(text, 700),
      at('Services', 660, { size: 18 }),
      at(text, 630),
      at('Libraries', 600, { size: 14 }),
      at(text, 570),
      at('2.1 Opening hours', 540),
      at(text, 520),
      at('2.1.1 Weekends', 500),
      at(text, 480),
    ];
    // A title given: the largest line of the first page is not taken for the cover's.
    expect(layoutPdf([page(lines)], { title: 'T' }).text).toBe(
      `# T\n\n${text}\n\n## Services\n\n${text}\n\n### Libraries\n\n${text}\n\n##### 2.1 Opening hours\n\n${text}\n\n###### 2.1.1 Weekends\n\n${text}\n\n`,
    );
  });

  it('the outline decides the level of what it lists; a heading with nothing under it is text', () => {
    const lines = [
      at(text, 700),
      at('Opening hours', 660, { size: 14 }),
      at(text, 630),
      at('Closing', 600, { size: 14 }),
    ];
    const laid = layoutPdf([page(lines)], { title: 'T', outline: [{ title: 'Opening hours:', depth: 1 }] });
    expect(laid.text).toBe(`# T\n\n${text}\n\n### Opening hours\n\n${text}\n\nClosing\n\n`);
  });

  it('a line opening with a figure, a sentence, or a long block is no heading', () => {
    const lines = [
      at(text, 700),
      at('18.25 million Veterans served', 660, { size: 14 }),
      at(text, 630),
      at('Services grew.', 600, { size: 14 }),
      at(text, 570),
    ];
    expect(layoutPdf([page(lines)], { title: 'T' }).text).toBe(
      `# T\n\n${text}\n\n18.25 million Veterans served\n\n${text}\n\nServices grew.\n\n${text}\n\n`,
    );
  });
});
