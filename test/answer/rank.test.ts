import { describe, expect, it } from 'vitest';
import { analyzeQuestion } from '../../src/answer/question.js';
import { definitionAt, paragraphNumbered, SentenceRanker } from '../../src/answer/rank.js';
import { ReportFacts } from '../../src/answer/report-facts.js';
import { chunkReport } from '../../src/corpus/chunk.js';
import { parseReport } from '../../src/corpus/parse.js';
import { CorpusIndex } from '../../src/search/corpus-index.js';

const REPORT = `# Riverside County 2024 Report

Date of issue: 2025-01-17

## Libraries

The county opened 4 new public libraries. Reading rooms stay open late. This report was issued on 2025-02-01 to every library in the county.

## Oversight

OMB does stand for thrift. The Office of Management and Budget (OMB) reviewed the libraries' budget.

Sincerely,

Ann Lee

Director, Riverside County Libraries
`;

function setup(): { ranker: SentenceRanker; index: CorpusIndex; all: Set<number> } {
  const index = new CorpusIndex();
  const r = parseReport(REPORT, 'riverside-2024.md');
  index.addReport(r, chunkReport(r));
  const facts = new ReportFacts(index, (text) => text.match(/\b[A-Z][a-z]+\b/g) ?? []);
  const all = new Set(Array.from({ length: index.chunkCount }, (_, i) => i));
  return { ranker: new SentenceRanker(index, facts), index, all };
}
const textOf = (s: { report: { text: string }; sentences: { start: number; end: number }[]; index: number }): string =>
  s.report.text.slice(s.sentences[s.index]!.start, s.sentences[s.index]!.end);

describe('SentenceRanker', () => {
  it('ranks every sentence of the candidates’ paragraphs, best first, never a heading nor a header line', () => {
    const { ranker, all } = setup();
    const ranked = ranker.rank(analyzeQuestion('How many libraries did the county open?'), all, new Map());
    expect(textOf(ranked[0]!)).toBe('The county opened 4 new public libraries.');
    expect(ranked.map(textOf)).not.toContain('Libraries');
    expect(ranked.map(textOf).some((t) => t.startsWith('Date of issue'))).toBe(false);
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score);
  });

  it('ranks a heading written as a sentence, a finding, as an answer (a research report states its findings so)', () => {
    const index = new CorpusIndex();
    const r = parseReport(
      '# Findings\n\n## Additional insights\n\n### Many Veterans are skeptical about whether calling will help.\n\n> I am scared of a phone call. - P7\n\n### Spotlight boxes\n\nSome stopped scrolling.\n',
      'va.md',
    );
    index.addReport(r, chunkReport(r));
    const ranker = new SentenceRanker(index, new ReportFacts(index, () => []));
    const all = new Set(Array.from({ length: index.chunkCount }, (_, i) => i));
    const ranked = ranker.rank(analyzeQuestion('are veterans skeptical of calling?'), all, new Map()).map(textOf);
    expect(ranked[0]).toBe('Many Veterans are skeptical about whether calling will help.');
    expect(ranker.rank(analyzeQuestion('what about spotlight boxes?'), all, new Map()).map(textOf)).not.toContain(
      'Spotlight boxes',
    );
  });

  it('ranks a signature for a question asking who holds an office, not for any other', () => {
    const { ranker, all } = setup();
    const who = ranker.rank(analyzeQuestion('who is the director of the county libraries?'), all, new Map());
    expect(who.map(textOf).some((t) => t.includes('Director, Riverside County Libraries'))).toBe(true);
    const what = ranker.rank(analyzeQuestion('what do the county libraries do?'), all, new Map());
    expect(what.map(textOf).some((t) => t.includes('Director, Riverside County Libraries'))).toBe(false);
  });

  it('puts the header line a question about the document asks for first, whatever its words', () => {
    const { ranker, all } = setup();
    const q = analyzeQuestion('When was this report issued?');
    expect(q.documentFields[0]).toBe('date');
    const ranked = ranker.withLineAsked(q, ranker.rank(q, all, new Map()), new Map(), undefined, 'riverside-2024');
    expect(textOf(ranked[0]!)).toContain('2025-01-17');
    expect(ranked[0]!.field).toBe(true);
  });

  it('puts the sentence defining an abbreviation first, not one only using it', () => {
    const { ranker, all } = setup();
    const q = analyzeQuestion('What does OMB stand for?');
    const ranked = ranker.withDefinition(q, 'OMB', ranker.rank(q, all, new Map()), new Map(), undefined);
    expect(textOf(ranked[0]!)).toContain('(OMB)');
  });

  it('puts the line asked for first only in the report meant, when it is known', () => {
    const { ranker, all } = setup();
    const q = analyzeQuestion('When was this report issued?');
    const ranked = ranker.rank(q, all, new Map());
    expect(ranker.withLineAsked(q, ranked, new Map(), undefined, undefined)).toBe(ranked);
    expect(ranker.withLineAsked(q, ranked, new Map(), undefined, 'riverside-2024')[0]!.field).toBe(true);
    // An abbreviation's definition is looked for in every candidate report.
    const omb = analyzeQuestion('What does OMB stand for?');
    const defined = ranker.withLineAsked(omb, ranker.rank(omb, all, new Map()), new Map(), undefined, undefined);
    expect(textOf(defined[0]!)).toContain('(OMB)');
  });

  it('knows "this report" as the one candidate report with the line asked for', () => {
    const { ranker, all } = setup();
    const q = analyzeQuestion('When was this report issued?');
    expect(ranker.onlyReportWithField(q, ranker.rank(q, all, new Map()))).toBe('riverside-2024');
  });
});

