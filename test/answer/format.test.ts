import { describe, expect, it } from 'vitest';
import { markQuote, toJson, toText } from '../../src/answer/format.js';
import type { Answer, AnswerItem } from '../../src/answer/types.js';

const item = (text: string, paragraph: number, highlights: { start: number; end: number }[] = []): AnswerItem => ({
  quote: { text, highlights, start: 0, end: text.length },
  score: 1.25,
  citation: { reportId: 'r', reportTitle: 'County Report', section: 'Results › Libraries', paragraph },
  sectionPath: ['Results', 'Libraries'],
});

const answer = (over: Partial<Answer>): Answer => ({
  question: 'How many libraries?',
  abstained: false,
  confidence: 'high',
  answers: [],
  nearestSections: [],
  mode: 'lexical',
  ...over,
});

describe('the CLI formats', () => {
  it('marks highlights, merging spans that overlap or touch across a space, escaping the text between', () => {
    const quote = item('4 new <public> libraries', 3, [
      { start: 2, end: 5 },
      { start: 6, end: 14 },
      { start: 15, end: 24 },
    ]).quote;
    expect(markQuote(quote, '[', ']')).toBe('4 [new <public> libraries]');
    expect(markQuote(quote, '[', ']', (s) => s.replace(/</g, '&lt;').replace(/>/g, '&gt;'))).toBe(
      '4 [new &lt;public&gt; libraries]',
    );
    const apart = item('one two three', 1, [
      { start: 8, end: 13 },
      { start: 0, end: 3 },
    ]).quote;
    expect(markQuote(apart, '*', '*')).toBe('*one* two *three*');
    expect(markQuote(item('plain', 1).quote, '*', '*')).toBe('plain');
  });

  it('JSON: the quote, score and citation; the page only when there is one; no confidence on a refusal', () => {
    const paged = { ...item('A.', 2), citation: { ...item('A.', 2).citation, page: 7 } };
    expect(toJson(answer({ answers: [item('Four libraries.', 3), paged] }))).toEqual({
      question: 'How many libraries?',
      abstained: false,
      confidence: 'high',
      answers: [
        {
          quote: 'Four libraries.',
          score: 1.25,
          citation: { reportId: 'r', reportTitle: 'County Report', section: 'Results › Libraries', paragraph: 3 },
        },
        {
          quote: 'A.',
          score: 1.25,
          citation: {
            reportId: 'r',
            reportTitle: 'County Report',
            section: 'Results › Libraries',
            paragraph: 2,
            page: 7,
          },
        },
      ],
    });
    // A refusal carries no confidence, whatever the answer object holds.
    expect(toJson(answer({ abstained: true }))).toStrictEqual({
      question: 'How many libraries?',
      abstained: true,
      answers: [],
    });
  });

  it('text: quotes with citations, other matches numbered, the low-confidence caveat, bold on a terminal', () => {
    const two = answer({ answers: [item('Four libraries.', 3, [{ start: 5, end: 14 }]), item('Books lent.', 4)] });
    expect(toText(two)).toBe(
      '«Four libraries.»\n— County Report · Results › Libraries · ¶3\n\nOther match 1:\n«Books lent.»\n— County Report · Results › Libraries · ¶4',
    );
    expect(toText(answer({ answers: [item('Four libraries.', 3, [{ start: 5, end: 14 }])] }), true)).toBe(
      '«Four \x1b[1mlibraries\x1b[22m.»\n— County Report · Results › Libraries · ¶3',
    );
    expect(toText(answer({ confidence: 'low', answers: [item('Near.', 5)] }))).toBe(
      'Closest passages — the report may not answer this exactly:\n«Near.»\n— County Report · Results › Libraries · ¶5',
    );
    const paged = { ...item('P.', 1), citation: { ...item('P.', 1).citation, page: 12 } };
    expect(toText(answer({ answers: [paged] }))).toBe('«P.»\n— County Report · Results › Libraries · p. 12 · ¶1');
    expect(toText(answer({ answers: [item('C.', 9)] }), false, () => 'custom')).toBe('«C.»\n— custom');
  });

  it('text: a refusal with the nearest sections, a bare refusal, and a message that asked nothing', () => {
    expect(
      toText(
        answer({
          abstained: true,
          nearestSections: [
            { reportId: 'r', section: 'Results', paragraph: 2 },
            { reportId: 'r', section: 'Plans', paragraph: 9 },
          ],
        }),
      ),
    ).toBe('The report does not seem to cover this.\nNearest sections:\n  - Results (¶2)\n  - Plans (¶9)');
    expect(toText(answer({ abstained: true }))).toBe('The report does not seem to cover this.');
    expect(toText(answer({ abstained: true, notAQuestion: 'chatter' }))).toBe(
      'What would you like to know about the reports? Ask a question and the passage that answers it is quoted.',
    );
  });
});
