import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/corpus/parse.js';
import { REPORT_FILE, REPORT_TEXT } from '../helpers/fixtures.js';

describe('parseReport on the Zuoyun 2023 report', () => {
  const report = parseReport(REPORT_TEXT, REPORT_FILE);
  const textOf = (n: number): string => REPORT_TEXT.slice(report.paragraphs[n - 1]!.start, report.paragraphs[n - 1]!.end);

  it('reads the header metadata the document states', () => {
    expect(report.id).toBe('zuoyun-2023-rule-of-law-report');
    expect(report.meta).toMatchObject({
      title: "The People's Government of Zuoyun County 2023 Annual Report on the Construction of a Rule of Law Government",
      issuer: "People's Government of Zuoyun County",
      date: '2024-01-17 16:09',
      documentNumber: 'ZZF [2024] No. 2',
      indexNumber: '035211000/2024-00051',
      addressee: "Datong Municipal People's Government",
      signedDate: 'January 16, 2024',
      signature: "People's Government of Zuoyun County",
    });
  });

  it('finds the four numbered parts and their subsections', () => {
    const parts = report.paragraphs.filter((p) => p.role === 'heading' && p.section.length === 1).map((p) => p.section[0]!.slice(0, 2));
    expect(parts).toEqual(['1 ', '2 ', '3 ', '4 ']);
    const part1Subsections = new Set(report.paragraphs.filter((p) => p.section[0]?.startsWith('1 ') && p.section.length >= 2).map((p) => p.section[1]!.slice(0, 3)));
    expect([...part1Subsections]).toEqual(['(1)', '(2)', '(3)', '(4)', '(5)']);
  });

  it('puts the "13 administrative cases" sentence under 1 › (3) › Sixth', () => {
    const p = report.paragraphs.find((x) => textOf(x.n).includes('13 administrative cases'))!;
    expect(p.role).toBe('body');
    expect(p.section[0]).toMatch(/^1 Main Measures/);
    expect(p.section[1]).toMatch(/^\(3\) The system of administration by law/);
    expect(p.section[2]).toBe('Sixth, consciously accept supervision');
  });

  it('keeps a continuation paragraph under the item before it and numbers every paragraph', () => {
    const p = report.paragraphs.find((x) => textOf(x.n).startsWith('Respect the effective judgment'))!;
    expect(p.section[2]).toBe('Sixth, consciously accept supervision');
    expect(report.paragraphs.map((x) => x.n)).toEqual(report.paragraphs.map((_, i) => i + 1));
    expect(report.paragraphs.every((x) => x.section.length > 0 || x.role === 'body')).toBe(true);
  });

  it('recognises "The second is …" items and part 4 subsections with bodies', () => {
    expect(report.paragraphs.some((p) => p.section[2]?.startsWith('The second is the institutionalization'))).toBe(true);
    const part4 = report.paragraphs.filter((p) => p.section[0]?.startsWith('4 ') && p.role === 'body');
    expect(part4.map((p) => p.section[1]!.slice(0, 3))).toEqual(['(1)', '(2)', '(3)', '(4)']);
  });

  it('marks the closing signature and labels the lines that describe the report', () => {
    expect(report.paragraphs.slice(-3).map((p) => [p.role, p.section.join(' › ')])).toEqual([
      ['signature', 'Report signature › Signed by'],
      ['signature', 'Report signature › Date signed'],
      ['signature', 'Report signature › Release note'],
    ]);
    expect(report.paragraphs.slice(0, 9).map((p) => p.section.at(-1))).toEqual(['Index number', 'Information classification', 'Issued by (issuer)', 'Date of issue', 'Title', 'Document number', 'Title', 'Date published', 'Addressed to']);
  });
});

describe('parseReport on other layouts', () => {
  it('reads Markdown headings as the section path', () => {
    const md = '# Annual Report 2024\n\nIssued by: Test County\n\n## Results\n\n### Courts\n\nThere were 7 cases.\nAll were heard.\n\n## Plans\n\nMore courts.';
    const r = parseReport(md, 'test-2024.md');
    expect(r.meta.title).toBe('Annual Report 2024');
    expect(r.meta.issuer).toBe('Test County');
    const body = r.paragraphs.filter((p) => p.role === 'body');
    expect(body.map((p) => [md.slice(p.start, p.end), p.section])).toEqual([
      ['There were 7 cases.\nAll were heard.', ['Results', 'Courts']],
      ['More courts.', ['Plans']],
    ]);
  });

  it('ingests a report without recognisable structure as plain paragraphs', () => {
    const text = 'The county built roads this year.\nIt also opened two schools.\n';
    const r = parseReport(text, 'plain.txt');
    expect(r.paragraphs.map((p) => p.role)).toEqual(['body', 'body']);
    expect(r.paragraphs.every((p) => p.section.length === 0)).toBe(true);
  });
});
