/**
 * Sentence-level scoring: which sentence best answers the question. Pure.
 *
 * A sentence earns the IDF weight of every query term it contains; terms found only in
 * its paragraph or its section headings count for less (headings are evidence for the
 * paragraphs under them). Adjacent query terms appearing side by side earn a phrase
 * bonus. Figure/date questions prefer sentences that carry one.
 */
import type { Concept } from '../search/concept.js';
import { hasDate, hasFigure, type QuestionAnalysis } from './question.js';

export const WEIGHTS = {
  /** Share of a term's weight earned when it is only in the paragraph's other sentences. */
  paragraph: 0.25,
  /** Share earned when it is only in the section path. */
  heading: 0.6,
  /** Bonus for adjacent query-term pairs found side by side, as a share of the pairs' weight in the query. */
  phrase: 0.3,
  /** Bonus or penalty for figure/date questions. */
  figure: 0.12,
  /** Weight of the sentence's relatedness (dense similarity against off-topic levels) in hybrid mode, at RELATED_SCALE. */
  dense: 0.8,
  /** Share of that weight that follows the best sentence of the paragraph rather than the sentence itself. */
  denseParagraph: 0.5,
} as const;

/** Relatedness (off-topic standard deviations) that earns the full dense weight; more earns no more. */
export const RELATED_SCALE = 5;

export interface SentenceEvidence {
  /** Terms of the sentence, in order. */
  terms: string[];
  /** The same as a set, when the caller has it already. */
  termSet?: Set<string>;
  text: string;
  /** Terms of the rest of its paragraph and of its section path. */
  paragraphTerms: Set<string>;
  headingTerms: Set<string>;
  /** Relatedness of the sentence and of its paragraph's best sentence (confidence.ts), when dense retrieval ran. */
  related?: number;
  paragraphRelated?: number;
}

export interface SentenceScore {
  score: number;
  /** Weighted share of the query the sentence and its context cover, 0..1: what refusal looks at. */
  coverage: number;
  /** The same counting the question's own words only (no synonyms). */
  literal: number;
}

/**
 * Scores one sentence for a question.
 * @param conceptWeight IDF-like weight of a concept (one absent from the corpus should weigh the most)
 * @param termWeight IDF-like weight of one term, for phrases
 */
export function scoreSentence(q: QuestionAnalysis, s: SentenceEvidence, conceptWeight: (c: Concept) => number, termWeight: (term: string) => number): SentenceScore {
  if (q.concepts.length === 0) return { score: 0, coverage: 0, literal: 0 };
  const own = s.termSet ?? new Set(s.terms);
  const share = (c: Concept): number => Math.max(matchShare(c, own, termWeight), WEIGHTS.heading * matchShare(c, s.headingTerms, termWeight), WEIGHTS.paragraph * matchShare(c, s.paragraphTerms, termWeight));
  let total = 0;
  let earned = 0;
  let earnedLiterally = 0;
  for (const concept of q.concepts) {
    const w = conceptWeight(concept);
    total += w;
    const got = share(concept);
    earned += got * w;
    earnedLiterally += (concept.credits ? share(literalReadings(concept)) : got) * w;
  }
  const coverage = total > 0 ? earned / total : 0;
  const literal = total > 0 ? earnedLiterally / total : 0;
  let score = coverage + (WEIGHTS.phrase * phraseWeight(q.terms, s.terms, termWeight)) / Math.max(total, 1e-9);
  if (q.wantsFigure) score += hasFigure(s.text) ? WEIGHTS.figure : -WEIGHTS.figure;
  if (q.wantsDate) score += hasDate(s.text) ? WEIGHTS.figure : -WEIGHTS.figure;
  if (s.related !== undefined) {
    const scaled = (r: number | undefined): number => Math.min(Math.max(r ?? 0, 0), RELATED_SCALE) / RELATED_SCALE;
    score += WEIGHTS.dense * ((1 - WEIGHTS.denseParagraph) * scaled(s.related) + WEIGHTS.denseParagraph * scaled(s.paragraphRelated));
  }
  return { score, coverage, literal };
}

/** A concept with its full-credit readings only (the question's own word, not its synonyms). */
function literalReadings(c: Concept): Concept {
  return { ...c, senses: c.senses.filter((_, i) => (c.credits?.[i] ?? 1) === 1), credits: undefined };
}

/**
 * How much of a concept a set of terms matches, 0..1: the best reading's weighted share of
 * words present (a word is present when any of its forms is).
 */
export function matchShare(c: Concept, terms: Set<string>, termWeight: (term: string) => number): number {
  let best = 0;
  for (const [i, sense] of c.senses.entries()) {
    const credit = c.credits?.[i] ?? 1;
    if (credit <= best) continue;
    let have = 0;
    let all = 0;
    for (const forms of sense) {
      const w = Math.max(...forms.map(termWeight));
      all += w;
      if (forms.some((f) => terms.has(f))) have += w;
    }
    if (all > 0) best = Math.max(best, (credit * have) / all);
    if (best === 1) break;
  }
  return best;
}

/**
 * Weight of the adjacent query-term pairs that also stand side by side in the sentence;
 * a pair weighs as its rarer-is-heavier lighter term, so "county law" counts little and
 * "administrative cases" much.
 */
export function phraseWeight(queryTerms: string[], sentenceTerms: string[], weightOf: (term: string) => number): number {
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < sentenceTerms.length; i++) pairs.add(`${sentenceTerms[i]} ${sentenceTerms[i + 1]}`);
  let weight = 0;
  for (let i = 0; i + 1 < queryTerms.length; i++) {
    if (pairs.has(`${queryTerms[i]} ${queryTerms[i + 1]}`)) weight += Math.min(weightOf(queryTerms[i]), weightOf(queryTerms[i + 1]));
  }
  return weight;
}
