/**
 * Retrieval-quality metrics over a question set with gold strings. Pure: answers in,
 * figures out. Used by `npm run bench:quality` and by the quality-floor test.
 */
import type { Answer } from './types.js';

export interface EvalQuestion {
  q: string;
  gold: string[];
  unanswerable?: boolean;
  lang?: string;
}

export interface QualityReport {
  questions: number;
  hitAt1: number;
  hitAt3: number;
  mrr: number;
  verbatimRate: number;
  citationCompleteness: number;
  /** Unanswerable questions refused / unanswerable questions. */
  abstained: string;
  falseAbstentions: number;
  /** Answerable questions answered only with low confidence. */
  lowConfidence: number;
  /** Unanswerable questions refused or answered with low confidence, and those quoted with high confidence. */
  unanswerableHandled: string;
  unanswerableHigh: number;
  medianQuoteChars: number;
  misses: string[];
}

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Index (0-based) of the first answer whose quote holds a gold string, or -1. */
function firstHit(answer: Answer, gold: string[]): number {
  return answer.answers.findIndex((a) => gold.some((g) => norm(a.quote.text).includes(norm(g))));
}

/** Scores answers against their questions; `reportTexts` checks quotes are verbatim. */
export function evaluate(set: EvalQuestion[], answers: Answer[], reportTexts: Map<string, string>): QualityReport {
  const normTexts = new Map([...reportTexts].map(([id, t]) => [id, norm(t)]));
  if (answers.length !== set.length) throw new Error(`${answers.length} answers for ${set.length} questions`);
  const pairs = set.map((q, i) => ({ q, a: answers[i]! }));
  const answerable = pairs.filter(({ q }) => !q.unanswerable);
  const unanswerable = pairs.filter(({ q }) => q.unanswerable);
  const ranks = answerable.map(({ q, a }) => firstHit(a, q.gold));
  const all = answers.flatMap((a) => a.answers);
  const lengths = all.map((a) => a.quote.text.length).sort((x, y) => x - y);
  const share = (n: number, d: number): number => (d ? Math.round((n / d) * 1000) / 1000 : 0);
  return {
    questions: answerable.length,
    hitAt1: share(ranks.filter((r) => r === 0).length, ranks.length),
    hitAt3: share(ranks.filter((r) => r >= 0 && r < 3).length, ranks.length),
    mrr: share(
      ranks.reduce((sum, r) => sum + (r >= 0 ? 1 / (r + 1) : 0), 0),
      ranks.length,
    ),
    verbatimRate: share(
      all.filter((a) => normTexts.get(a.citation.reportId)?.includes(norm(a.quote.text))).length,
      all.length,
    ),
    citationCompleteness: share(
      all.filter((a) => a.citation.reportTitle && a.citation.section && a.citation.paragraph > 0).length,
      all.length,
    ),
    abstained: `${unanswerable.filter(({ a }) => a.abstained).length}/${unanswerable.length}`,
    falseAbstentions: answerable.filter(({ a }) => a.abstained).length,
    lowConfidence: answerable.filter(({ a }) => !a.abstained && a.confidence === 'low').length,
    unanswerableHandled: `${unanswerable.filter(({ a }) => a.abstained || a.confidence === 'low').length}/${unanswerable.length}`,
    unanswerableHigh: unanswerable.filter(({ a }) => !a.abstained && a.confidence !== 'low').length,
    medianQuoteChars: lengths[Math.floor(lengths.length / 2)] ?? 0,
    misses: answerable
      .filter((_, i) => ranks[i] !== 0)
      .map(
        ({ q, a }) =>
          `${q.q} → ${a.abstained ? '(refused)' : `[${a.confidence}] ${a.answers[0]?.quote.text.slice(0, 90)}`}`,
      ),
  };
}
