import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport, reportIdFromFileName } from '../../src/corpus/parse.js';
import { introOf } from '../../src/corpus/lists.js';
import { REPO, REPORT_FILE, REPORT_TEXT } from '../helpers/fixtures.js';

describe('parseReport on the Zuoyun 2023 report', () => {
  const report = parseReport(REPORT_TEXT, REPORT_FILE);
  const textOf = (n: number): string =>
    REPORT_TEXT.slice(report.paragraphs[n - 1]!.start, report.paragraphs[n - 1]!.end);

  it('reads the header metadata the document states', () => {
    expect(report.id).toBe('zuoyun-2023-rule-of-law-report');
    expect(report.meta).toMatchObject({
      title:
        "The People's Government of Zuoyun County 2023 Annual Report on the Construction of a Rule of Law Government",
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
    const parts = report.paragraphs
      .filter((p) => p.role === 'heading' && p.section.length === 1)
      .map((p) => p.section[0]!.slice(0, 2));
    expect(parts).toEqual(['1 ', '2 ', '3 ', '4 ']);
    const part1Subsections = new Set(
      report.paragraphs
        .filter((p) => p.section[0]?.startsWith('1 ') && p.section.length >= 2)
        .map((p) => p.section[1]!.slice(0, 3)),
    );
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
    expect(report.paragraphs.some((p) => p.section[2]?.startsWith('The second is the institutionalization'))).toBe(
      true,
    );
    const part4 = report.paragraphs.filter((p) => p.section[0]?.startsWith('4 ') && p.role === 'body');
    expect(part4.map((p) => p.section[1]!.slice(0, 3))).toEqual(['(1)', '(2)', '(3)', '(4)']);
  });

  it('marks the closing signature and labels the lines that describe the report', () => {
    expect(report.paragraphs.slice(-3).map((p) => [p.role, p.section.join(' › ')])).toEqual([
      ['signature', 'Report signature › Signed by'],
      ['signature', 'Report signature › Date signed'],
      ['signature', 'Report signature › Release note'],
    ]);
    expect(report.paragraphs.slice(0, 9).map((p) => p.section.at(-1))).toEqual([
      'Index number',
      'Information classification',
      'Issued by (issuer)',
      'Date of issue',
      'Title',
      'Document number',
      'Title',
      'Date published',
      'Addressed to',
    ]);
  });
});

describe('parseReport on other layouts', () => {
  it('reads Markdown headings as the section path', () => {
    const md =
      '# Annual Report 2024\n\nIssued by: Test County\n\n## Results\n\n### Courts\n\nThere were 7 cases.\nAll were heard.\n\n## Plans\n\nMore courts.';
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

describe('parseReport: layouts of other reports', () => {
  const text = (r: ReturnType<typeof parseReport>, n: number): string =>
    r.text.slice(r.paragraphs[n - 1]!.start, r.paragraphs[n - 1]!.end);
  const roleOf = (r: ReturnType<typeof parseReport>, start: string): string | undefined =>
    r.paragraphs.find((p) => r.text.slice(p.start, p.end).startsWith(start))?.role;

  it('a line opening with a figure, a percentage or a dotted number is no part heading', () => {
    const r = parseReport(
      'Impact Report\n1. Veterans\n18.25 million Veterans now use one login\n50.2% of customers were satisfied\n1.1.1 Non-text Content\n2. Parents\nNew parents apply online.\n',
      'plain.txt',
    );
    expect(r.paragraphs.filter((p) => p.role === 'heading').map((p) => p.section.at(-1))).toEqual([
      '1 Veterans',
      '2 Parents',
    ]);
    expect(roleOf(r, '18.25 million')).toBe('body');
    expect(roleOf(r, '50.2%')).toBe('body');
    expect(roleOf(r, '1.1.1 Non-text')).toBe('body');
    expect(r.paragraphs.find((p) => text(r, p.n).startsWith('1.1.1'))!.section).toEqual(['1 Veterans']);
  });

  it('a numbered paragraph that ends like a sentence is a paragraph, whatever its length', () => {
    const r = parseReport(
      'Policy Address\n1. Governance\n20. The HKSAR will prepare for the election.\n21. It will also review the rules:\nThey apply next year.\n',
      'plain.txt',
    );
    expect(r.paragraphs.map((p) => p.role)).toEqual(['title', 'heading', 'body', 'body', 'body']);
    expect(r.paragraphs[2]!.section).toEqual(['1 Governance']);
  });

  it('an unnumbered label inside a numbered part heads what follows it; a figure, a list item or a list of names does not', () => {
    const r = parseReport(
      [
        'Impact Report',
        '1. Veterans',
        'Health and Benefits mobile app',
        '2.14 million app downloads',
        '4.8-star rating',
        'Customer support: one team, one dream',
        'Trained representatives handled 38,600 interactions.',
        'Agencies we partnered with',
        'Internal Revenue Service',
        'Social Security Administration',
        'Forms help people to',
        'apply for benefits,',
        'Internal Revenue Service',
        '(1) Challenge',
        'Taxes take nine hours.',
      ].join('\n'),
      'plain.txt',
    );
    expect(r.paragraphs.filter((p) => p.role === 'heading').map((p) => p.section.at(-1))).toEqual([
      '1 Veterans',
      'Health and Benefits mobile app',
      'Customer support: one team, one dream',
      '(1) Challenge',
    ]);
    expect(r.paragraphs.find((p) => text(r, p.n) === '4.8-star rating')!.section).toEqual([
      '1 Veterans',
      'Health and Benefits mobile app',
    ]);
    expect(roleOf(r, 'Agencies we partnered with')).toBe('body'); // a list of names follows
    expect(roleOf(r, 'Forms help people to')).toBe('body'); // a list item follows, not a label's text
    expect(roleOf(r, 'Internal Revenue Service')).toBe('body'); // a numbered heading follows
    expect(r.paragraphs.at(-1)!.section).toEqual(['1 Veterans', '(1) Challenge']);
    // Before the first part (a title, a cover line) and in a report without numbered parts, no label.
    expect(parseReport('Report\nCover Story\nWe grew.\n', 'plain.txt').paragraphs.map((p) => p.role)).toEqual([
      'title',
      'body',
      'body',
    ]);
  });

  it('a numbered note alone on its line is no subsection', () => {
    const r = parseReport(
      'Annual Report\n1. Growth\nWe grew.\n(1) 1,324 public servants attended a demo in FY 2023-2024.\n',
      'plain.txt',
    );
    expect(r.paragraphs.map((p) => p.role)).toEqual(['title', 'heading', 'body', 'body']);
    expect(r.paragraphs[3]!.section).toEqual(['1 Growth']);
  });

  it('the "First, …" item rule applies only where a report has a series of items', () => {
    const prose = parseReport(
      'Assessment\n1. Methods\nFirst, the team created an index.\nThe index has five levels.\n',
      'plain.txt',
    );
    expect(prose.paragraphs.slice(1).map((p) => p.section)).toEqual([['1 Methods'], ['1 Methods'], ['1 Methods']]);
    const items = parseReport(
      'Work Report\n1. Work\nFirst, build roads. They opened.\nSecond, train judges. They passed.\n',
      'plain.txt',
    );
    expect(items.paragraphs[3]!.section).toEqual(['1 Work', 'Second, train judges']);
  });

  it('a list of "First, …" items under a lead-in is an outline, not the labels of what follows (a speech\'s)', () => {
    const speech = parseReport(
      'Speech\n\n1. Thank you, Madam Chairman.\n\n4. I will cover three main areas in my speech:\n\n- First, what we are doing to help litigants;\n\n' +
        '- Second, how we are improving the Family Justice system; and\n\n- Third, what we are doing to help law practices.\n\n' +
        '5. The enhanced scheme will serve up to 6,000 accused persons each year.\n',
      'speech.md',
    );
    expect(speech.paragraphs.slice(2).map((p) => [p.role, p.section])).toEqual(Array(5).fill(['body', []]));
    // The same items with no lead-in over them label their paragraphs, as a report's parts.
    const parts = parseReport(
      'Work Report\n1. Work\nWe did this.\nFirst, build roads. They opened.\nSecond, train judges. They passed.\n',
      'plain.txt',
    );
    expect(parts.paragraphs[4]!.section).toEqual(['1 Work', 'Second, train judges']);
  });

  it('a Markdown report with headings keeps its own structure: no numbering or item rules, no "#" in what is cited', () => {
    const md =
      '# Policy Address\n\n## Chapter I\n\n4. The address rests on two pillars.\n\n(A) Safety first:\n\nFirst, the team created an index.\n';
    const r = parseReport(md, 'address.md');
    expect(r.paragraphs.map((p) => [p.role, text(r, p.n)])).toEqual([
      ['title', 'Policy Address'],
      ['heading', 'Chapter I'],
      ['body', '4. The address rests on two pillars.'],
      ['body', '(A) Safety first:'],
      ['body', 'First, the team created an index.'],
    ]);
    expect(r.paragraphs.slice(2).every((p) => p.section.join() === 'Chapter I')).toBe(true);
  });

  it("a Markdown title's cover lines, before the first section, describe the document; so do their repeats", () => {
    const md =
      '# Aligning our efforts\n\nAgency │ Annual Report (Fiscal Year 2023-2024)\n\n## Aligning our efforts\n\nISSN: 2818-4122\n\n' +
      '## Executive summary\n\nWe built things.\n\nAgency │ Annual Report (Fiscal Year 2023-2024)\n';
    const r = parseReport(md, 'cds.md');
    expect(r.paragraphs.map((p) => [p.role, text(r, p.n)])).toEqual([
      ['title', 'Aligning our efforts'],
      ['metadata', 'Agency │ Annual Report (Fiscal Year 2023-2024)'],
      ['title', 'Aligning our efforts'],
      ['metadata', 'ISSN: 2818-4122'],
      ['heading', 'Executive summary'],
      ['body', 'We built things.'],
      ['metadata', 'Agency │ Annual Report (Fiscal Year 2023-2024)'],
    ]);
    // The first is its subtitle (its years are the report's when the title names none).
    expect(r.meta.subtitle).toBe('Agency │ Annual Report (Fiscal Year 2023-2024)');
    // The issuer's postal address among them is its own field.
    const addressed = parseReport(
      '# Report\n\nCanadian Digital Service\n\n1725 Woodward Drive\n\nOttawa, ON K2C 0P9\n\nISSN: 1\n\n## Part\n\nText.\n',
      'r.md',
    );
    expect(addressed.paragraphs.map((p) => p.section.at(-1))).toEqual([
      'Title',
      'Subtitle',
      'Address',
      'Address',
      'Subtitle',
      'Part',
      'Part',
    ]);
    expect(addressed.meta.address).toBe('1725 Woodward Drive');
    // A sentence under the title is the report's text.
    const letter = parseReport('# Report\n\nWe built things.\n\n## Part\n\nMore.\n', 'r.md');
    expect(letter.paragraphs[1]!.role).toBe('body');
  });

  it('a Markdown footnote is quotable and cited as a footnote of its section, never a section of what follows', () => {
    const md =
      '# Report\n\n## Awareness\n\n67 departments use the platform.\n\n[^1]: Counted in March 2024.\n\nDemos were popular.\n';
    const r = parseReport(md, 'r.md');
    expect(r.paragraphs.map((p) => [p.role, text(r, p.n), p.section.join(' › ')])).toEqual([
      ['title', 'Report', 'Report header › Title'],
      ['heading', 'Awareness', 'Awareness'],
      ['body', '67 departments use the platform.', 'Awareness'],
      ['body', 'Counted in March 2024.', 'Awareness › Footnote 1'],
      ['body', 'Demos were popular.', 'Awareness'],
    ]);
    // Footnotes written one line after another are one footnote each (seen in the Federal Data Strategy's pages).
    const run = parseReport('# Report\n\n## Notes\n\n[^1]: See the memo.\n[^2]: See the plan.\n', 'r.md');
    expect(run.paragraphs.slice(2).map((p) => [text(run, p.n), p.section.join(' › ')])).toEqual([
      ['See the memo.', 'Notes › Footnote 1'],
      ['See the plan.', 'Notes › Footnote 2'],
    ]);
  });

  it("a letter's closing formula is its signature, wherever the letter ends", () => {
    const r = parseReport(
      '# Assessment\n\n## Message\n\nWe thank all agencies.\n\nRespectfully submitted, Edward C. Forst Administrator\n\n## Summary\n\nScores rose.\n',
      'a.md',
    );
    const signed = r.paragraphs.find((p) => r.text.slice(p.start, p.end).startsWith('Respectfully'))!;
    expect([signed.role, signed.section]).toEqual(['signature', ['Report signature', 'Signed by']]);
    expect(r.meta.signature).toBe('Edward C. Forst Administrator');
  });

  it('a letter inside a report is signed by the short lines it ends on, before the next section', () => {
    const letter =
      '# Report to Congress\n\n## Letter from the Administrator\n\nThis report details our progress.\n\nMikey Dickerson  \nAdministrator, U.S. Digital Service\n\n## High Priority Projects\n\nWe helped agencies.\n';
    const r = parseReport(letter, 'usds.md');
    const signed = r.paragraphs.find((p) => r.text.slice(p.start, p.end).startsWith('Mikey'))!;
    expect([signed.role, signed.section]).toEqual(['signature', ['Report signature', 'Signed by']]);
    expect(r.meta.signature).toContain('Mikey Dickerson');
    // The report's own signature stays the report's signer.
    const both = parseReport(`${letter}\nJane Roe\n\nDirector of Programs\n`, 'usds.md');
    expect(both.meta.signature).toBe('Director of Programs');
    // Another section's closing short line is its text: only a letter or a message is signed.
    const other = letter.replace('Letter from the Administrator', 'Our progress');
    const parsed = parseReport(other, 'usds.md');
    expect(parsed.paragraphs.find((p) => parsed.text.slice(p.start, p.end).startsWith('Mikey'))!.role).toBe('body');
  });

  it('a closing formula alone on its line is signed by the lines after it; a report signed so ends with its own text', () => {
    const text =
      '1. A note from our Administrator\nWe thank our partners.\nSincerely,\nMina Hsiang\nAdministrator, The U.S. Digital Service\n2. By the numbers\n2+ million hours of worker time saved\n';
    const r = parseReport(text, 'usds.txt');
    const role = (start: string): string =>
      r.paragraphs.find((p) => r.text.slice(p.start, p.end).startsWith(start))!.role;
    expect(['Sincerely', 'Mina', 'Administrator,'].map(role)).toEqual(['signature', 'signature', 'signature']);
    expect(r.meta.signature).toBe('Mina Hsiang');
    expect(role('2+ million')).toBe('body'); // a figure is the report's text, never its signature
  });

  it("a closing list and the lines under the last heading are that section's text, no signature", () => {
    const roles = (text: string, name: string): string[] => parseReport(text, name).paragraphs.map((p) => p.role);
    // USDS Fall 2017, "Modernizing Health Data Access with APIs": it ends with its highlights.
    const highlights =
      '### The Solution\n\nUSDS is providing support.\n\n### Highlights\n\n- The Medicare Claims API includes three years of claims data\n- Data sets include information for 53 million Medicare beneficiaries\n';
    expect(roles(highlights, 'b.md')).toEqual(['heading', 'body', 'heading', 'body', 'body']);
    const list = 'We did things.\n\n- Faster claims\n- Fewer forms\n';
    expect(roles(list, 'l.md')).toEqual(['body', 'body', 'body']);
    expect(roles('## Letter\n\nWe did things.\n\nMatt Cutts\nActing Administrator\n', 'm.md').at(-1)).toBe('signature');
  });

  it('a back cover repeating the cover is no signature', () => {
    const text =
      'Aligning our efforts\nAgency Annual Report (Fiscal Year 2023-2024)\nExecutive summary\nWe built things.\nSubscribe to our newsletter\nAgency Annual Report (Fiscal Year 2023-2024)\n';
    const r = parseReport(text, 'cds.txt');
    const last = r.paragraphs.at(-1)!;
    expect(r.text.slice(last.start, last.end)).toBe('Agency Annual Report (Fiscal Year 2023-2024)');
    expect(last.role).toBe('body');
    expect(r.meta.signature).toBeUndefined();
  });

  it('finds exactly the headings of the GSA assessment that its source marks', () => {
    const source = readFileSync(join(REPO, 'test/fixtures/reports/gsa-fy2025-section-508-assessment.md'), 'utf8');
    const r = parseReport(source, 'gsa-fy2025-section-508-assessment.md');
    const marked = source
      .split('\n')
      .filter((l) => /^#{2,6} /.test(l))
      .map((l) => l.replace(/^#+ /, ''));
    expect(r.paragraphs.filter((p) => p.role === 'heading').map((p) => text(r, p.n))).toEqual(marked);
    expect(r.paragraphs.filter((p) => p.role === 'title').map((p) => text(r, p.n))).toEqual([
      'FY 2025 Governmentwide Section 508 Assessment',
    ]);
  });
});

describe('introOf: lists and tables', () => {
  const md =
    '# R\n\n## Complaints\n\nOf the 15 agencies that received complaints:\n\n136 complaints were reported.\n\n11 agencies resolved all.\n\nTable 5: Conformance\n\nICT Type | Agencies | Tested\n\nWeb Pages | 41 | 37%\n\nSoftware | 27 | 5%\n';
  const r = parseReport(md, 'r.md');
  const n = (start: string): number => r.paragraphs.find((p) => md.slice(p.start, p.end).startsWith(start))!.n;

  it('gives a list item its lead-in and a table row its header row', () => {
    expect(introOf(r, n('136 complaints'))).toBe(n('Of the 15'));
    expect(introOf(r, n('11 agencies'))).toBe(n('Of the 15'));
    expect(introOf(r, n('Software'))).toBe(n('ICT Type'));
    expect(introOf(r, n('Web Pages'))).toBe(n('ICT Type'));
  });

  it('gives a header row its caption, and nothing to a lead-in', () => {
    expect(introOf(r, n('ICT Type'))).toBe(n('Table 5'));
    expect(introOf(r, n('Of the 15'))).toBeUndefined();
  });
});

describe('parseReport: Markdown list items', () => {
  const md =
    '# R\n\n## Summary\n\nIn quarter 3 we:\n\n* moved 20 websites to GOV.UK\n* ran the Sprint Alpha event\nto share what was learned\n- adopted open standards\n\nSteps:\n\n1. assess\n2. build\n\nRevenue grew in\n2015. The next year it fell.\n';
  const r = parseReport(md, 'r.md');
  const texts = r.paragraphs.map((p) => md.slice(p.start, p.end));

  it('reads each item of a list as a paragraph of its own, its lead-in introducing it', () => {
    // (Without their marks: a reader sees bullets.)
    expect(texts).toContain('moved 20 websites to GOV.UK');
    expect(texts).toContain('ran the Sprint Alpha event\nto share what was learned');
    expect(texts).toContain('adopted open standards');
    expect(texts).toContain('1. assess');
    expect(texts).toContain('2. build');
    const n = (t: string): number => texts.indexOf(t) + 1;
    expect(introOf(r, n('adopted open standards'))).toBe(n('In quarter 3 we:'));
    expect(introOf(r, n('2. build'))).toBe(n('Steps:'));
  });

  it("a list's only item is quoted without its mark (Treasury's dated log: one update under a month)", () => {
    const log =
      '# R\n\n## Recent updates\n\n### October 2025\n\n- The period of performance ended on September 30, 2025.\n';
    const one = parseReport(log, 'r.md');
    expect(one.paragraphs.map((p) => log.slice(p.start, p.end))).toContain(
      'The period of performance ended on September 30, 2025.',
    );
  });

  it("a lone starred line keeps its star (a note's, not a bullet)", () => {
    const note = '# R\n\n## Data\n\nWeb Pages | 41* | 37%\n\n* denotes an updated total as of July 2026.\n';
    const lone = parseReport(note, 'r.md');
    expect(lone.paragraphs.map((p) => note.slice(p.start, p.end))).toContain(
      '* denotes an updated total as of July 2026.',
    );
  });

  it('a number opening a line of prose starts no item', () => {
    expect(texts).toContain('Revenue grew in\n2015. The next year it fell.');
  });
});

describe('parseReport: the trailing signature block', () => {
  const signed = (before: string): ReturnType<typeof parseReport> =>
    parseReport(
      `1. Work\nThe county did many things this year.\n${before}\nZuoyun County People's Government\n2024-01-16\n(This document is released publicly)\n`,
      'z.txt',
    );
  const roleOf = (r: ReturnType<typeof parseReport>, start: string): [string, string[]] => {
    const p = r.paragraphs.find((x) => r.text.slice(x.start, x.end).startsWith(start))!;
    return [p.role, p.section];
  };

  it('issuer, date and release note after the last paragraph: each labelled, the issuer and date kept', () => {
    const r = signed('Office of Rule of Law');
    expect(roleOf(r, 'Office of Rule')).toEqual(['signature', ['Report signature', 'Signed by']]);
    expect(roleOf(r, 'Zuoyun County')).toEqual(['signature', ['Report signature', 'Signed by']]);
    expect(roleOf(r, '2024-01-16')).toEqual(['signature', ['Report signature', 'Date signed']]);
    expect(roleOf(r, '(This document')).toEqual(['signature', ['Report signature', 'Release note']]);
    // Read from the end: the last issuer line and date are the signature's.
    expect([r.meta.signature, r.meta.signedDate]).toEqual(["Zuoyun County People's Government", '2024-01-16']);
    expect(roleOf(r, 'The county did')[0]).toBe('body');
  });

  it('a sentence, a long line, a table row or a figure ends the block: it is the report’s text', () => {
    for (const text of [
      'The work goes on.',
      `A line that is far too long to be an issuer or a date, ${'words '.repeat(10)}and so on without a stop`,
      'Cases | 13 | 74',
      '2+ million hours saved',
    ]) {
      const r = signed(text);
      expect(roleOf(r, text.slice(0, 12))[0]).toBe('body');
      expect(roleOf(r, 'Zuoyun County')[0]).toBe('signature');
    }
    // A date in words is a date line too.
    const worded = parseReport('1. Work\nThe county did many things.\nThe Mayor\nJanuary 16, 2024\n', 'w.txt');
    expect(roleOf(worded, 'January 16')).toEqual(['signature', ['Report signature', 'Date signed']]);
    expect(worded.meta.signedDate).toBe('January 16, 2024');
  });
});

describe('parseReport: ids, offsets and header fields', () => {
  it('a report id is the file name without its folder and last extension, lower case, [a-z0-9-] only', () => {
    expect(reportIdFromFileName('/srv/reports/Zuoyun 2023 Report.PDF')).toBe('zuoyun-2023-report');
    expect(reportIdFromFileName('C:\\reports\\--GSA__FY.2025--.md')).toBe('gsa-fy-2025');
    expect(reportIdFromFileName('年报.txt')).toBe('report');
    expect(reportIdFromFileName('plain')).toBe('plain');
  });

  it('a paragraph spans its text without the indentation and trailing spaces of its lines', () => {
    const text = '# T\n\n   Indented first line\n   and its second line   \n\nNext.\n';
    const r = parseReport(text, 'o.md');
    const p = r.paragraphs.find((x) => x.role === 'body')!;
    expect(r.text.slice(p.start, p.end)).toBe('Indented first line\n   and its second line');
    // In a text report every line is a paragraph of its own.
    const plain = parseReport('  one line  \n  two line  \n', 'o.txt');
    expect(plain.paragraphs.map((x) => plain.text.slice(x.start, x.end))).toEqual(['one line', 'two line']);
  });

  it('a Markdown heading is cited without its marks, closing marks included', () => {
    const r = parseReport('# Title #\n\n## Budget ##\n\nThe budget grew.\n', 'h.md');
    const heading = r.paragraphs.find((x) => x.role === 'heading')!;
    expect(r.text.slice(heading.start, heading.end)).toBe('Budget');
    expect(r.meta.title).toBe('Title');
    expect(r.paragraphs.find((x) => x.role === 'body')!.section).toEqual(['Budget']);
  });

  it('header fields by their labels, any case, a full-width colon too; an unknown label is text', () => {
    const r = parseReport(
      'Index number: 123-45\nDOCUMENT NO.：Zuo 2024 No. 3\nDate of issue: 2024-01-16\nColour: blue\nReport title line\n1. Work\nDone.\n',
      'f.txt',
    );
    expect([r.meta.indexNumber, r.meta.documentNumber, r.meta.date]).toEqual([
      '123-45',
      'Zuo 2024 No. 3',
      '2024-01-16',
    ]);
    expect(r.paragraphs.slice(0, 3).map((p) => p.section.at(-1))).toEqual([
      'Index number',
      'Document number',
      'Date of issue',
    ]);
    expect(r.paragraphs[3]!.role).not.toBe('metadata');
  });
});
