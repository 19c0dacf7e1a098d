import { describe, expect, it } from 'vitest';
import { namedByLeads, paragraphEvidence, titleFactsOf, titleFrequency } from '../../src/answer/evidence.js';
import { acronymPairs } from '../../src/search/acronym-terms.js';
import { parseReport } from '../../src/corpus/parse.js';
import { tokenize } from '../../src/search/tokenize.js';

const REPORT = parseReport(
  `Index number: 123-45

Date of issue: 2024-03-01

# Harbor Town 2024 Report

## Staffing

Program managers (PMs) lead each office. Each PM reports twice a year.

Table 2: Offices by size

Office | Staff | Budget

Parks | 12 | 3 million

## Next steps

The town will hire more full-time equivalents (FTEs) in 2025.
`,
  'harbor-2024.md',
);

const text = (n: number): string => REPORT.text.slice(REPORT.paragraphs[n - 1]!.start, REPORT.paragraphs[n - 1]!.end);
const paragraphOf = (needle: string): number => REPORT.paragraphs.findIndex((_, i) => text(i + 1).includes(needle)) + 1;
const terms = (s: string): Set<string> => new Set(tokenize(s));

describe('paragraphEvidence', () => {
  const pairs = acronymPairs(REPORT.text);

  it('a body paragraph: its sentences with their terms, the paragraph terms, the section path as heading terms', () => {
    const n = paragraphOf('Program managers');
    const e = paragraphEvidence(REPORT, n, pairs);
    expect(e.sentences.map((s) => s.text)).toEqual([
      'Program managers (PMs) lead each office.',
      'Each PM reports twice a year.',
    ]);
    expect(e.sentences[1]!.terms).toEqual(tokenize('Each PM reports twice a year.'));
    expect(e.sentences[1]!.termSet).toEqual(
      new Set([...tokenize('Each PM reports twice a year.'), ...tokenize('program managers')]),
    );
    // In order, an abbreviation is followed by its long form: "Program managers" stand side by side for a phrase.
    expect(e.sentences[1]!.spelledOut).toEqual(tokenize('Each PM program managers reports twice a year.'));
    expect(e.sentences[0]!.start).toBe(REPORT.paragraphs[n - 1]!.start);
    expect(e.terms).toEqual(new Set([...e.sentences[0]!.terms, ...e.sentences[1]!.terms]));
    expect(e.headingTerms).toEqual(terms('Staffing'));
    expect(e.forwardLooking).toBe(false);
  });

  it('a header line counts its label as its own words; a table row reads its header row and caption as headings', () => {
    const date = paragraphEvidence(REPORT, paragraphOf('2024-03-01'), pairs);
    const label = REPORT.paragraphs[paragraphOf('2024-03-01') - 1]!.section;
    expect(label.at(-1)).toBe('Date of issue');
    expect(date.sentences[0]!.terms).toEqual([
      ...tokenize(text(paragraphOf('2024-03-01'))),
      ...tokenize(label.join(' ')),
    ]);
    const row = paragraphEvidence(REPORT, paragraphOf('Parks |'), pairs);
    // Its column headers say what its cells are: its own words; the caption, like a heading, is its context.
    expect(row.sentences[0]!.terms).toEqual(tokenize('Parks | 12 | 3 million Office | Staff | Budget'));
    expect(row.headingTerms).toEqual(terms('Staffing Table 2: Offices by size Office | Staff | Budget'));
  });

  it('a demonstrative speaks of the name an earlier paragraph of its section gives its noun, without leaning on it', () => {
    const report = parseReport(
      '# T\n\n## Bets\n\nWe funded our Fair Roads project.\n\nThe problem is real.\n\n' +
        'We did not proceed with this project.\n\n## Other\n\nWe paused this project too.\n',
      'bets.md',
    );
    const at = (start: string): number =>
      report.paragraphs.findIndex((p) => report.text.slice(p.start, p.end).startsWith(start)) + 1;
    const proceed = paragraphEvidence(report, at('We did not'), []).sentences[0]!;
    expect(proceed.terms).toEqual([...tokenize('We did not proceed with this project.'), ...tokenize('Roads Fair')]);
    expect(proceed.pointsBack).toBe(false);
    // Another section's name is not its own.
    expect(paragraphEvidence(report, at('We paused'), []).sentences[0]!.terms).toEqual(
      tokenize('We paused this project too.'),
    );
  });

  it("a stat card and the bulleted lines under it are each other's paragraph", () => {
    const cards = parseReport(
      '# T\n\n## Feedback\n\n72% Overall satisfaction\n\n■ Centres rate higher than other channels\n\n## Staff\n\nThe team grew.\n',
      'cards.md',
    );
    const at = (start: string): number =>
      cards.paragraphs.findIndex((p) => cards.text.slice(p.start, p.end).startsWith(start)) + 1;
    expect([...paragraphEvidence(cards, at('72%'), []).terms]).toEqual(
      expect.arrayContaining(tokenize('centres channels')),
    );
    expect([...paragraphEvidence(cards, at('■'), []).terms]).toEqual(expect.arrayContaining(tokenize('satisfaction')));
  });

  it("a run-in heading's words are its paragraph's later sentences' too", () => {
    const wins = parseReport(
      '# T\n\n## Wins\n\nBenefits Locator Tool - We launched a web app. It is now owned by USA.gov.\n',
      'wins.md',
    );
    const e = paragraphEvidence(wins, wins.paragraphs.length, []);
    expect(e.sentences[1]!.terms).toEqual([
      ...tokenize('It is now owned by USA.gov.'),
      ...tokenize('Benefits Locator Tool'),
    ]);
    expect(e.sentences[0]!.terms).toEqual(tokenize('Benefits Locator Tool - We launched a web app.'));
  });

  it("a tally's item is read with its lead-in's words as its own, as a row with its header", () => {
    const tally = parseReport('## Who we talked to\n\nGender:\n* Male: 7\n* Female: 3\n', 'tally.md');
    const n = tally.paragraphs.findIndex((p) => tally.text.slice(p.start, p.end) === 'Female: 3') + 1;
    expect(paragraphEvidence(tally, n, []).sentences[0]!.terms).toEqual(tokenize('Female: 3 Gender:'));
  });

  it('a heading is read on its own words; a path of several headings gives each', () => {
    const heading = REPORT.paragraphs.findIndex((p) => p.role === 'heading') + 1;
    expect(heading).toBeGreaterThan(0);
    expect(paragraphEvidence(REPORT, heading, pairs).sentences[0]!.terms).toEqual(tokenize(text(heading)));
    const nested = parseReport('# T\n\n## Roads office\n\n### Night work\n\nCrews worked at night.\n', 'nested.md');
    const n = nested.paragraphs.findIndex((p) => p.role === 'body') + 1;
    expect(paragraphEvidence(nested, n, []).headingTerms).toEqual(terms('Roads office Night work'));
  });

  it("a letter's first person is the one who signs it: the signature's name and title are the sentence's words", () => {
    const letter = parseReport(
      `U.S. Digital Service 2024 Impact Report

1. A note from our Administrator
Our work has spanned 31 agencies.
I have been here for six of the nearly ten transformational years and have seen the changes.
Sincerely,
Mina Hsiang
Administrator, The U.S. Digital Service

2. For the people
We deliver services. I was not in Part I.
`,
      'usds.txt',
      'text',
    );
    const at = (needle: string): number =>
      letter.paragraphs.findIndex((p) => letter.text.slice(p.start, p.end).includes(needle)) + 1;
    const [here] = paragraphEvidence(letter, at('I have been here'), []).sentences;
    expect(here!.terms).toEqual(expect.arrayContaining(tokenize('Mina Hsiang Administrator')));
    expect(here!.terms).not.toContain('sincer');
    // No "I" in the sentence, or no signature after its section: no one's words.
    expect(paragraphEvidence(letter, at('spanned'), []).sentences[0]!.terms).not.toContain('hsiang');
    expect(paragraphEvidence(letter, at('Part I'), []).sentences[1]!.terms).not.toContain('hsiang');
  });

  it('a section about what is to come is forward-looking', () => {
    expect(paragraphEvidence(REPORT, paragraphOf('will hire'), pairs).forwardLooking).toBe(true);
  });
});

