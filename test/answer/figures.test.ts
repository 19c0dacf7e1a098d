import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  figuresOfKind,
  hasFigure,
  statesShare,
  hasSuperlative,
  monthsIn,
  onlyChanges,
  onlySumsReceived,
  reportYears,
  sumsOfMoney,
  yearMeant,
  yearsByTokens,
  yearsIn,
  yearsStated,
} from '../../src/answer/figures.js';

describe('figures', () => {
  it('a number with a fraction and nothing counted after it is a score, no count', () => {
    const counts = (text: string): boolean => hasFigure(figuresOfKind(text, 'count'), 'count');
    expect(counts('Parent agencies reported an average outcome of 4.02 (Very High).')).toBe(false);
    expect(counts('The governmentwide average is low, at 1.96 on a 5-point scale.')).toBe(false);
    // An average of things counted, a magnitude or a number of times are counts.
    expect(counts('52 reported an average of 3.30 federal FTEs')).toBe(true);
    expect(counts('An average of 3.30 federal FTEs supported the programs.')).toBe(true);
    expect(counts('2.14 million lifetime app downloads')).toBe(true);
    expect(counts('Enrollment grew 12.5 times.')).toBe(true);
    // A sum of money counts no thing (the UK's 2012 Digital Efficiency Report).
    expect(counts('a further £1.7 to £1.8 billion of savings by shifting the transactional services')).toBe(false);
    expect(counts('$90 million went to 300 transactional services')).toBe(true);
  });

  it('a label counts nothing: “(1)”, an enumeration in brackets; a figure in brackets still does', () => {
    // A label counts nothing: "(1)", an enumeration in brackets; a figure in brackets still does.
    expect(hasFigure(figuresOfKind('(1) Adhere to the law.', 'count'), 'count')).toBe(false);
    expect(hasFigure(figuresOfKind('of the two (1. GC Forms 2. Microsoft), only GC Forms', 'count'), 'count')).toBe(
      true,
    );
    expect(hasFigure(figuresOfKind('of them (1. GC Forms 2. Microsoft), only GC Forms', 'count'), 'count')).toBe(false);
    expect(hasFigure(figuresOfKind('Most agencies (12 of them) did.', 'count'), 'count')).toBe(true);
  });

  it('a fiscal year\'s second year is no figure: "in 2024-25" is a year', () => {
    expect(figuresOfKind('feedback from departments in 2024-25', 'count')).toBe('feedback from departments in 2024');
    expect(figuresOfKind('up from 47 in FY 2022–23', 'count')).toBe('up from 47 in FY 2022');
  });

  it('a name made of a number and capitals ("18F", "5G") counts nothing; a magnitude does', () => {
    expect(hasFigure('DAP began working with 18F, USDS, and the White House OSTP.', 'count')).toBe(false);
    expect(hasFigure('Rolled out 5G and 2FA.')).toBe(false);
    expect(hasFigure('The site had 12M users.', 'count')).toBe(true);
    expect(hasFigure('18F staff helped 12 agencies.', 'count')).toBe(true);
    // A fiscal year counts nothing ("during the FY22 round"); "tens of thousands of" spills is a count in words.
    expect(hasFigure('I submitted the idea during the FY22 round of idea evaluation.', 'count')).toBe(false);
    expect(hasFigure('Each year there are tens of thousands of sewer spills.', 'count')).toBe(true);
  });

  it('"one of the world\'s major suppliers" states no figure', () => {
    expect(
      hasFigure(
        figuresOfKind(
          'A local enterprise, one of the world’s major SAF suppliers, will develop its business.',
          undefined,
        ),
      ),
    ).toBe(false);
    expect(hasFigure(figuresOfKind('One new plant opened.', undefined))).toBe(true);
    // A sum of money names its currency as a word of its own: "USDS" is an office, not US dollars.
    expect(hasFigure('In 2014, USDS was founded.', 'amount')).toBe(false);
    expect(hasFigure('It cost 2,000 USD.', 'amount')).toBe(true);
    // …or says a sum in words: "hundreds of millions of dollars", "a million dollars" (not "millions of users").
    expect(hasFigure('The changes could save hundreds of millions of dollars per year.', 'amount')).toBe(true);
    expect(hasFigure('It cost a million dollars.', 'amount')).toBe(true);
    expect(hasFigure('It reached millions of users.', 'amount')).toBe(false);
    expect(sumsOfMoney('save hundreds of millions of dollars per year')).toEqual([{ start: 5, end: 36 }]);
    // A sum is whole with its "bn" (British: "£1.7bn"), and ends at its last digit, not at the sentence's period.
    const sums = (text: string) => sumsOfMoney(text).map((r) => text.slice(r.start, r.end));
    expect(sums('could save £1.7bn to £1.8bn every year')).toEqual(['£1.7bn', '£1.8bn']);
    expect(sums('costs the average citizen £14.70.')).toEqual(['£14.70']);
  });

  it('"one in five" is a share, as "9 out of 10" is, and counts nothing; "1 in 2024" is a year', () => {
    const claim = "and one in five eligible taxpayers don't claim these valuable credits.";
    expect(statesShare(claim)).toBe(true);
    expect(statesShare('3 in 10 users and one in every four visits')).toBe(true);
    expect(hasFigure(figuresOfKind(claim, 'count'))).toBe(false);
    expect(statesShare('It opened 1 in 2024 and two in Texas.')).toBe(false);
  });
});

