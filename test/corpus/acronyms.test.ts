import { describe, expect, it } from 'vitest';
import { definedAcronyms, nameInitialisms, namesByInitials, writtenInitialisms } from '../../src/corpus/acronyms.js';
import { processTerm } from '../../src/search/tokenize.js';

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

  it('reads a name that grew a last "and …" as its old abbreviation', () => {
    expect(definedAcronyms('the Centers for Disease Control and Prevention (CDC) tracked cases')).toEqual([
      { short: 'CDC', long: 'Centers for Disease Control' },
    ]);
    expect(definedAcronyms('the Bureau of Labor and Statistics (BLS) counted')).toEqual([
      { short: 'BLS', long: 'Bureau of Labor and Statistics' },
    ]);
  });

  it('reads a name one of whose inner words the abbreviation leaves out, never its first or last', () => {
    expect(definedAcronyms('The Defense Personal Property System (DPS) is the logistics system')).toEqual([
      { short: 'DPS', long: 'Defense Personal Property System' },
    ]);
    expect(definedAcronyms('the Office of the Government Chief Technology Officer (OCTO) said')).toEqual([
      { short: 'OCTO', long: 'Office of the Government Chief Technology Officer' },
    ]);
    expect(definedAcronyms('the Defense Personal Property System (DP) and Big Data Office (BD)')).toEqual([]);
    expect(definedAcronyms('the Very Large Personal Property System (DPS)')).toEqual([]);
  });

  it('ignores brackets whose words do not spell them', () => {
    expect(definedAcronyms('The county held hearings (CPC) and opened (A) a new office (Figure 2).')).toEqual([]);
  });
});

describe('nameInitialisms', () => {
  const isWord = (word: string): boolean => processTerm(word) !== undefined;

  it('reads the initials of a name the report spells out at least three times and never abbreviates', () => {
    const text =
      'Hong Kong grew. The Northern Metropolis of Hong Kong will rise. Hong Kong-Shenzhen links open. ' +
      'The Northern Metropolis plan. Northern Metropolis Development land.';
    expect(nameInitialisms(text, namesByInitials(text, isWord))).toEqual([
      { short: 'HK', long: 'Hong Kong' },
      { short: 'NM', long: 'Northern Metropolis' },
      // (met once, but the report's only name with these initials)
      { short: 'NMD', long: 'Northern Metropolis Development' },
    ]);
  });

  it("reads three initials or more of a report's only name that has them, met once, a dotted initialism's letters too", () => {
    const text =
      'The CDO Council is exploring joint hiring initiatives with the U.S. Digital Service. Harbor Town opened.';
    expect(nameInitialisms(text, namesByInitials(text, isWord))).toEqual([
      { short: 'USDS', long: 'U.S. Digital Service' },
    ]);
    // Two names with the same initials, each met once: neither is meant.
    const two = 'The Data Skills Catalog grew. The Digital Services Centre opened.';
    expect(nameInitialisms(two, namesByInitials(two, isWord))).toEqual([]);
  });

  it('skips the small words a name holds ("Office of Personnel Management": OPM, FDS batch 32)', () => {
    const text =
      'The Office of Personnel Management intends to issue a new Data Scientist job series. Treasury and GSA met.';
    expect(nameInitialisms(text, namesByInitials(text, isWord))).toEqual([
      { short: 'OPM', long: 'Office of Personnel Management' },
    ]);
  });

  it('leaves initials the report writes as a word of its own, and names met fewer times', () => {
    const text =
      'Information Technology staff. Information Technology budget. Information Technology plan. It grew. ' +
      'Harbor Town opened. Harbor Town closed.';
    expect(nameInitialisms(text, namesByInitials(text, isWord))).toEqual([]);
  });
});

describe('writtenInitialisms', () => {
  const isWord = (word: string): boolean => processTerm(word) !== undefined;

  it('reads an abbreviation the report writes, undefined, for a name it spells out elsewhere', () => {
    const text =
      'FMI was created to implement the requirements of the Federal Buildings Personnel Training Act. ' +
      'The FBPTA sets up a strategic partnership between GSA and the Department of Energy.';
    expect(writtenInitialisms(text, namesByInitials(text, isWord))).toEqual([
      { short: 'FBPTA', long: 'Federal Buildings Personnel Training Act' },
    ]);
  });

  it('leaves two-letter capitals and abbreviations that spell no name of the report', () => {
    const text = 'The Information Technology team. IT grew. The NASA office and the Open Data Policy.';
    expect(writtenInitialisms(text, namesByInitials(text, isWord))).toEqual([]);
  });

  it('leaves letters used before the name is spelled out: they are another name', () => {
    const text = 'Courses for LMS platforms. Later, the Office of Labor Management Standards.';
    expect(writtenInitialisms(text, namesByInitials(text, isWord))).toEqual([]);
  });
});