describe('title facts', () => {
  const names = (t: string): string[] =>
    t.match(/\b[A-Z][a-z]+\b/g)?.filter((w) => w !== 'Report' && w !== 'Town') ?? [];

  it('the title’s names say whom the report is about; its own names (title, short title, issuer) of 3+ letters', () => {
    const report = {
      ...REPORT,
      meta: {
        ...REPORT.meta,
        title: 'Harbor Town 2024 Report',
        shortTitle: 'Harborview Xy',
        issuer: 'Oakfield Office',
      },
    };
    const facts = titleFactsOf(report, names);
    expect(facts.text).toBe(`Harbor Town 2024 Report ${REPORT.meta.date ?? ''} ${REPORT.id}`);
    expect(facts.terms).toEqual(terms(facts.text));
    expect(facts.names).toEqual(terms('Harbor'));
    // "Xy" has two letters: not a name a question would call it by.
    expect(facts.ownNames).toEqual(terms('Harbor Harborview Oakfield Office'));
    const bare = titleFactsOf(
      { ...report, meta: { ...report.meta, shortTitle: undefined, issuer: undefined, date: undefined } },
      names,
    );
    expect(bare.ownNames).toEqual(terms('Harbor'));
    expect(bare.text).toBe(`Harbor Town 2024 Report  ${REPORT.id}`);
  });

  it('counts the titles holding each term, once per title', () => {
    const titled = (title: string) => ({ ...REPORT, meta: { ...REPORT.meta, title } });
    const counts = titleFrequency([titled('County report county'), titled('City report')]);
    expect(Object.fromEntries(counts)).toEqual(
      Object.fromEntries([
        [tokenize('county')[0], 1],
        [tokenize('report')[0], 2],
        [tokenize('city')[0], 1],
      ]),
    );
  });
});

