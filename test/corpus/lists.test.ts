import { describe, expect, it } from 'vitest';
import {
  cardGroupOf,
  introOf,
  isAttribution,
  isLabelOnly,
  isNameAlone,
  parentItemOf,
  runInHeading,
  tallyOf,
  sectionOpeningOf,
  statCardOf,
  tableContextOf,
  tableHeaderOf,
} from '../../src/corpus/lists.js';
import { parseReport } from '../../src/corpus/parse.js';
import type { ParsedReport } from '../../src/corpus/types.js';

// The GSA assessment's layout: a caption, a header row, rows; a list with its lead-in.
const report = parseReport(
  `# Assessment

## Findings

Table 5: Conformance of ICT tested in the past year

ICT Type | Number of agencies that submitted data | Percentage tested that fully conform

Public-Facing Web Pages | 41 | 72%

Hardware | 24 | 83%

Key figures:

Agencies: 60

Components: 152

Type | Count

Videos | 12

Total Authorized Best Meets Exceptions

979 | authorized from 8 agencies

417 | authorized from 8 components

Spending rose again.

Programme | 2022 | 2023

Grants | 12 | 14
`,
  'gsa.md',
);
/** The number (1-based) of the first paragraph of `r` opening with `start`. */
const paragraphStartingWith = (r: ParsedReport, start: string): number =>
  r.paragraphs.findIndex((p) => r.text.slice(p.start, p.end).startsWith(start)) + 1;
const n = (start: string): number => paragraphStartingWith(report, start);

describe('what a table row is read with', () => {
  it('its header row and the caption above it', () => {
    expect(tableContextOf(report, n('Hardware'))).toBe(
      'Table 5: Conformance of ICT tested in the past year ICT Type | Number of agencies that submitted data | Percentage tested that fully conform',
    );
  });

  it('the header alone when the table has no caption; nothing for the header row itself or a list item', () => {
    expect(tableContextOf(report, n('Videos'))).toBe('Type | Count');
    expect(tableContextOf(report, n('ICT Type'))).toBe('');
    // A list item keeps its lead-in for quoting (introOf), but is searched and ranked on its own words.
    expect(introOf(report, n('Components'))).toBe(n('Key figures'));
    expect(tableContextOf(report, n('Components'))).toBe('');
  });

  it('a table with figures in its first row has no header row: its rows are read with the label line above it', () => {
    expect(tableContextOf(report, n('979'))).toBe('Total Authorized Best Meets Exceptions');
    expect(tableContextOf(report, n('417'))).toBe('Total Authorized Best Meets Exceptions');
    // The label introduces the table's first row, so a quote of the label goes on to the figure.
    expect(introOf(report, n('979'))).toBe(n('Total Authorized'));
  });

  it('years make a header row, not a data row; a line with a figure or a sentence is no label', () => {
    expect(tableContextOf(report, n('Grants'))).toBe('Programme | 2022 | 2023');
    // "Components: 152" (a list item) is not the label of the "Type | Count" table below it.
    expect(introOf(report, n('Type'))).toBeUndefined();
  });

  it('a caption and a header row only label what follows: like headings, they are no answers', () => {
    expect(isLabelOnly(report, n('Table 5'))).toBe(true);
    expect(isLabelOnly(report, n('ICT Type'))).toBe(true);
    expect(isLabelOnly(report, n('Programme'))).toBe(true);
    // Rows, a table's label line (its quote goes on to the first row), list items and sentences are read.
    for (const start of ['Hardware', '979', 'Total Authorized', 'Components', 'Spending rose'])
      expect(isLabelOnly(report, n(start))).toBe(false);
  });

  it("names a row's cells by its header row, or by the label line of a table without one", () => {
    expect(tableHeaderOf(report, n('Hardware'))).toBe(
      'ICT Type | Number of agencies that submitted data | Percentage tested that fully conform',
    );
    expect(tableHeaderOf(report, n('979'))).toBe('Total Authorized Best Meets Exceptions');
    expect(tableHeaderOf(report, n('ICT Type'))).toBe('');
    expect(tableHeaderOf(report, n('Components'))).toBe('');
  });
});

describe('an attribution line', () => {
  it('a dash, then who said it, with no sentence end', () => {
    expect(isAttribution('— Farhia Ahmed, Director General, Canadian Human Rights Commission')).toBe(true);
    expect(
      isAttribution('– IRS Commissioner Daniel Werfel, during a testimony in front of the Senate Finance Committee'),
    ).toBe(true);
    expect(isAttribution('— and then the team moved on to the next release.')).toBe(false); // a sentence
    expect(isAttribution('Farhia Ahmed, Director General')).toBe(false); // no dash
    expect(isAttribution('——县司法局局长')).toBe(true); // a Chinese text's double dash
    expect(isAttribution(`— ${'a long line '.repeat(20)}`)).toBe(false);
  });
});

