/**
 * Builds the verbatim quote around the best sentence. Pure.
 */
import { tokenizeWithOffsets } from '../search/tokenize.js';
import type { Quote } from './types.js';

const MAX_QUOTE_CHARS = 400;
/** An item heading shorter than this ("Sixth, consciously accept supervision.") is quoted with what follows. */
export const SHORT_SENTENCE = 80;

export interface Sentence {
  start: number;
  end: number;
  score: number;
  /** Opens with a word that points back ("It", "These", "Among them"): it needs the sentence before. */
  leansBack?: boolean | undefined;
  /** Is the paragraph's item heading ("Sixth, consciously accept supervision."): it needs the sentence after. */
  isLead?: boolean | undefined;
  /** Holds the kind of answer asked for, a figure or a date (undefined when the question asks for neither). */
  gives?: boolean | undefined;
}

const LEANS_BACK =
  /^(it|its|this|these|those|they|their|there|among them|including|of which|of them|in addition|meanwhile|at the same time|for example|for instance)\b/i;

/** True when a sentence cannot stand alone because it refers to the one before it. */
export function leansBack(sentence: string): boolean {
  return LEANS_BACK.test(sentence.trim());
}

/**
 * Picks one to three consecutive sentences of a paragraph: the best one, plus a short
 * lead's continuation, the sentence after it holding the figure or date asked that it lacks, or a neighbour that scores
 * nearly as well, within MAX_QUOTE_CHARS.
 */
export function selectSentences(paragraph: Sentence[], best: number): { start: number; end: number } {
  let first = best;
  let last = best;
  const length = (): number => paragraph[last]!.end - paragraph[first]!.start;
  const extend = (i: number, side: 'before' | 'after'): boolean => {
    if (i < 0 || i >= paragraph.length || last - first >= 2) return false;
    const grown =
      side === 'after' ? paragraph[i]!.end - paragraph[first]!.start : paragraph[last]!.end - paragraph[i]!.start;
    if (grown > MAX_QUOTE_CHARS) return false;
    if (side === 'after') last = i;
    else first = i;
    return true;
  };
  if (paragraph[first]!.leansBack) extend(first - 1, 'before');
  if ((paragraph[first]!.isLead && length() < SHORT_SENTENCE) || paragraph[last + 1]?.leansBack)
    extend(last + 1, 'after');
  // A heading is never the whole quote: the sentence after it joins it even past the length a quote grows to.
  if (first === last && paragraph[first]!.isLead && paragraph[first + 1]) last = first + 1;
  // An answer may go on in the next sentence or the one after: "… customer support through live chat …. Trained
  // representatives handled 38,600 taxpayer interactions …" for "how many chats did the live support people handle?".
  // (It joins past the length a quote grows to, up to twice that: without it the quote does not answer.)
  const answering = [best + 1, best + 2].find((i) => paragraph[i]?.gives);
  const reachable = (i: number): boolean =>
    i > last && i - first <= 2 && paragraph[i]!.end - paragraph[first]!.start <= 2 * MAX_QUOTE_CHARS;
  if (paragraph[best]!.gives === false && answering !== undefined && reachable(answering)) last = answering;
  const bar = paragraph[best]!.score * 0.8;
  if (paragraph[last + 1] && paragraph[last + 1]!.score >= bar) extend(last + 1, 'after');
  if (paragraph[first - 1] && paragraph[first - 1]!.score >= bar) extend(first - 1, 'before');
  return { start: paragraph[first]!.start, end: paragraph[last]!.end };
}

/**
 * The quote for a span of the report: whitespace normalised, the question's words marked.
 * A run of adjacent question words is marked when one of them is distinctive ("13
 * administrative cases"); a common word alone ("county", "2023") is not.
 */
export function buildQuote(
  reportText: string,
  start: number,
  end: number,
  queryTerms: Set<string>,
  distinctive: (term: string) => boolean = () => true,
): Quote {
  const text = reportText.slice(start, end).replace(/\s+/g, ' ').trim();
  const runs: { start: number; end: number; distinctive: boolean }[] = [];
  let previous = -1;
  tokenizeWithOffsets(text).forEach((t, i) => {
    if (!queryTerms.has(t.term)) return;
    const last = runs.at(-1);
    if (last && previous === i - 1 && /^\s*$/.test(text.slice(last.end, t.start))) {
      last.end = t.end;
      last.distinctive ||= distinctive(t.term);
    } else runs.push({ start: t.start, end: t.end, distinctive: distinctive(t.term) });
    previous = i;
  });
  const highlights = runs.filter((r) => r.distinctive).map(({ start: s, end: e }) => ({ start: s, end: e }));
  return { text, highlights, start, end };
}