describe('changes', () => {
  it('a text whose every figure is a change gives no level', () => {
    expect(
      onlyChanges('53% increase in customer satisfaction from the relaunch in December 2022 to September 2023'),
    ).toBe(true);
    expect(onlyChanges('Partner states increased their ex parte rates by an average of 21%.')).toBe(true);
    expect(onlyChanges('The proportion of excellent days is 82.5%, down 8.5 percentage points year on year.')).toBe(
      false,
    );
    expect(onlyChanges('Satisfaction rose to 79.3% in FY23.')).toBe(false);
    expect(onlyChanges('Satisfaction rose sharply.')).toBe(false); // no figure at all
  });
});

describe('superlatives in a sentence', () => {
  it('a sentence holding one', () => {
    expect(hasSuperlative('Testing and remediation is the weakest area of implementation.')).toBe(true);
    expect(hasSuperlative('Hong Kong is ranked seventh among the top 10 safest cities.')).toBe(true);
    // The most so far (a GDS report: "how many people visited gov.uk in its best week").
    expect(hasSuperlative('Use of GOV.UK reached a new high of 6.13 million unique visitors.')).toBe(true);
    expect(hasSuperlative('Traffic peaked in the final week of February.')).toBe(true);
    expect(hasSuperlative('Use of GOV.UK reached 6.13 million unique visitors.')).toBe(false);
    // "Most" as the majority (a USDS report: "which families were hit hardest?" is not answered by it).
    expect(hasSuperlative('As most infants in the U.S. depend on formula, the shortage caused concern.')).toBe(false);
    expect(hasSuperlative('Most of the agencies replied.')).toBe(false);
    expect(hasSuperlative('The shortage caused concern, leading to panic-buying.')).toBe(false);
    expect(hasSuperlative('GSA is a leading buyer of software.')).toBe(true);
    expect(hasSuperlative('Families needing specialty formula were the most vulnerable.')).toBe(true);
    expect(hasSuperlative('The most dangerous gaps were in testing.')).toBe(true);
    expect(hasSuperlative('Electronic documents: 38% fully conformant, the lowest among ICT categories')).toBe(true);
    expect(hasSuperlative('Documents conformed less than any other ICT type.')).toBe(true);
    expect(hasSuperlative('Trade reached a record high.')).toBe(true);
    expect(hasSuperlative('The land can dovetail with the third medical school.')).toBe(false);
    expect(hasSuperlative('Agencies test their interest in the request.')).toBe(false);
    expect(hasSuperlative('Agencies reported 136 Best Meets exceptions.')).toBe(false);
    expect(hasSuperlative('Why did the VA need help in the first place?')).toBe(false); // an idiom, no rank
    expect(hasSuperlative('The team took first place among the entries.')).toBe(true);
  });
});

