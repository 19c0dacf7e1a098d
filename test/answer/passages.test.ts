import { describe, expect, it } from 'vitest';
import {
  answerItem,
  distinctParagraphs,
  nearestSections,
  ownSpan,
  pickQuotes,
  sectionLabel,
  withWhatFollows,
  withIntro,
  type RankedSentence,
} from '../../src/answer/passages.js';
import { buildQuote } from '../../src/answer/quote.js';
import { parseReport } from '../../src/corpus/parse.js';
import { splitSentences } from '../../src/corpus/sentences.js';
import type { ParsedReport } from '../../src/corpus/types.js';

const REPORT = parseReport(
  `# Harbor Town 2024 Report

Opening words of the report, before any section.

## Complaints

The town received 136 complaints. Staff resolved 125 of them within a month. A survey followed in May.

Of the 15 offices that received complaints, the following resolved all of them:

Parks office: 40 complaints resolved.

Roads office: 12 complaints resolved.

## Budget

The budget grew to 4 million dollars. The budget grew to 4 million dollars.
`,
  'harbor-2024.md',
);

const text = (r: ParsedReport, n: number): string => r.text.slice(r.paragraphs[n - 1]!.start, r.paragraphs[n - 1]!.end);
const paragraphOf = (needle: string, r = REPORT): number =>
  r.paragraphs.findIndex((_, i) => text(r, i + 1).includes(needle)) + 1;

/** Every sentence of paragraph `n`, ranked `score` each (the same unless given). */
function ranked(n: number, scores: number[] = [], r = REPORT): RankedSentence[] {
  const p = r.paragraphs[n - 1]!;
  const sentences = splitSentences(r.text.slice(p.start, p.end), p.start).map((s, i) => ({
    ...s,
    leansBack: false,
    isLead: false,
    score: scores[i] ?? 1,
  }));
  return sentences.map((s, index) => ({
    report: r,
    paragraph: n,
    sentences,
    index,
    score: s.score,
    coverage: scores[index] ?? 1,
    literal: 0,
  }));
}

const spanText = (span: { start: number; end: number }, r = REPORT): string => r.text.slice(span.start, span.end);

describe('ownSpan: what a top sentence is quoted with', () => {
  it('a table row whole, its cells read together, not the sentence of one cell', () => {
    const r = parseReport(
      '# R\n\n## Hiring\n\nCriterion | Status\n\nDays to final offer = 16 days | In progress. Time reduced from 67 days to 20 days.\n',
      'r.md',
    );
    const row = paragraphOf('Days to final', r);
    const first = ranked(row, [1, 0.1], r)[0]!;
    expect(first.sentences.length).toBeGreaterThan(1);
    expect(spanText(ownSpan(first), r)).toBe(
      'Days to final offer = 16 days | In progress. Time reduced from 67 days to 20 days.',
    );
  });

  it("a paragraph's sentences as selectSentences grows them", () => {
    const p = paragraphOf('136 complaints');
    expect(spanText(ownSpan(ranked(p, [1, 0.1, 0.1])[0]!))).toBe('The town received 136 complaints.');
  });
});

