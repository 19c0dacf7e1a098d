import { describe, expect, it, vi } from 'vitest';
import { analyzeQuestion } from '../../src/answer/question.js';
import { ReportFacts } from '../../src/answer/report-facts.js';
import { chunkReport } from '../../src/corpus/chunk.js';
import { parseReport } from '../../src/corpus/parse.js';
import { CorpusIndex } from '../../src/search/corpus-index.js';

const RIVERSIDE = `# Riverside County 2024 Report

The county opened 4 new public libraries. The libraries lent books.

The county rebuilt nine kilometres of road.
`;
const HILLTOP = `# Hilltop City 2023 Report

The city planted 300 trees along the river.
`;

function facts(...texts: [string, string][]): { facts: ReportFacts; index: CorpusIndex } {
  const index = new CorpusIndex();
  for (const [text, file] of texts) {
    const r = parseReport(text, file);
    index.addReport(r, chunkReport(r));
  }
  // Capitalised words as names: enough for titles here (the engine passes QueryVocabulary.names).
  const namesOf = (text: string): string[] => text.match(/\b[A-Z][a-z]+\b/g) ?? [];
  return { facts: new ReportFacts(index, namesOf), index };
}

describe('ReportFacts', () => {
  it('weighs a word by its rarity within one report, and a word the report lacks the most', () => {
    const { facts: f } = facts([RIVERSIDE, 'riverside-2024.md'], [HILLTOP, 'hilltop-2023.md']);
    const w = f.weightsIn('riverside-2024');
    expect(w.termWeight('librari')).toBeGreaterThan(w.termWeight('counti'));
    expect(w.termWeight('tree')).toBeGreaterThan(w.termWeight('librari'));
    // "tree" is in the other report only: within this one it is absent, as rare as can be.
    expect(w.termWeight('tree')).toBe(w.termWeight('unheardof'));
  });

  it('finds the one report a question names by its title, only among several', () => {
    const two = facts([RIVERSIDE, 'riverside-2024.md'], [HILLTOP, 'hilltop-2023.md']).facts;
    expect(two.namedBy(analyzeQuestion('How many trees did Hilltop plant?'))).toBe('hilltop-2023');
    expect(two.namedBy(analyzeQuestion('How many trees were planted?'))).toBeUndefined();
    const one = facts([RIVERSIDE, 'riverside-2024.md']).facts;
    expect(one.namedBy(analyzeQuestion('How many libraries did Riverside open?'))).toBeUndefined();
  });

  it('finds the one report whose subject is of the kind a question takes as known ("the county")', () => {
    // (Names as the dictionary reads them: "County" and "City" are common words, no names.)
    const namesOf = (text: string): string[] =>
      (text.match(/\b[A-Z][a-z]+\b/g) ?? []).filter((w) => !['County', 'City', 'Report', 'The'].includes(w));
    const of = (...texts: [string, string][]): ReportFacts => {
      const index = new CorpusIndex();
      for (const [text, file] of texts) {
        const r = parseReport(text, file);
        index.addReport(r, chunkReport(r));
      }
      return new ReportFacts(index, namesOf);
    };
    const two = of([RIVERSIDE, 'riverside-2024.md'], [HILLTOP, 'hilltop-2023.md']);
    expect(two.namedBy(analyzeQuestion('How many libraries did the county open?'))).toBe('riverside-2024');
    expect(two.namedBy(analyzeQuestion('How many trees did this city plant?'))).toBe('hilltop-2023');
    // Not a kind said without a determiner, nor one that two reports' subjects are.
    expect(two.namedBy(analyzeQuestion('How many libraries did counties open?'))).toBeUndefined();
    const valley = `# Valley County 2024 Report\n\nThe county paved 3 roads.\n`;
    const three = of([RIVERSIDE, 'riverside-2024.md'], [HILLTOP, 'hilltop-2023.md'], [valley, 'valley-2024.md']);
    expect(three.namedBy(analyzeQuestion('How many libraries did the county open?'))).toBeUndefined();
  });

  it('finds it by a Chinese question\'s gloss of the name (山顶市: "Hilltop city")', () => {
    const two = facts([RIVERSIDE, 'riverside-2024.md'], [HILLTOP, 'hilltop-2023.md']).facts;
    const gloss = {
      senses: [[['hilltop'], ['citi']]],
      glosses: ['Hilltop city'],
      weight: 1,
      translated: true,
      source: '山顶市',
    };
    expect(two.namedBy(analyzeQuestion('山顶市种了多少棵树？', [gloss]))).toBe('hilltop-2023');
  });

  it('a title word that other reports use more names none of them (USDS Fall 2017: "Relaunching", "APIs")', () => {
    const ttp = `# Relaunching Trusted Traveler Programs\n\nCBP launched the redesigned application.\n`;
    const dps = `# Helping Military Families Move\n\nMove.mil relaunched in November 2017.\n\nIt was relaunched with a new design.\n`;
    const { facts: f } = facts([ttp, 'ttp.md'], [dps, 'dps.md']);
    expect(f.namedBy(analyzeQuestion('When was the new site relaunched?'))).toBeUndefined();
    expect(f.namedBy(analyzeQuestion('When did CBP relaunch the Trusted Traveler Programs?'))).toBe('ttp');
  });

  it('reads a number in a title that is no year as part of its name ("Section 508"), a year never', () => {
    const section = `# Section 508 Assessment 2025\n\nAgencies tested 41 web pages.\n`;
    const three = facts([RIVERSIDE, 'riverside-2024.md'], [HILLTOP, 'hilltop-2023.md'], [section, 's508.md']).facts;
    expect(three.namedBy(analyzeQuestion('How many agencies have a full-time 508 manager?'))).toBe('s508');
    expect(three.namedBy(analyzeQuestion('有多少个机构配备了全职的508项目经理？'))).toBe('s508');
    expect(three.namedBy(analyzeQuestion('How many trees were planted in 2023?'))).toBeUndefined();
    // A word naming a report decides before a number does.
    expect(three.namedBy(analyzeQuestion('Do the Hilltop websites meet the 508 rules?'))).toBe('hilltop-2023');
  });

  it('reads a title once and counts the titles holding each word', () => {
    const { facts: f, index } = facts([RIVERSIDE, 'riverside-2024.md'], [HILLTOP, 'hilltop-2023.md']);
    const report = index.reports.get('riverside-2024')!;
    expect(f.title(report)).toBe(f.title(report));
    expect(f.title(report).years.period).toBe(2024);
    expect(f.titleFrequency().get('report')).toBe(2);
    expect(f.titleFrequency().get('riversid')).toBe(1);
  });

  it('reads every title ahead, once, and stops when told', async () => {
    let calls = 0;
    const index = facts([RIVERSIDE, 'riverside-2024.md'], [HILLTOP, 'hilltop-2023.md']).index;
    const f = new ReportFacts(index, (text) => (calls++, text.match(/\b[A-Z][a-z]+\b/g) ?? []));
    const stopped = new AbortController();
    stopped.abort();
    expect(await f.titlesAhead(stopped.signal)).toBe(0);
    expect(await f.titlesAhead()).toBe(2);
    const read = calls;
    expect(read).toBeGreaterThan(0);
    expect(await f.titlesAhead()).toBe(0);
    f.title(index.reports.get('hilltop-2023')!);
    expect(f.namedBy(analyzeQuestion('How many trees did Hilltop plant?'))).toBe('hilltop-2023');
    expect(calls).toBe(read); // nothing read again
  });

  it("after the read-ahead, a question goes through no list of every report (titles' words and their counts)", async () => {
    const { facts: f, index } = facts([RIVERSIDE, 'riverside-2024.md'], [HILLTOP, 'hilltop-2023.md']);
    await f.titlesAhead();
    const values = vi.spyOn(index.reports, 'values');
    expect(f.namedBy(analyzeQuestion('How many trees did Hilltop plant?'))).toBe('hilltop-2023');
    expect(f.titleFrequency().get('report')).toBe(2);
    expect(values).not.toHaveBeenCalled();
  });

  it('reads no postings for a title word used in more passages than its report has', () => {
    const mentions = Array.from({ length: 6 }, (_, i) => `Riverside sent ${i + 2} buses to the city.`).join('\n\n');
    const { facts: f, index } = facts(
      [RIVERSIDE, 'riverside-2024.md'],
      [`${HILLTOP}\n${mentions}\n`, 'hilltop-2023.md'],
    );
    const read = vi.spyOn(index.lexical, 'documentFrequencyIn');
    expect(f.namedBy(analyzeQuestion('How many libraries did Riverside open?'))).toBeUndefined();
    expect(read).not.toHaveBeenCalled();
  });

  it('keeps a paragraph read for ranking between questions', () => {
    const { facts: f, index } = facts([RIVERSIDE, 'riverside-2024.md']);
    const report = index.reports.get('riverside-2024')!;
    const n = report.paragraphs.findIndex((p) => report.text.slice(p.start, p.end).includes('libraries')) + 1;
    expect(f.paragraph(report, n)).toBe(f.paragraph(report, n));
    expect(f.paragraph(report, n).sentences).toHaveLength(2);
  });
});
