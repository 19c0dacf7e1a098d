/**
 * Answer → the `ask` CLI's JSON shape (a stable interface, in the README's quick start) and → readable
 * terminal text. Pure.
 */
import type { Answer, AnswerItem, Quote } from './types.js';

const NOT_COVERED = 'The report does not seem to cover this.';
const NOT_A_QUESTION =
  'What would you like to know about the reports? Ask a question and the passage that answers it is quoted.';
const LOW_CONFIDENCE = 'Closest passages — the report may not answer this exactly:';

export interface AnswerJson {
  question: string;
  abstained: boolean;
  confidence?: 'high' | 'low';
  answers: {
    quote: string;
    score: number;
    citation: { reportId: string; reportTitle: string; section: string; paragraph: number; page?: number | undefined };
  }[];
}

export function toJson(answer: Answer): AnswerJson {
  return {
    question: answer.question,
    abstained: answer.abstained,
    ...(answer.abstained ? {} : { confidence: answer.confidence }),
    answers: answer.answers.map((a) => {
      const { reportId, reportTitle, section, paragraph, page } = a.citation;
      return {
        quote: a.quote.text,
        score: a.score,
        citation: { reportId, reportTitle, section, paragraph, ...(page ? { page } : {}) },
      };
    }),
  };
}

/** Wraps each highlight of a quote with `open`/`close`, escaping the text between with `escape`. */
export function markQuote(quote: Quote, open: string, close: string, escape: (s: string) => string = (s) => s): string {
  let out = '';
  let at = 0;
  for (const h of mergeSpans(quote.highlights)) {
    out += escape(quote.text.slice(at, h.start)) + open + escape(quote.text.slice(h.start, h.end)) + close;
    at = h.end;
  }
  return out + escape(quote.text.slice(at));
}

/** Joins overlapping or touching spans (separated by spaces only) so marks do not nest. */
function mergeSpans(spans: { start: number; end: number }[]): { start: number; end: number }[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: { start: number; end: number }[] = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (last && s.start <= last.end + 1) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** Short citation line: report title · section path · ¶n. */
function citationLine(c: {
  reportTitle: string;
  section: string;
  paragraph: number;
  page?: number | undefined;
}): string {
  return `${c.reportTitle} · ${c.section}${c.page ? ` · p. ${c.page}` : ''} · ¶${c.paragraph}`;
}

/** Readable terminal answer: quotes with their citations (matched words in bold on a terminal), or the refusal. */
export function toText(
  answer: Answer,
  color = false,
  cite: (a: AnswerItem) => string = (a) => citationLine(a.citation),
): string {
  if (answer.notAQuestion) return NOT_A_QUESTION;
  if (answer.abstained) {
    const nearest = answer.nearestSections.map((s) => `  - ${s.section} (¶${s.paragraph})`).join('\n');
    return nearest ? `${NOT_COVERED}\nNearest sections:\n${nearest}` : NOT_COVERED;
  }
  const [open, close] = color ? ['\x1b[1m', '\x1b[22m'] : ['', ''];
  const caveat = answer.confidence === 'low' ? `${LOW_CONFIDENCE}\n` : '';
  return (
    caveat +
    answer.answers
      .map((a, i) => `${i === 0 ? '' : `Other match ${i}:\n`}«${markQuote(a.quote, open, close)}»\n— ${cite(a)}`)
      .join('\n\n')
  );
}