describe('pickQuotes: the best passages, each once', () => {
  it('grows a quote to a neighbour that scores nearly as well and skips sentences already quoted', () => {
    const complaints = paragraphOf('136 complaints');
    const [first, second, third] = ranked(complaints, [1, 0.9, 0.1]);
    const budget = ranked(paragraphOf('4 million'), [0.5, 0.1]);
    // The second sentence is inside the first quote; the third would grow back to it (0.9 ≥ 0.8 × 0.1).
    const picked = pickQuotes([first!, second!, third!, budget[0]!], 3);
    expect(picked.map((p) => spanText(p.span))).toEqual([
      'The town received 136 complaints. Staff resolved 125 of them within a month.',
      'The budget grew to 4 million dollars.',
    ]);
  });

  it('stops at the limit and quotes the same words only once', () => {
    const budget = ranked(paragraphOf('4 million'), [1, 0.1]);
    // Two sentences of identical words: one quote.
    expect(pickQuotes([budget[0]!, budget[1]!], 3)).toHaveLength(1);
    const complaints = ranked(paragraphOf('136 complaints'), [1, 0.1, 0.1]);
    expect(pickQuotes([complaints[0]!, complaints[2]!, budget[0]!], 1).map((p) => p.s)).toEqual([complaints[0]]);
    expect(pickQuotes([complaints[0]!, complaints[2]!, budget[0]!], 2).map((p) => p.s)).toEqual([
      complaints[0],
      complaints[2],
    ]);
  });

  it('two items of one list are one quote from its lead-in: the first grows to hold the second', () => {
    const parks = ranked(paragraphOf('Parks office'));
    const roads = ranked(paragraphOf('Roads office'));
    const budget = ranked(paragraphOf('4 million'), [0.5, 0.1]);
    expect(pickQuotes([parks[0]!, roads[0]!, budget[0]!], 3).map((p) => spanText(p.span))).toEqual([
      [
        'Of the 15 offices that received complaints, the following resolved all of them:',
        'Parks office: 40 complaints resolved.',
        'Roads office: 12 complaints resolved.',
      ].join('\n\n'),
      'The budget grew to 4 million dollars.',
    ]);
  });

  it('a quote that would overlap one already picked is skipped, in the same report only', () => {
    const complaints = ranked(paragraphOf('136 complaints'), [0.5, 1, 0.1]);
    // The second sentence alone (0.5 is below 0.8 × 1); the first then grows to it (1 ≥ 0.8 × 0.5): skipped.
    expect(pickQuotes([complaints[1]!, complaints[0]!], 3).map((p) => spanText(p.span))).toEqual([
      'Staff resolved 125 of them within a month.',
    ]);
    // The same offsets in another report are another passage.
    const other = parseReport(REPORT.text.replace('136 complaints', '137 complaints'), 'other-2024.md');
    const elsewhere = ranked(paragraphOf('137 complaints', other), [1, 0.1, 0.1], other);
    expect(pickQuotes([complaints[1]!, elsewhere[1]!], 3)).toHaveLength(2);
  });
});

describe('withWhatFollows: a list lead-in quotes with its first item', () => {
  const leadIn = paragraphOf('the following resolved');

  it('a span ending at the lead-in goes on to the first item', () => {
    const p = REPORT.paragraphs[leadIn - 1]!;
    const span = withWhatFollows(REPORT, leadIn, { start: p.start, end: p.end });
    expect(spanText(span)).toBe(
      'Of the 15 offices that received complaints, the following resolved all of them:\n\nParks office: 40 complaints resolved.',
    );
  });

  it('leaves a span that is not the end of a lead-in, and a lead-in with no items after it', () => {
    const complaints = paragraphOf('136 complaints');
    const p = REPORT.paragraphs[complaints - 1]!;
    expect(withWhatFollows(REPORT, complaints, { start: p.start, end: p.end })).toEqual({ start: p.start, end: p.end });
    const lead = REPORT.paragraphs[leadIn - 1]!;
    expect(withWhatFollows(REPORT, leadIn, { start: lead.start, end: lead.end - 1 })).toEqual({
      start: lead.start,
      end: lead.end - 1,
    });
    const last = REPORT.paragraphs.length;
    const end = REPORT.paragraphs[last - 1]!;
    expect(withWhatFollows(REPORT, last, { start: end.start, end: end.end })).toEqual({
      start: end.start,
      end: end.end,
    });
  });

  it('an item runs on to the item nested under it: a hypothesis to its verdict', () => {
    const md = parseReport(
      '# H\n\n1. Veterans will generally agree.\n\n    2. PARTLY TRUE: Only within subgroups.\n\n3. Veterans will agree on the least.\n',
      'n.md',
    );
    const n = paragraphOf('1. Veterans', md);
    const p = md.paragraphs[n - 1]!;
    const span = withWhatFollows(md, n, { start: p.start, end: p.end });
    expect(md.text.slice(span.start, span.end)).toBe(
      '1. Veterans will generally agree.\n\n    2. PARTLY TRUE: Only within subgroups.',
    );
    const last = paragraphOf('3. Veterans', md);
    const q = md.paragraphs[last - 1]!;
    expect(withWhatFollows(md, last, { start: q.start, end: q.end })).toEqual({ start: q.start, end: q.end });
  });

  it('not past 500 characters', () => {
    const lead =
      'These are the items that the office handled over the whole of the year, listed one by one with the figures of each:';
    const long = parseReport(`# T\n\n## S\n\n${lead}\n\n${'Item words here. '.repeat(23)}\n`, 'long.md');
    const n = paragraphOf('These are the items', long);
    const p = long.paragraphs[n - 1]!;
    expect(withWhatFollows(long, n, { start: p.start, end: p.end })).toEqual({ start: p.start, end: p.end });
    const short = parseReport(`# T\n\n## S\n\n${lead}\n\n${'Item words here. '.repeat(18)}\n`, 'short.md');
    const m = paragraphOf('These are the items', short);
    const q = short.paragraphs[m - 1]!;
    expect(withWhatFollows(short, m, { start: q.start, end: q.end }).end).toBe(short.paragraphs[m]!.end);
  });
});

