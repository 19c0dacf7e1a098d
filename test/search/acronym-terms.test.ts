import { describe, expect, it } from 'vitest';
import { acronymPairs, withAcronyms } from '../../src/search/acronym-terms.js';
import { chunkTerms } from '../../src/search/corpus-index.js';
import { parseReport } from '../../src/corpus/parse.js';
import { tokenize } from '../../src/search/tokenize.js';

const TEXT = `# Harbor Town 2024 Report

Program managers (PMs) lead each office. Each PM reports twice a year.

The town will hire more full-time equivalents (FTEs) in 2025. Our program managers met twice.

The Social Security Administration's (SSA) website was rebuilt. In 2021, SSA enlisted the town's team.
`;
const terms = (s: string): Set<string> => new Set(tokenize(s));

describe('acronymPairs', () => {
  it('finds the abbreviations a report defines, one word each, as index terms', () => {
    expect(acronymPairs(TEXT)).toEqual([
      { short: 'pm', long: tokenize('program managers') },
      { short: 'fte', long: tokenize('full-time equivalents') },
      { short: 'ssa', long: tokenize('Social Security Administration') },
    ]);
    // A two-word abbreviation is not read ("U S" is not one term).
    expect(acronymPairs('the United States (U S) and more')).toEqual([]);
    // A name spelt out three times and never abbreviated pairs with its initials, after the defined ones.
    expect(
      acronymPairs('Hong Kong grew. Hong Kong rose. The Hong Kong Jockey Club (HKJC) gave. Hong Kong won.'),
    ).toEqual([
      { short: 'hkjc', long: tokenize('Hong Kong Jockey Club') },
      { short: 'hk', long: tokenize('Hong Kong') },
    ]);
  });

  it('pairs an abbreviation the report writes without defining it with the name it spells out', () => {
    expect(
      acronymPairs('the Federal Buildings Personnel Training Act. The FBPTA sets up a partnership with the DOE.'),
    ).toEqual([{ short: 'fbpta', long: tokenize('Federal Buildings Personnel Training Act') }]);
    // One in wide use keeps its meaning.
    expect(acronymPairs('The Client Experience Office grew. Our CEO spoke.')).toEqual([
      { short: 'ceo', long: tokenize('chief executive officer') },
    ]);
  });

  it('pairs an abbreviation in wide use that the report writes in either form without defining it', () => {
    expect(acronymPairs('Increased the SMS sending rate by 266%.')).toEqual([
      { short: tokenize('SMS')[0], long: tokenize('text message') },
    ]);
    expect(acronymPairs('a new Chief Operating Officer for Service Canada')).toEqual([
      { short: 'coo', long: tokenize('chief operating officer') },
    ]);
    expect(acronymPairs('49 engagements in FY 2023')).toEqual([{ short: 'fy', long: tokenize('fiscal year') }]);
    expect(acronymPairs('Messages were sent and received.')).toEqual([]);
    // The report's own definition wins.
    expect(acronymPairs('Our Service Management System (SMS) runs.')).toEqual([
      { short: tokenize('SMS')[0], long: tokenize('Service Management System') },
    ]);
  });
});

describe('withAcronyms', () => {
  const pairs = acronymPairs(TEXT);

  it('a passage with either form reads the other too; one with neither is left as it was', () => {
    expect([...withAcronyms(terms('Each PM reports'), pairs)].sort()).toEqual(
      [...terms('Each PM reports program managers')].sort(),
    );
    expect([...withAcronyms(terms('the program managers met'), pairs)].sort()).toEqual(
      [...terms('the program managers met PM')].sort(),
    );
    // Only part of the long form: not the abbreviation.
    expect([...withAcronyms(terms('the program met'), pairs)].sort()).toEqual([...terms('the program met')].sort());
  });
});

describe('chunkTerms', () => {
  const report = parseReport(TEXT, 'harbor-2024.md');
  const pairs = acronymPairs(report.text);
  const chunkOf = (needle: string) => {
    const start = report.text.indexOf(needle);
    const paragraph = report.paragraphs.find((p) => p.start <= start && start < p.end)!.n;
    return { reportId: report.id, paragraph, start, end: start + needle.length };
  };

  it('a chunk that writes only the abbreviation is found by its long form, counted once and not lengthening it', () => {
    const chunk = chunkOf("In 2021, SSA enlisted the town's team.");
    const counts = new Map(chunkTerms(report, chunk, pairs).counts);
    const without = new Map(chunkTerms(report, chunk, []).counts);
    expect(without.has('social')).toBe(false);
    for (const t of tokenize('Social Security Administration')) expect(counts.get(t)).toBe(1);
    expect(chunkTerms(report, chunk, pairs).length).toBe(chunkTerms(report, chunk, []).length);
  });

  it('a chunk that writes the long form is found by the abbreviation; its own words keep their counts', () => {
    const chunk = chunkOf('Our program managers met twice.');
    const counts = new Map(chunkTerms(report, chunk, pairs).counts);
    expect(new Map(chunkTerms(report, chunk, []).counts).has('pm')).toBe(false);
    expect(counts.get('pm')).toBe(1);
    expect(counts.get(tokenize('twice')[0]!)).toBe(1);
  });
});
