/**
 * What a question asks for, read from its words alone. Pure.
 */
import { tokenize } from '../search/tokenize.js';

export interface QuestionAnalysis {
  /** Processed query terms (stemmed, stop words removed), duplicates kept in order. */
  terms: string[];
  /** "How many / how much / what percentage / what rate…": prefer sentences with a figure. */
  wantsFigure: boolean;
  /** "When / what date / which year…": prefer sentences with a date. */
  wantsDate: boolean;
  /** Four-digit years named in the question, to prefer the report of that year. */
  years: string[];
}

const FIGURE_CUES = /\b(how (many|much|often|long)|what (percentage|proportion|share|number|rate|amount)|number of|percentage|how many times)\b|多少|几[个件次名户份起人]?|比例|百分之/i;
const DATE_CUES = /\b(when|what (date|day|month|year|time)|which (date|day|month|year))\b|何时|什么时候|哪一?年|几月/i;

/** Reads the terms and the kind of answer a question wants. */
export function analyzeQuestion(question: string, extraTerms: string[] = []): QuestionAnalysis {
  return {
    terms: [...tokenize(question), ...extraTerms],
    wantsFigure: FIGURE_CUES.test(question),
    wantsDate: DATE_CUES.test(question),
    years: question.match(/\b(19|20)\d{2}\b/g) ?? [],
  };
}

const NUMBER_WORDS = /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|hundred|thousand|million|once|twice|all|every)\b/i;
const MONTHS = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/;

/** True when a sentence states a figure (digits or number words). */
export function hasFigure(sentence: string): boolean {
  return /\d/.test(sentence) || NUMBER_WORDS.test(sentence);
}

/** True when a sentence states a date (a month name or a year). */
export function hasDate(sentence: string): boolean {
  return MONTHS.test(sentence) || /\b(19|20)\d{2}\b/.test(sentence);
}
