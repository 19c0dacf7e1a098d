import { describe, expect, it } from 'vitest';
import { buildQuote, leansBack, selectSentences, type Sentence } from '../../src/answer/quote.js';

/** Sentences laid end to end, each `length` characters, with the given scores. */
function paragraph(
  specs: { length: number; score: number; isLead?: boolean; leansBack?: boolean; gives?: boolean }[],
): Sentence[] {
  let at = 0;
  return specs.map((s) => {
    const { isLead, leansBack, gives } = s;
    const sentence = { start: at, end: at + s.length, score: s.score, isLead, leansBack, gives };
    at += s.length + 1;
    return sentence;
  });
}

describe('selectSentences', () => {
  it('quotes the best sentence alone when its neighbours score much lower', () => {
    const p = paragraph([
      { length: 100, score: 0.2 },
      { length: 100, score: 1 },
      { length: 100, score: 0.3 },
    ]);
    expect(selectSentences(p, 1)).toEqual({ start: p[1]!.start, end: p[1]!.end });
  });

  it('goes on to the sentence after when that holds the figure or date asked and the best one does not', () => {
    const p = paragraph([
      { length: 100, score: 1, gives: false },
      { length: 100, score: 0.3, gives: true },
      { length: 100, score: 0.3, gives: true },
    ]);
    expect(selectSentences(p, 0)).toEqual({ start: p[0]!.start, end: p[1]!.end });
    // Not when it holds one itself, nor for a question asking for neither (gives undefined).
    const holds = paragraph([
      { length: 100, score: 1, gives: true },
      { length: 100, score: 0.3, gives: true },
    ]);
    expect(selectSentences(holds, 0)).toEqual({ start: holds[0]!.start, end: holds[0]!.end });
    const open = paragraph([
      { length: 100, score: 1 },
      { length: 100, score: 0.3 },
    ]);
    expect(selectSentences(open, 0)).toEqual({ start: open[0]!.start, end: open[0]!.end });
    // …past the 400 characters a quote grows to (up to twice that): without it the quote does not answer.
    const long = paragraph([
      { length: 270, score: 1, gives: false },
      { length: 190, score: 0.3, gives: true },
    ]);
    expect(selectSentences(long, 0)).toEqual({ start: long[0]!.start, end: long[1]!.end });
    // …or the one after it, when the next leans on the best (three sentences at most).
    const third = paragraph([
      { length: 230, score: 1, gives: false },
      { length: 110, score: 0.3, gives: false, leansBack: true },
      { length: 90, score: 0.3, gives: true },
    ]);
    expect(selectSentences(third, 0)).toEqual({ start: third[0]!.start, end: third[2]!.end });
    const tooLong = paragraph([
      { length: 500, score: 1, gives: false },
      { length: 400, score: 0.3, gives: true },
    ]);
    expect(selectSentences(tooLong, 0)).toEqual({ start: tooLong[0]!.start, end: tooLong[0]!.end });
  });

  it('joins a neighbour that scores nearly as well, within 400 characters', () => {
    const p = paragraph([
      { length: 150, score: 1 },
      { length: 150, score: 0.9 },
      { length: 300, score: 0.95 },
    ]);
    expect(selectSentences(p, 0)).toEqual({ start: p[0]!.start, end: p[1]!.end });
  });

  it('takes the sentence before a sentence that leans back ("It…", "These…")', () => {
    const p = paragraph([
      { length: 100, score: 0.1 },
      { length: 100, score: 1, leansBack: true },
    ]);
    expect(selectSentences(p, 1)).toEqual({ start: p[0]!.start, end: p[1]!.end });
  });

  it('never quotes a heading alone: the sentence after it joins, even past the usual length', () => {
    const p = paragraph([
      { length: 60, score: 1, isLead: true },
      { length: 500, score: 0.2 },
    ]);
    expect(selectSentences(p, 0)).toEqual({ start: p[0]!.start, end: p[1]!.end });
  });
});

describe('selectSentences: how a quote grows', () => {
  it('takes the sentence after when that one leans back on the best ("It…")', () => {
    const p = paragraph([
      { length: 100, score: 1 },
      { length: 100, score: 0.1, leansBack: true },
    ]);
    expect(selectSentences(p, 0)).toEqual({ start: p[0]!.start, end: p[1]!.end });
  });

  it("takes a short item heading's next sentence, and a neighbour before that scores nearly as well", () => {
    const lead = paragraph([
      { length: 40, score: 1, isLead: true },
      { length: 100, score: 0.1 },
      { length: 100, score: 0.1 },
    ]);
    expect(selectSentences(lead, 0)).toEqual({ start: lead[0]!.start, end: lead[1]!.end });
    const before = paragraph([
      { length: 100, score: 0.1 },
      { length: 100, score: 0.9 },
      { length: 100, score: 1 },
    ]);
    expect(selectSentences(before, 2)).toEqual({ start: before[1]!.start, end: before[2]!.end });
  });

  it('grows to three sentences at most, and never past 400 characters', () => {
    const even = paragraph(Array.from({ length: 5 }, () => ({ length: 50, score: 1 })));
    const three = selectSentences(even, 2);
    expect(even.filter((s) => s.start >= three.start && s.end <= three.end)).toHaveLength(3);
    const long = paragraph([
      { length: 250, score: 1 },
      { length: 200, score: 1 },
    ]);
    expect(selectSentences(long, 0)).toEqual({ start: long[0]!.start, end: long[0]!.end });
  });
});

describe('leansBack and buildQuote', () => {
  it('knows sentences that need the one before', () => {
    expect(leansBack('These measures worked.')).toBe(true);
    expect(leansBack('The county built roads.')).toBe(false);
    // An example exemplifies the sentence before it: "More than a dozen organizations are using this data. For example,
    // Scholar Match, Propublica, and College Abacus …" are quoted together.
    expect(leansBack('For example, Scholar Match and Propublica use the data.')).toBe(true);
    expect(leansBack('For instance, DWP claims rose.')).toBe(true);
  });

  it('normalises whitespace and marks runs of question words that hold a distinctive one', () => {
    const text = 'In 2023 there were  13 administrative\ncases in the county.';
    const q = buildQuote(text, 0, text.length, new Set(['administr', 'case', 'counti']), (t) => t !== 'counti');
    expect(q.text).toBe('In 2023 there were 13 administrative cases in the county.');
    expect(q.highlights.map((h) => q.text.slice(h.start, h.end))).toEqual(['administrative cases']);
  });

  it('marks the question words where the quote has them after an ellipsis or a ligature (not a few letters on)', () => {
    const text = 'Wait… the ofﬁce handled 420 notaries.';
    const q = buildQuote(text, 0, text.length, new Set(['offic', 'notari']));
    expect(q.highlights.map((h) => q.text.slice(h.start, h.end))).toEqual(['ofﬁce', 'notaries']);
  });
});