describe('namedByLeads: the bodies the sections around a paragraph open by naming', () => {
  const AGENCIES = parseReport(
    `# Impact

## Serving Veterans

The Department of Veterans Affairs

The Department of Veterans Affairs (VA) serves 18 million Veterans.

### Mobile app

960,400 monthly active users

## Testing tools

Centers for Disease Control and Prevention

### Solution

Report Stream routes test results to the Centers for Disease Control and Prevention (CDC).

## Social Security

The SSA site has 180 million visitors.

### By the numbers

99% uptime

## Client experience

Our teams worked with the Department of Veterans Affairs and the Social Security Administration (SSA).

### Labs

The labs site has 10,000 visitors.
`,
    'impact.md',
  );
  const pairs = acronymPairs(AGENCIES.text);
  const at = (needle: string): number =>
    AGENCIES.paragraphs.findIndex((p) => AGENCIES.text.slice(p.start, p.end).includes(needle)) + 1;
  const named = (needle: string): string[] => namedByLeads(AGENCIES, at(needle), pairs);

  it("a chapter's lead names the body its sections' figures are of, written out or abbreviated", () => {
    expect(named('960,400')).toContain('va');
    // "Centers for Disease Control and Prevention" is the CDC, though the abbreviation leaves out its last word.
    expect(named('Report Stream')).toContain(tokenize('CDC')[0]);
    // …and a paragraph's heading terms hold it, for ranking and judging alike.
    expect(paragraphEvidence(AGENCIES, at('960,400'), pairs).headingTerms.has('va')).toBe(true);
  });

  it('a list item stands under the bodies its lead-in names, for ranking', () => {
    const LIST = parseReport(
      `# Quarterly report

The Government Digital Service (GDS) runs the strategy.

Departments hire their own staff.

Alongside this, GDS is consulting on a programme of work, including:

- direct advice and support on recruitment processes
- guidance on best practice

## Transformations

The exemplar services moved on in the quarter, and the next report will say how far.
`,
      'quarter.md',
    );
    const listPairs = acronymPairs(LIST.text);
    const item = LIST.paragraphs.findIndex((p) => LIST.text.slice(p.start, p.end).includes('recruitment')) + 1;
    expect(paragraphEvidence(LIST, item, listPairs).headingTerms.has(tokenize('GDS')[0]!)).toBe(true);
    const after = LIST.paragraphs.findIndex((p) => LIST.text.slice(p.start, p.end).includes('hire')) + 1;
    expect(paragraphEvidence(LIST, after, listPairs).headingTerms.has(tokenize('GDS')[0]!)).toBe(false);
  });

  it("a paragraph beside the lead, a sibling chapter's lead or a chapter's opening sentences name nothing here", () => {
    expect(named('The Department of Veterans Affairs (VA)')).toEqual([]);
    expect(named('99% uptime')).not.toContain('va');
    // An opening sentence names a body by the abbreviation it writes, not by one it only spells out.
    expect(named('99% uptime')).toContain('ssa');
    expect(named('The labs site')).toEqual(['ssa']);
  });
});