describe('a paragraph asked for by its number', () => {
  const NUMBERED = `# Riverside Address 2025

## Housing

1. We will build homes.

2. We will repair roads.

3. We will open libraries near the river.
`;
  const numbered = parseReport(NUMBERED, 'riverside-address.md');

  it('is the one the report numbers so, where it numbers its paragraphs, else the citations’ ¶', () => {
    const k = paragraphNumbered(numbered, 2)!;
    expect(numbered.text.slice(numbered.paragraphs[k - 1]!.start, numbered.paragraphs[k - 1]!.end)).toBe(
      '2. We will repair roads.',
    );
    expect(paragraphNumbered(numbered, 4)).toBeUndefined(); // numbered, but no 4
    const plain = parseReport(REPORT, 'riverside-2024.md');
    expect(paragraphNumbered(plain, 4)).toBe(4);
    expect(paragraphNumbered(plain, 3)).toBeUndefined(); // a heading: never quoted, cited by no ¶
    expect(paragraphNumbered(plain, 999)).toBeUndefined();
  });

  it('leads, whatever its words, and is judged as the line asked for', () => {
    const index = new CorpusIndex();
    index.addReport(numbered, chunkReport(numbered));
    const ranker = new SentenceRanker(index, new ReportFacts(index, () => []));
    const all = new Set(Array.from({ length: index.chunkCount }, (_, i) => i));
    const q = analyzeQuestion('what does paragraph 2 say about libraries near the river?');
    expect(q.paragraphAsked).toBe(2);
    const plainly = ranker.rank(q, all, new Map());
    expect(textOf(plainly[0]!)).toContain('libraries'); // by its words alone, the libraries' paragraph
    const ranked = ranker.withLineAsked(q, plainly, new Map(), undefined, 'riverside-address');
    expect(textOf(ranked[0]!)).toBe('2. We will repair roads.');
    expect(ranked[0]!.field).toBe(true);
  });
});

describe('definitionAt', () => {
  it('finds where a text defines an abbreviation, not where it only uses it', () => {
    const text = 'OMB met. The Office of Management and Budget (OMB) reviewed it.';
    expect(definitionAt(text, 'OMB')).toBe(text.indexOf('(OMB)'));
    expect(definitionAt('OMB met. OMB (again) reviewed it.', 'OMB')).toBeUndefined();
  });
});
