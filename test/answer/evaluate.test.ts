import { describe, expect, it } from 'vitest';
import { evaluate, type EvalQuestion } from '../../src/answer/evaluate.js';
import type { Answer } from '../../src/answer/types.js';

const REPORT = 'The county opened 4 new libraries. It lent 52000 books.  Reading rooms stay open.';
const texts = new Map([['r', REPORT]]);

/** An answer quoting `quotes` (each cited in report r, or `bad` citations), with a confidence. */
function answer(
  quotes: string[],
  confidence: 'high' | 'low' = 'high',
  cite = { title: 'County', paragraph: 1 },
): Answer {
  return {
    question: 'q',
    abstained: false,
    confidence,
    answers: quotes.map((text) => ({
      quote: { text, highlights: [], start: 0, end: 0 },
      score: 1,
      citation: { reportId: 'r', reportTitle: cite.title, section: 'Results', paragraph: cite.paragraph },
      sectionPath: ['Results'],
    })),
    nearestSections: [],
    mode: 'lexical',
  };
}
const refusal: Answer = { question: 'q', abstained: true, answers: [], nearestSections: [], mode: 'lexical' };

describe('evaluate', () => {
  it('hit@1, hit@3 and MRR from the first quote holding a gold string (whitespace aside)', () => {
    const set: EvalQuestion[] = [
      { q: 'libraries?', gold: ['4 new libraries'] },
      { q: 'books?', gold: ['lent 52000 books', 'no such words'] },
      { q: 'rooms?', gold: ['Reading rooms'] },
      { q: 'missing?', gold: ['not in any quote'] },
    ];
    const r = evaluate(
      set,
      [
        answer(['The county opened 4 new   libraries.']),
        answer(['Reading rooms stay open.', 'It lent 52000 books.']),
        answer(['x', 'y', 'Reading rooms stay open.', 'z']),
        answer(['The county opened 4 new libraries.']),
      ],
      texts,
    );
    expect(r.questions).toBe(4);
    expect(r.hitAt1).toBe(0.25);
    expect(r.hitAt3).toBe(0.75);
    expect(r.mrr).toBe(0.458); // (1 + 1/2 + 1/3 + 0) / 4
    expect(r.misses).toEqual([
      'books? → [high] Reading rooms stay open.',
      'rooms? → [high] x',
      'missing? → [high] The county opened 4 new libraries.',
    ]);
  });

  it('quotes verbatim and citations complete, as shares of every quote', () => {
    const r = evaluate(
      [
        { q: 'a', gold: ['libraries'] },
        { q: 'b', gold: ['books'] },
      ],
      [
        answer(['It lent 52000 books. Reading rooms stay open.', 'A paraphrase of the report.']),
        answer(['The county opened 4 new libraries.'], 'high', { title: '', paragraph: 0 }),
      ],
      texts,
    );
    expect(r.verbatimRate).toBe(0.667);
    expect(r.citationCompleteness).toBe(0.667);
    expect(r.medianQuoteChars).toBe('The county opened 4 new libraries.'.length);
  });

  it('refusals and confidence: answerable refused or low, unanswerable refused, low or quoted high', () => {
    const set: EvalQuestion[] = [
      { q: 'a', gold: ['libraries'] },
      { q: 'b', gold: ['books'] },
      { q: 'c', gold: ['rooms'] },
      { q: 'u1', gold: [], unanswerable: true },
      { q: 'u2', gold: [], unanswerable: true },
      { q: 'u3', gold: [], unanswerable: true },
    ];
    const r = evaluate(
      set,
      [
        refusal,
        answer(['It lent 52000 books.'], 'low'),
        answer(['Reading rooms stay open.']),
        refusal,
        answer(['It lent 52000 books.'], 'low'),
        answer(['It lent 52000 books.'], 'high'),
      ],
      texts,
    );
    expect(r).toMatchObject({
      questions: 3,
      falseAbstentions: 1,
      lowConfidence: 1,
      abstained: '1/3',
      unanswerableHandled: '2/3',
      unanswerableHigh: 1,
    });
    expect(r.misses[0]).toBe('a → (refused)');
  });

  it('an empty set scores 0, not NaN; answers and questions must pair up', () => {
    expect(evaluate([], [], texts)).toMatchObject({
      questions: 0,
      hitAt1: 0,
      mrr: 0,
      verbatimRate: 0,
      medianQuoteChars: 0,
    });
    expect(() => evaluate([{ q: 'a', gold: ['x'] }], [], texts)).toThrow('0 answers for 1 questions');
  });
});