describe('withIntro: a table row or list item quotes with what it is read with', () => {
  const TABLES = parseReport(
    `# T

## Tested

Table 5: Conformance of ICT tested in the past year

ICT Type | Agencies | Fully conform

Public web pages | 41 | 72%

Software | 24 | 47%

Total Authorized Best Meets Exceptions

979 | authorized from 8 agencies

417 | authorized from 8 components

Sixty agencies submitted data, comprising:

8 very large agencies

17 very small agencies
`,
    'tables.md',
  );
  const quoted = (needle: string, r = TABLES): string => {
    const n = paragraphOf(needle, r);
    const p = r.paragraphs[n - 1]!;
    return spanText(withIntro(r, n, { start: p.start, end: p.end }), r).replace(/\s+/g, ' ');
  };

  it('a row opens with its header row, the rows between it too: one span of the report', () => {
    expect(quoted('Public web pages')).toBe('ICT Type | Agencies | Fully conform Public web pages | 41 | 72%');
    expect(quoted('Software |')).toBe(
      'ICT Type | Agencies | Fully conform Public web pages | 41 | 72% Software | 24 | 47%',
    );
  });

  it("a table of figures opens with its label, a list's item with its lead-in", () => {
    expect(quoted('417 |')).toBe(
      'Total Authorized Best Meets Exceptions 979 | authorized from 8 agencies 417 | authorized from 8 components',
    );
    expect(quoted('17 very small')).toBe(
      'Sixty agencies submitted data, comprising: 8 very large agencies 17 very small agencies',
    );
  });

  it('a sub-item opens with the item it elaborates, and that with its lead-in when all fit', () => {
    const nested = parseReport(
      `# T\n\n## Partners\n\nWorking with partners across the GC:\n\n■ The team developed an integration plan with DTO\n\n❏ DTO team members onboarded\n\n## Awareness\n\n■ Canadian Armed Forces (CAF)\n\nMandated that Units replace their paid notification tool with GC Notify\n\n## Staff\n\nThe team grew to 200 people.\n`,
      'nested.md',
    );
    expect(quoted('❏ DTO', nested)).toBe(
      'Working with partners across the GC: ■ The team developed an integration plan with DTO ❏ DTO team members onboarded',
    );
    expect(quoted('Mandated', nested)).toBe(
      '■ Canadian Armed Forces (CAF) Mandated that Units replace their paid notification tool with GC Notify',
    );
  });

  /** A report with one section of `body`, then a section after it (a report's last lines are its signature). */
  const sectionThenStaff = (heading: string, body: string): ParsedReport =>
    parseReport(`# T\n\n## ${heading}\n\n${body}\n\n## Staff\n\nThe team grew to 200 people.\n`, 'signed.md');

  it('a bulleted line under a stat card opens with the card', () => {
    const cards = sectionThenStaff(
      'Feedback',
      '72% Overall satisfaction (February 2024 results)\n\n■ Centres receive higher satisfaction ratings',
    );
    expect(quoted('■ Centres', cards)).toBe(
      '72% Overall satisfaction (February 2024 results) ■ Centres receive higher satisfaction ratings',
    );
  });

  it('an attribution line is quoted with the quotation it signs', () => {
    const signed = sectionThenStaff(
      'Voices',
      '“The support team are rock stars.”\n\n— Program Manager, Veterans Affairs Canada',
    );
    expect(quoted('Program Manager', signed)).toBe(
      '“The support team are rock stars.” — Program Manager, Veterans Affairs Canada',
    );
  });

  it('a quotation and its attribution are read together past the 500 characters of other lead-ins', () => {
    const said = `“${'We moved quickly to deliver, strip through bureaucracy and take calculated risks. '.repeat(6).trim()}”`;
    const signed = sectionThenStaff('Voices', `${said}\n\n– IRS Commissioner Daniel Werfel, during a testimony`);
    expect(said.length).toBeGreaterThan(420);
    expect(quoted('– IRS Commissioner', signed)).toBe(`${said} – IRS Commissioner Daniel Werfel, during a testimony`);
  });

  it("a signature's title line is quoted with the name it is of", () => {
    const signed = sectionThenStaff(
      'Message',
      'Thank you for reading.\n\nPaul N. Wagner\n\nChief Executive Officer, Canadian Digital Service',
    );
    expect(quoted('Chief Executive Officer', signed)).toBe(
      'Paul N. Wagner Chief Executive Officer, Canadian Digital Service',
    );
    expect(quoted('The team grew', signed)).toBe('The team grew to 200 people.');
  });

  it('leaves any other paragraph, and a span that would pass 500 characters', () => {
    expect(quoted('136 complaints', REPORT)).toBe(text(REPORT, paragraphOf('136 complaints')));
    const rows = Array.from({ length: 30 }, (_, i) => `Row ${i} | ${i} | ${i}%`).join('\n\n');
    const long = parseReport(`# T\n\n## S\n\nItem | Count | Share\n\n${rows}\n`, 'long.md');
    expect(quoted('Row 1 |', long)).toBe('Item | Count | Share Row 0 | 0 | 0% Row 1 | 1 | 1%');
    expect(quoted('Row 29 |', long)).toBe('Row 29 | 29 | 29%');
  });
});