describe('a stat card', () => {
  // The CDS report's "by the numbers" layout: a figure and its label, bulleted lines under it.
  const cards = parseReport(
    `# Report

## Client feedback

The questionnaire was launched in January.

72% Overall satisfaction (February 2024 results)

■ Centres receive higher satisfaction ratings than other service channels

70% Waited a reasonable amount of time to receive service

■ The most common complaint is wait times

■ Mentioned by 25% of respondents

79% Found it easy to get what they needed
`,
    'cards.md',
  );
  const at = (start: string): number => paragraphStartingWith(cards, start);

  it('is read with the bulleted lines under it, and they with it', () => {
    expect(cardGroupOf(cards, at('72%'))).toEqual([at('■ Centres')]);
    expect(cardGroupOf(cards, at('■ Centres'))).toEqual([at('72%')]);
    expect(cardGroupOf(cards, at('70%'))).toEqual([at('■ The most'), at('■ Mentioned')]);
    expect(statCardOf(cards, at('■ Mentioned'))).toBe(at('70%'));
    expect(statCardOf(cards, at('70%'))).toBeUndefined();
  });

  it('is none without bullets under it, nor is a sentence that opens otherwise', () => {
    expect(cardGroupOf(cards, at('79%'))).toEqual([]);
    expect(cardGroupOf(cards, at('The questionnaire'))).toEqual([]);
  });

  it('may set its figure alone above its label, which is read and quoted with it (a paragraph number is none)', () => {
    const alone = parseReport(
      `# Findings

Most agencies could say what they own.

45%

27 agencies did not know how many software titles they owned or operated

70%

Waited a reasonable amount of time

■ The most common complaint is wait times

20. The Government will act.
`,
      'alone.md',
    );
    const start = (s: string): number => paragraphStartingWith(alone, s);
    expect(cardGroupOf(alone, start('27 agencies'))).toEqual([start('45%')]);
    expect(statCardOf(alone, start('27 agencies'))).toBe(start('45%'));
    expect(statCardOf(alone, start('■ The most'))).toBe(start('70%'));
    // The figure alone is never read as a passage of its own.
    expect(cardGroupOf(alone, start('45%'))).toEqual([]);
    expect(cardGroupOf(alone, start('20. The'))).toEqual([]);
    expect(cardGroupOf(alone, start('Most agencies'))).toEqual([]);
  });
});

// A tally under its lead-in (the VA.gov team's research findings: who they talked to).
describe('tallyOf: what the items of a tally count', () => {
  const md = parseReport(
    '## Who we talked to\n\nGender:\n* Male: 7\n* Female: 3\n\nWe talked to 10 participants.\n\nDevices:\n* Desktop computers at home\n',
    'va.md',
  );
  const at = (start: string): number => paragraphStartingWith(md, start);

  it('is the lead-in of a "label: figure" item; nothing for an item without a figure or a paragraph', () => {
    expect(tallyOf(md, at('Female'))).toBe('Gender:');
    expect(tallyOf(md, at('* Desktop'))).toBe('');
    expect(tallyOf(md, at('We talked'))).toBe('');
  });
});

// A Markdown list nested by indentation (the VA.gov team's research findings: each hypothesis, its verdict under it).
describe('parentItemOf: a Markdown item indented under another', () => {
  const md = parseReport(
    '## Hypotheses and Conclusions\n* Veterans will understand how to prepare for a visit.\n  * **MOSTLY FALSE** - Only half of participants located it.\n  *  Success rates were lower for some.\n* Veterans will know what to do.\n  * **TRUE** - Nearly all found a phone number.\n\nAfter the list.\n',
    'va.md',
  );
  const at = (start: string): number => paragraphStartingWith(md, start);

  it('is the nearest item above indented less; a top-level item or a paragraph has none', () => {
    expect(parentItemOf(md, at('**MOSTLY'))).toBe(at('Veterans will understand'));
    expect(parentItemOf(md, at('Success rates'))).toBe(at('Veterans will understand'));
    expect(parentItemOf(md, at('**TRUE**'))).toBe(at('Veterans will know'));
    expect(parentItemOf(md, at('Veterans will know'))).toBeUndefined();
    expect(parentItemOf(md, at('After the list'))).toBeUndefined();
    // A numbered item keeps its number, indented four spaces under its hypothesis (the Top Tasks survey findings).
    const numbered = parseReport(
      '# H\n\n1. Veterans will generally agree.\n\n    2. PARTLY TRUE: Only within subgroups.\n\n3. Veterans will agree on the least.\n',
      'n.md',
    );
    const k = (start: string): number => paragraphStartingWith(numbered, start);
    expect(parentItemOf(numbered, k('2. PARTLY'))).toBe(k('1. Veterans'));
    expect(parentItemOf(numbered, k('3. Veterans'))).toBeUndefined();
  });
});