describe('years said relative to now', () => {
  const zuoyun = { title: 'Zuoyun County 2023 Annual Report', date: '2024-01-16' };
  const gsa = { title: 'FY 2025 Governmentwide Section 508 Assessment', date: '2026-03-02' };
  const address = { title: 'The 2025 Policy Address', date: '2025-09-17' };

  it("a report's period is its title's year, else its date's; its latest year the later of the two", () => {
    expect(reportYears(zuoyun)).toEqual({ period: 2023, latest: 2024 });
    expect(reportYears({ title: 'Annual Report', date: '2024-05' })).toEqual({ period: 2024, latest: 2024 });
    expect(reportYears({ title: 'Annual Report' })).toEqual({ period: 0, latest: 0 });
    // A title naming no year: its subtitle's.
    const subtitled = { title: 'Aligning our efforts', subtitle: 'Annual Report (Fiscal Year 2023-2024)' };
    expect(reportYears(subtitled)).toEqual({ period: 2024, latest: 2024 });
  });

  it('a year is four digits standing alone, or a fiscal year or a range written short, as the tokenizer reads them', () => {
    expect(yearsIn('CDS’s total operating budget for FY2023-2024 was $19,574,746')).toEqual(['2023', '2024']);
    expect(yearsIn('up from 47 in FY 2022-23; 12023 items')).toEqual(['2022', '2023']);
    expect(yearsIn('trust rose from 70.4% in FY18 to 79.3% at the end of FY23')).toEqual(['2018', '2023']);
    // A count with a thousands separator, a month of a year and a longer number are no years.
    expect(yearsIn('1,946 tickets by 2024-01; 2023.5 points')).toEqual(['2024']);
  });

  it("reads a text's years without tokenizing it as the tokenizer reads them, on every line of the reports here", () => {
    const tricky = [
      '县政府2023年开了几次会',
      'A2023 and 2023% and 2023.',
      '5,2023 or 19th 1999/00 2022–23 FY 24 fy2025',
    ];
    const lines = [
      ...tricky,
      ...readFileSync('test/fixtures/reports/gsa-fy2025-section-508-assessment.md', 'utf8').split('\n'),
      ...readFileSync('corpus/zuoyun-2023-rule-of-law-report.txt', 'utf8').split('\n'),
    ];
    expect(lines.filter((line) => yearsIn(line).join() !== yearsByTokens(line).join())).toEqual([]);
  });

  it('a reader\'s "this year" is the period, "last year" the year before the latest, "next year" the one after the period', () => {
    expect(yearMeant(0, reportYears(gsa))).toBe('2025');
    expect(yearMeant(-1, reportYears(zuoyun))).toBe('2023');
    expect(yearMeant(-1, reportYears(address))).toBe('2024');
    expect(yearMeant(1, reportYears(zuoyun))).toBe('2024');
    expect(yearMeant(0, reportYears({ title: 'Annual Report' }))).toBeUndefined();
  });

  it("a sentence states its years in figures and those it says from its report's year", () => {
    expect(yearsStated('This year’s growth is projected at 2% – 3%.', 2025)).toEqual(['2025']);
    expect(yearsStated('In 2023, 420 notarizations; last year, 380.', 2024)).toEqual(['2023', '2023']);
    expect(yearsStated('明年将推出新系统。', 2025)).toEqual(['2026']);
    expect(yearsStated('Each year the office reports.', 2025)).toEqual([]);
    expect(yearsStated('This year the office reports.', 0)).toEqual([]);
  });
});

describe('months named', () => {
  it('are month names with a day, a year or a word of time beside them; "may" alone is the verb', () => {
    expect(monthsIn('how low did formula in stock rates get in may 2022')).toEqual([5]);
    expect(monthsIn('By June 2022, retailers reported')).toEqual([6]);
    expect(monthsIn('as of November 30, and by 30 Nov 2023')).toEqual([11]);
    expect(monthsIn('did they do anything on Dec 4th?')).toEqual([12]);
    expect(monthsIn('how many responses came in by march')).toEqual([3]);
    expect(monthsIn('May I ask how you may see it?')).toEqual([]);
  });

  it('are months in Chinese, in digits or characters before 月, not a number of months (个月)', () => {
    expect(monthsIn('截至2016年9月，招聘了多少名专家？')).toEqual([9]);
    expect(monthsIn('截至去年11月底')).toEqual([11]);
    expect(monthsIn('十一月和二月')).toEqual([11, 2]);
    expect(monthsIn('3个月内完成')).toEqual([]);
  });
});

describe('sums of money received', () => {
  it('are sums followed by the money kind received (refunds, savings, revenue), not what was spent', () => {
    expect(onlySumsReceived('Users received over $90 million in federal tax refunds.')).toBe(true);
    expect(onlySumsReceived('$285 million in projected savings over five years')).toBe(true);
    expect(onlySumsReceived('It brought in $5 billion of revenue.')).toBe(true);
    expect(onlySumsReceived('The tool cost $9 million to build and saved $2 million in savings.')).toBe(false);
    expect(onlySumsReceived('The tool cost $9 million to build.')).toBe(false);
    expect(onlySumsReceived('No money was named.')).toBe(false);
  });
});
