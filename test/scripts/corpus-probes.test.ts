import { describe, expect, it } from 'vitest';
import { makeProbes } from '../../scripts/corpus-probes.js';

describe('questions made from a report itself', () => {
  const text = 'The centre accepted 60 legal aid cases. It held 12 meetings and 12 meetings more in 2023.';
  const lacks = (word: string): boolean => !/cases|meetings/.test(word);

  it('asks after each counted phrase, with its last word swapped for one the report lacks, and of another year', () => {
    const probes = makeProbes(text, lacks, '2009');
    expect(probes.filter((p) => p.kind === 'own').map((p) => p.question)).toEqual([
      'How many legal aid cases were there?',
      'How many meetings were there?', // once, however often it is counted
    ]);
    const swapped = probes.filter((p) => p.kind === 'swapped').map((p) => p.question);
    expect(swapped).toHaveLength(2);
    expect(swapped[0]).toMatch(/^How many legal aid (?!cases)\w+ were there\?$/);
    expect(probes.filter((p) => p.kind === 'year').map((p) => p.question)).toContain(
      'How many legal aid cases were there in 2009?',
    );
  });

  it('swaps no word the report holds, and stops at the limit', () => {
    expect(makeProbes(text, () => false, '2009').some((p) => p.kind === 'swapped')).toBe(false);
    expect(makeProbes(text, lacks, '2009', 1).filter((p) => p.kind === 'own')).toHaveLength(1);
  });
});
