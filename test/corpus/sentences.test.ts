import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/corpus/sentences.js';

const split = (text: string): string[] => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('keeps abbreviations, decimals, percentages and list markers inside sentences', () => {
    expect(split('Document No. 2 was issued. The share rose to 46.55% this year. Service is 7 × 24 hours.')).toEqual([
      'Document No. 2 was issued.',
      'The share rose to 46.55% this year.',
      'Service is 7 × 24 hours.',
    ]);
    expect(split('(1) Adhere to the law. (2) Serve the people.')).toEqual([
      '(1) Adhere to the law.',
      '(2) Serve the people.',
    ]);
  });

  it('never makes a sentence of a number or caption label alone', () => {
    expect(split('20. The HKSAR will act. 3. Short one.')).toEqual(['20. The HKSAR will act.', '3. Short one.']);
    expect(split('Figure 7. Average policy integration outcomes.')).toEqual([
      'Figure 7. Average policy integration outcomes.',
    ]);
    expect(split('We did 3. Then we did 4.')).toEqual(['We did 3.', 'Then we did 4.']);
  });

  it('never ends a sentence inside brackets it opened: an enumeration there is part of it', () => {
    expect(
      split(
        'Of the two (1. GC Forms 2. Microsoft), only GC Forms can support Protected B forms. (Source: TBS, March 2024)',
      ),
    ).toEqual([
      'Of the two (1. GC Forms 2. Microsoft), only GC Forms can support Protected B forms.',
      '(Source: TBS, March 2024)',
    ]);
    // A bracket left open long ago is a stray one: sentences go on ending.
    const stray = `A list (see ${'more '.repeat(70)}here. Then more.`;
    expect(split(stray)).toEqual([stray.slice(0, stray.indexOf(' Then')), 'Then more.']);
  });

  it('keeps closing quotes with their sentence', () => {
    expect(split('We created the "no meeting." Then we rested.')).toEqual([
      'We created the "no meeting."',
      'Then we rested.',
    ]);
  });

  it('splits on Chinese terminators without spaces', () => {
    expect(split('全县有13起行政案件。全部出庭应诉！')).toEqual(['全县有13起行政案件。', '全部出庭应诉！']);
  });

  it('splits a semicolon chain of capitalised clauses', () => {
    expect(split('Strengthen review; Take the opportunity to act.')).toEqual([
      'Strengthen review;',
      'Take the opportunity to act.',
    ]);
  });

  it('returns offsets shifted by the given base', () => {
    expect(splitSentences('A b. C d.', 10)).toEqual([
      { start: 10, end: 14 },
      { start: 15, end: 19 },
    ]);
  });
});
