import { describe, expect, it } from 'vitest';
import { tokenize, tokenizeWithOffsets } from '../../src/search/tokenize.js';

/** Each term with the text it was read from, by its offsets. */
const termsAsWritten = (text: string): string[][] =>
  tokenizeWithOffsets(text).map((t) => [t.term, text.slice(t.start, t.end)]);

describe('tokenize', () => {
  it('keeps numbers whole and stems words', () => {
    expect(tokenize('Handled 12,000 cases, 46.55% of them')).toEqual(['handl', '12000', 'case', '46.55%']);
  });

  it('reads an irregular plural as its singular ("alumni" → alumnus), not a word used as a singular ("data")', () => {
    expect(tokenize('USDS alumni, two criteria, children')).toEqual(tokenize('USDS alumnus, two criterion, child'));
    expect(tokenize('the data')).toEqual(['data']);
  });

  it('ends a word where Han characters begin ("USDS是…" typed without a space)', () => {
    expect(tokenize('USDS是哪一年成立的')).toEqual(['usd', '是', '哪', '一', '年', '成', '立', '的']);
    expect(tokenize('GC Forms有多少')).toEqual(['gc', 'form', '有', '多', '少']);
  });

  it('reads letters joined by "&", or capitals by "/", as one abbreviation ("R&D", "I&T", "N/A")', () => {
    expect(tokenize('the AI R&D institute')).toEqual(['ai', 'r&d', 'institut']);
    expect(tokenize('land for I&T; q&a session')).toEqual(['land', 'i&t', 'q&a', 'session']);
    expect(tokenize('"N/A" received a 4')).toEqual(['n/a', 'receiv', '4']);
    // Words joined so are words ("Smith&Jones"); lower-case "and/or" is no abbreviation.
    expect(tokenize('Smith&Jones and/or T/c')).toEqual(['smith', 'jone']);
  });

  it('reads a word with a footnote mark set on it as the word (a PDF superscript flattened into the line)', () => {
    // Hong Kong's Policy Address: "spanning some 210 hectares4 of land", "the Commission2".
    expect(tokenize('spanning some 210 hectares4 of land')).toEqual(['span', '210', 'hectar', 'land']);
    expect(tokenize('the Commission2.')).toEqual(['commiss']);
    const [mark] = tokenizeWithOffsets('hectares4 of land');
    expect(mark).toEqual({ term: 'hectar', start: 0, end: 'hectares'.length });
  });

  it('gives offsets in the text as written, not in its NFKC form ("…" is three dots there, "ﬁ" two letters)', () => {
    expect(termsAsWritten('Wait… the ofﬁce handled ２０２３ notaries')).toEqual([
      ['wait', 'Wait'],
      ['offic', 'ofﬁce'],
      ['handl', 'handled'],
      ['2023', '２０２３'],
      ['notari', 'notaries'],
    ]);
  });

  it('reads a word with a soft hyphen or a zero-width joiner in it as one word, as a reader sees it (HTML &shy;)', () => {
    expect(termsAsWritten('le\u00adgal aid for the me\u200Ddi\u2060a\u200Btion centre')).toEqual([
      ['legal', 'le\u00adgal'],
      ['aid', 'aid'],
      ['media', 'me\u200Ddi\u2060a'],
      // A zero-width space parts words.
      ['tion', 'tion'],
      ['centr', 'centre'],
    ]);
    expect(tokenize('le\u00adgal aid')).toEqual(tokenize('legal aid'));
  });

  it('keeps a single letter joined to a word by a hyphen as that compound\'s prefix ("i-index" is not "c-index")', () => {
    expect(tokenize('the i-index and c-index, E-Filing')).toEqual(['i-', 'index', 'c-', 'index', 'e-', 'file']);
    // A letter alone, or before a number, is still no term.
    expect(tokenize('plan B, route I-95, a - b')).toEqual(['plan', 'rout', '95']);
  });

  it('reads a two-letter function word in capitals as an abbreviation, unless its whole line is in capitals', () => {
    expect(tokenize('what share of staff work in IT')).toEqual(['share', 'staff', 'work', 'it']);
    expect(tokenize('Work in communications (IS)')).toEqual(['work', 'commun', 'is']);
    // The pronoun and the preposition are still no terms; nor is a heading written in capitals.
    expect(tokenize('It is in the report')).toEqual(['report']);
    expect(tokenize('Staff\nAS OF MARCH 31\nmore')).toEqual(['staff', 'march', '31']);
    // "US" is the USA, not the stem of "use"; the pronoun "us" is no term, as "we" is none.
    expect(tokenize('US agencies use the USA app')).toEqual(['usa', 'agenc', 'us', 'usa', 'app']);
    expect(tokenize('tell us more')).toEqual(['tell']);
    // …and so are "U.S." and "U.S.A.", one term each; an initial before a name is still no term.
    expect(tokenize('The U.S. Digital Service, U.S.A. and U. Smith')).toEqual([
      'usa',
      'digit',
      'servic',
      'usa',
      'smith',
    ]);
    // Other initials written with dots are their letters, as written together ("the UK"); one initial is still none.
    expect(tokenize('The U.K. team, the UK, the E.U. and J. R. Smith in Washington, D.C.')).toEqual([
      'uk',
      'team',
      'uk',
      'eu',
      'smith',
      'washington',
      'dc',
    ]);
  });

  it('reads a fiscal year written short, and a range of years written short, as their full years', () => {
    expect(tokenize('FY2023-2024')).toEqual(['fy', '2023', '2024']);
    expect(tokenize('spent in 2023-24')).toEqual(['spend', '2023', '2024']);
    expect(tokenize('FY18 and FY 2022/23')).toEqual(['fy', '2018', 'fy', '2022', '2023']);
    expect(tokenize('the 2021-25 plan')).toEqual(['2021', '2025', 'plan']);
    expect(tokenize('in 1999/00')).toEqual(['1999', '2000']);
    // A year and a month is no range.
    expect(tokenize('published 2024-01-17')).toEqual(['publish', '2024', '01', '17']);
  });

  it('leaves codes of letters and digits alone', () => {
    expect(tokenize('mp3 G20 H5N1 Win10')).toEqual(['mp3', 'g20', 'h5n1', 'win10']);
  });

  it('reads a regular comparative or superlative adjective as its positive', () => {
    // GSA's quadrant table: "I: Lower Implementation, Lower Conformance" for "low implementation and low conformance".
    expect(tokenize('Lower Implementation')).toEqual(tokenize('low implementation'));
    expect(tokenize('the largest, biggest, earliest and simplest')).toEqual(tokenize('large big early simple'));
    // Not the suppletive forms: "best practices" are not "good practices".
    expect(tokenize('best practices, worse results')).toEqual(['best', 'practic', 'wors', 'result']);
    // Words that merely end in -er are left alone, and "fewer" is kept (its positive is a stop word).
    expect(tokenize('order water fewer')).toEqual(['order', 'water', 'fewer']);
  });

  it('keeps "own": "their own program" is not "a program"', () => {
    // GSA: "How many components run their own 508 programme?" — "115 components reported having their own Section 508
    // programs", not "Of these, five components reported a Section 508 program."
    expect(tokenize('their own program')).toEqual(['own', 'program']);
  });
});
