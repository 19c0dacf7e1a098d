import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnswerEngine } from '../../src/answer/engine.js';
import { toJson } from '../../src/answer/format.js';
import { docxToReportText, zipActualSize, zipInflatedSize } from '../../src/corpus/formats/docx.js';
import { pdfToReportText } from '../../src/corpus/formats/pdf.js';
import { ingest } from '../../src/ingest.js';
import { IndexStore } from '../../src/search/store.js';
import { loadIndex } from '../../src/search/load-index.js';
import { HTML_PAGE as PAGE, lyingDocx, makeDocx, makePdf, type PdfText } from '../helpers/documents.js';
import { tempDir } from '../helpers/fixtures.js';

const PDF_PAGES = [
  [
    'Hill County 2024 Library Report',
    '1. Libraries',
    'In 2024 the county opened 4 new public libra-',
    'ries and lent 52000 books to readers in every',
    'township.',
  ],
  ['2. Reading rooms', 'Reading rooms in the town centre now stay open', 'until midnight on weekdays.'],
];

describe('report formats', () => {
  it('PDF: lines rejoined, hyphenation repaired, running header and page numbers dropped, pages kept', async () => {
    const { text, pageStarts } = await pdfToReportText(
      new Uint8Array(makePdf(PDF_PAGES, 'Hill County Library Report 2024')),
      'r.pdf',
    );
    expect(text).toBe(
      'Hill County 2024 Library Report\n\n## 1. Libraries\n\nIn 2024 the county opened 4 new public libraries and lent 52000 books to readers in every township.\n\n## 2. Reading rooms\n\nReading rooms in the town centre now stay open until midnight on weekdays.\n\n',
    );
    expect(pageStarts).toEqual([0, text.indexOf('## 2. Reading rooms')]);
  });

  it('PDF as a reader sees it: title, headings by size, contents page, figures with labels, footnotes, credits, hyphens (a hand-made reading)', async () => {
    const pages: PdfText[][] = [
      [
        { text: 'Hill County Digital Service', size: 28 },
        { text: 'Annual Report 2024', size: 28 },
        { text: 'Cover image: Freepik; Photomontage: HCDS', size: 8, y: 120 },
      ],
      [
        { text: 'Table of contents', size: 20 },
        'Message from the director ................................ 3',
        'The service by the numbers ............................. 4',
        'Budget ....................................................... 4',
      ],
      [
        { text: 'Message from the director', size: 20 },
        'This year we built web-',
        'based forms that deliver high-',
        'quality public ser-',
        'vices to people in FY 2023-',
        '2024, and the tools got better.',
        { text: 'Photomontage: HCDS', size: 8, y: 200 },
      ],
      [
        { text: 'The service by the numbers', size: 20 },
        { text: '67', size: 24, x: 72, y: 600 },
        { text: 'Federal departments use our platform', x: 140, y: 604 },
        { text: '(1)', size: 7, x: 400, y: 608 },
        { text: '18%', size: 24, x: 72, y: 540 },
        { text: 'Of public servants have used a product', x: 140, y: 544 },
        { text: 'Budget', size: 20, y: 480 },
        { text: 'Salary', y: 440 },
        { text: '$17,170,932', size: 16, y: 420 },
        { text: 'Operations', y: 390 },
        { text: '$2,133,558', size: 16, y: 370 },
        { text: '(1) Counted at the end of March 2024.', size: 7, y: 90 },
      ],
    ];
    // The dictionary knows "services"; the report prints "web-based" and "high-quality" only broken at a line's end.
    const isWord = (w: string): boolean => ['services', 'quality', 'high', 'web', 'based'].includes(w);
    const { text, pageStarts } = await pdfToReportText(
      new Uint8Array(makePdf(pages, 'Hill County Digital Service Annual Report', { firstPageNumber: false })),
      'r.pdf',
      isWord,
    );
    // What a reader of these pages reads, paragraph by paragraph.
    expect(text.split('\n\n').filter(Boolean)).toEqual([
      '# Hill County Digital Service Annual Report 2024',
      '## Message from the director',
      'This year we built web-based forms that deliver high-quality public services to people in FY 2023-2024, and the tools got better.',
      '## The service by the numbers',
      '67 Federal departments use our platform (1)',
      '18% Of public servants have used a product',
      '## Budget',
      'Salary $17,170,932',
      'Operations $2,133,558',
      '[^1]: Counted at the end of March 2024.',
    ]);
    expect(pageStarts).toEqual([
      0,
      text.indexOf('## Message'),
      text.indexOf('## Message'),
      text.indexOf('## The service'),
    ]);
  });

  it("PDF: the metadata title and the outline are the document's own; a figure in the body is no page number", async () => {
    const pages: PdfText[][] = [
      [
        'Summary',
        'The county answered 12 requests in the first week of the year.',
        { text: '12', y: 300 },
        { text: '2.1 Staff', y: 250 },
        'Four people worked on the service this year.',
      ],
      ['Outlook', 'Next year the county will open a second office.'],
    ];
    const { text } = await pdfToReportText(
      new Uint8Array(
        makePdf(pages, '', {
          title: 'Hill County Service Review 2024',
          outline: [
            { title: 'Summary', page: 1 },
            { title: 'Outlook', page: 2 },
          ],
          firstPageNumber: 5,
        }),
      ),
      'r.pdf',
    );
    expect(text.split('\n\n').filter(Boolean)).toEqual([
      '# Hill County Service Review 2024',
      '## Summary',
      'The county answered 12 requests in the first week of the year.',
      '12',
      '### 2.1 Staff',
      'Four people worked on the service this year.',
      '## Outlook',
      'Next year the county will open a second office.',
    ]);
  });

  it('a PDF without a text layer, a damaged file and a zip bomb are named and skipped', async () => {
    await expect(pdfToReportText(new Uint8Array(makePdf([[]])), 'scan.pdf')).rejects.toThrow(
      'scan.pdf: has no text layer (a scanned PDF?)',
    );
    await expect(pdfToReportText(new Uint8Array(Buffer.from('%PDF-1.4 garbage')), 'bad.pdf')).rejects.toThrow(
      /bad\.pdf: is not a readable PDF/,
    );
    // A directory claiming 3 GB of content, in a few hundred bytes.
    const bomb = makeDocx(['x']);
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    const eocd = bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    view.setUint32(view.getUint32(eocd + 16, true) + 24, 0xbfffffff, true);
    expect(zipInflatedSize(new Uint8Array(bomb))).toBeGreaterThan(3e9);
  });

  it('a .docx whose directory lies about its sizes is refused by counting what really inflates', async () => {
    const liar = lyingDocx();
    expect(zipInflatedSize(new Uint8Array(liar))).toBeLessThan(10_000);
    expect(zipActualSize(new Uint8Array(liar), 24 * 1048576)).toMatch(/inflates past 24 MB/);
    await expect(docxToReportText(new Uint8Array(liar), 'liar.docx')).rejects.toThrow(
      /liar\.docx: inflates past 24 MB; refused as a possible zip bomb/,
    );
    expect(zipActualSize(new Uint8Array(makeDocx(['# Roads', 'Text.'])), 24 * 1048576)).toBeGreaterThan(500);
  });

  it('HTML, PDF and Word reports ingest beside text ones and are quoted verbatim with a citation (a page for PDF)', async () => {
    const corpusDir = tempDir();
    const dataDir = tempDir();
    writeFileSync(join(corpusDir, 'water.html'), PAGE);
    writeFileSync(join(corpusDir, 'library.pdf'), makePdf(PDF_PAGES, 'Hill County Library Report 2024'));
    writeFileSync(
      join(corpusDir, 'roads.docx'),
      makeDocx([
        '# Vale County 2024 Roads Report',
        '## 1. Roads',
        'The county paved 120 kilometres of village roads in 2024.',
        '## 2. Bridges',
        'Three old bridges were repaired and reopened to traffic.',
      ]),
    );
    writeFileSync(join(corpusDir, 'scan.pdf'), makePdf([[]]));
    const summary = await ingest({ corpusDir, dataDir });
    expect(summary.added.sort()).toEqual(['library', 'roads', 'water']);
    expect(summary.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^scan\.pdf: has no text layer/)]);
    const { index } = loadIndex(new IndexStore(dataDir))!;
    const engine = new AnswerEngine(index);
    const ask = async (q: string) => toJson(await engine.answer(q, 1)).answers[0];
    const pdf = await ask('How many books did the libraries lend?');
    expect(pdf!.quote).toContain('lent 52000 books');
    expect(pdf!.citation).toMatchObject({ reportId: 'library', page: 1, section: '1. Libraries' });
    expect((await ask('How late are reading rooms open?'))!.citation).toMatchObject({ page: 2 });
    const word = await ask('How many kilometres of village roads were paved?');
    expect(word!.quote).toBe('The county paved 120 kilometres of village roads in 2024.');
    expect(word!.citation).toMatchObject({ reportTitle: 'Vale County 2024 Roads Report', section: '1. Roads' });
    expect(word!.citation.page).toBeUndefined();
    const html = await ask('How many drinking water samples were tested?');
    expect(html!.citation).toMatchObject({
      reportTitle: 'Riverside County 2024 Water Report',
      section: '1. Drinking water',
    });
    for (const report of index.reports.values())
      for (const p of report.paragraphs) expect(report.text.slice(p.start, p.end).trim()).not.toBe('');
  });
});
