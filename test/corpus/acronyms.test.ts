import { describe, expect, it } from 'vitest';
import { definedAcronyms } from '../../src/corpus/acronyms.js';

describe('definedAcronyms', () => {
  it('reads the abbreviations a report defines, skipping small words and splitting hyphenated ones', () => {
    const text =
      'Each Section 508 Program Manager (PM) reports yearly. Agencies estimated full-time equivalents (FTEs). ' +
      'Testing of information and communication technology (ICT) grew. The Home and Youth Affairs Bureau (HYAB) will help.';
    expect(definedAcronyms(text)).toEqual([
      { short: 'PM', long: 'Program Manager' },
      { short: 'FTE', long: 'full-time equivalents' },
      { short: 'ICT', long: 'information and communication technology' },
      { short: 'HYAB', long: 'Home and Youth Affairs Bureau' },
    ]);
  });

  it('reads a dotted initialism letter by letter and a possessive as its word', () => {
    expect(
      definedAcronyms(
        'Since the U.S. Digital Service (USDS) was founded, the Social Security Administration’s (SSA) site grew.',
      ),
    ).toEqual([
      { short: 'USDS', long: 'U.S. Digital Service' },
      { short: 'SSA', long: 'Social Security Administration’s' },
    ]);
  });

  it('ignores brackets whose words do not spell them', () => {
    expect(definedAcronyms('The county held hearings (CPC) and opened (A) a new office (Figure 2).')).toEqual([]);
  });
});