// The CDS annual report's layouts: names with what each did under them, a list under each name, nested markers.
describe('parentItemOf: the item a line elaborates', () => {
  const named = parseReport(
    `# CDS

## Awareness and product use

72% Of federal employees now report at least some awareness of CDS

■ Canadian Armed Forces (CAF)

Mandated that Units replace their existing, paid notification tool (Rave), with GC Notify

■ Treasury Board of Canada Secretariat (TBS)

As of April 2024, GC Forms is endorsed as one of two Forms providers of choice for the GC

Canadian Armed Forces

■ Cadets User Research

Correctional Service Canada

■ Offender Portal 2FA and design advice

■ Offender Management System

— Senior business analyst, Employment

and Social Development Canada

■ Service Canada: employs GC Forms to gather insights

Working with partners across the GC:

■ GC Design System team developed an integration plan with the Digital Transformation Office (DTO)

❏ DTO team members onboarded to GC Design System team

❏ Maintenance mode planning for Canada.ca design system and GCWeb

■ Department of Fisheries and Oceans (DFO)

❏ Actively testing GC Design System components in Drupal with a team at DFO

## Staff

The team grew to 200 people.
`,
    'named.md',
  );
  const at = (start: string): number => paragraphStartingWith(named, start);

  it('a line under a named item says what that item did; the name is a label, no line of the card above it', () => {
    expect(parentItemOf(named, at('Mandated'))).toBe(at('■ Canadian'));
    expect(parentItemOf(named, at('As of April'))).toBe(at('■ Treasury'));
    expect(isLabelOnly(named, at('■ Canadian'))).toBe(true);
    expect(cardGroupOf(named, at('72%'))).toEqual([]);
  });

  it('an item of a list set under a name is read with the name; a name under an item is the next entry', () => {
    expect(parentItemOf(named, at('■ Cadets'))).toBe(at('Canadian Armed Forces'));
    expect(parentItemOf(named, at('■ Offender Management'))).toBe(at('Correctional'));
    expect(parentItemOf(named, at('Correctional'))).toBeUndefined();
    expect(isLabelOnly(named, at('Correctional'))).toBe(true);
  });

  it('a line carried over from the line above is no name ("and Social Development Canada")', () => {
    expect(parentItemOf(named, at('■ Service Canada'))).toBeUndefined();
  });

  it("a sub-item is read with its list's first marker's item, and an item of that marker with nothing", () => {
    expect(parentItemOf(named, at('❏ Maintenance'))).toBe(at('■ GC Design'));
    expect(parentItemOf(named, at('❏ Actively'))).toBe(at('■ Department'));
    expect(parentItemOf(named, at('■ Department'))).toBeUndefined();
    expect(parentItemOf(named, at('■ GC Design'))).toBeUndefined();
    expect(isLabelOnly(named, at('■ GC Design'))).toBe(false);
  });
});

describe('sectionOpeningOf: what a section is about', () => {
  const r = parseReport(
    '# R\n\n## Feedback\n\nThe Service Canada Centre Feedback Questionnaire was launched.\n\n380 Responses a week\n\n72% Overall satisfaction\n\n## Staff\n\nThe team grew.\n\nIt hired 40 people.\n',
    'r.md',
  );
  const at = (start: string): number => paragraphStartingWith(r, start);

  it('is the first body paragraph under the heading, for the paragraphs after it only', () => {
    expect(sectionOpeningOf(r, at('380'))).toBe(at('The Service'));
    expect(sectionOpeningOf(r, at('72%'))).toBe(at('The Service'));
    expect(sectionOpeningOf(r, at('The Service'))).toBeUndefined();
    expect(sectionOpeningOf(r, at('It hired'))).toBe(at('The team'));
  });
});

describe('a name alone', () => {
  it('is capitalised words and their joiners, with no figure', () => {
    expect(isNameAlone('Access Board (USAB)')).toBe(true);
    expect(isNameAlone('Department of Defense')).toBe(true);
    expect(isNameAlone('The Access Board audited websites.')).toBe(false);
    expect(isNameAlone('Public Web Pages | 47* | 13* | 37%')).toBe(false);
    expect(isNameAlone('')).toBe(false);
  });
});

describe('runInHeading: a name in title case that opens a paragraph', () => {
  it('reads the name before the dash or colon, with its abbreviation', () => {
    expect(runInHeading('Benefits Locator Tool - Last time you heard about this project, it was …')).toBe(
      'Benefits Locator Tool',
    );
    expect(runInHeading('Automated Security Authorization Processing (ASAP) - 10x partnered with FedRAMP.')).toBe(
      'Automated Security Authorization Processing (ASAP)',
    );
    expect(runInHeading('Section 508 Program Manager Huddle: A bimonthly, agenda-free forum.')).toBe(
      'Section 508 Program Manager Huddle',
    );
  });

  it('not a label of one word, a caption, a table row or a sentence', () => {
    expect(runInHeading('Note: A collection-tool dependency did not trigger.')).toBe('');
    expect(runInHeading('Table 3: Accessibility outcomes quadrant recommendations.')).toBe('');
    expect(runInHeading('Quadrant III | Higher Implementation: High | 16')).toBe('');
    expect(runInHeading('In 2023, the county did well - mostly.')).toBe('');
  });
});