describe('withWhatFollows: a quotation quotes with who said it', () => {
  const QUOTED = parseReport(
    `# Impact

## Connectivity

The enhancements will streamline the process for every household.

– Cori Zarek, Deputy Administrator at the U.S. Digital Service

The program reached 23 million households.
`,
    'quoted.md',
  );
  const whole = (n: number) => ({ start: QUOTED.paragraphs[n - 1]!.start, end: QUOTED.paragraphs[n - 1]!.end });

  it('a paragraph followed by an attribution line runs on to it; any other stays as it is', () => {
    const n = paragraphOf('The enhancements', QUOTED);
    expect(spanText(withWhatFollows(QUOTED, n, whole(n)), QUOTED).replace(/\s+/g, ' ')).toBe(
      'The enhancements will streamline the process for every household. – Cori Zarek, Deputy Administrator at the U.S. Digital Service',
    );
    const m = paragraphOf('The program reached', QUOTED);
    expect(withWhatFollows(QUOTED, m, whole(m))).toEqual(whole(m));
  });
});

describe('citations and nearest sections', () => {
  it('a paragraph is cited by its section path, one outside any section as the Opening', () => {
    expect(sectionLabel(REPORT, paragraphOf('136 complaints'))).toBe('Complaints');
    expect(sectionLabel(REPORT, paragraphOf('Opening words'))).toBe('Opening');
  });

  it('an answer item carries the quote, the rounded score and the full citation', () => {
    const [s] = ranked(paragraphOf('136 complaints'), [0.12345]);
    const sentence = s!.sentences[0]!;
    const quote = buildQuote(REPORT.text, sentence.start, sentence.end, new Set(), () => true);
    expect(answerItem(s!, quote)).toEqual({
      quote,
      score: 0.123,
      citation: {
        reportId: REPORT.id,
        reportTitle: REPORT.meta.title,
        reportShortTitle: REPORT.meta.shortTitle,
        reportUrl: REPORT.meta.url,
        section: 'Complaints',
        paragraph: paragraphOf('136 complaints'),
        page: undefined,
      },
      sectionPath: ['Complaints'],
    });
  });

  it('nearest sections: distinct paragraphs that hold some word of the question, at most three', () => {
    const all = [
      ...ranked(paragraphOf('136 complaints'), [1, 1, 1]),
      ...ranked(paragraphOf('Parks office'), [0]),
      ...ranked(paragraphOf('Roads office')),
      ...ranked(paragraphOf('4 million')),
      ...ranked(paragraphOf('the following resolved')),
    ];
    expect(nearestSections(all)).toEqual([
      { reportId: REPORT.id, section: 'Complaints', paragraph: paragraphOf('136 complaints') },
      { reportId: REPORT.id, section: 'Complaints', paragraph: paragraphOf('Roads office') },
      { reportId: REPORT.id, section: 'Budget', paragraph: paragraphOf('4 million') },
    ]);
    expect(distinctParagraphs(all, 2).map((s) => s.paragraph)).toEqual([
      paragraphOf('136 complaints'),
      paragraphOf('Parks office'),
    ]);
  });
});
