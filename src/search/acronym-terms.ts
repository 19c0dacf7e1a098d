/**
 * A report's abbreviations as index terms (corpus/acronyms.ts finds them): a passage that writes either form is found
 * and ranked by the other too. Pure.
 */
import { definedAcronyms, nameInitialisms } from '../corpus/acronyms.js';
import { processTerm, tokenize } from './tokenize.js';

/** An abbreviation a report defines, as index terms: one short term, its long form's terms. */
export interface AcronymPair {
  short: string;
  long: string[];
}

/**
 * The abbreviations a report defines ("program managers (PMs)"), one word each, then the initials of names it spells
 * out and never abbreviates ("Hong Kong" → HK).
 */
export function acronymPairs(text: string): AcronymPair[] {
  const defined = definedAcronyms(text);
  const shorts = new Set(defined.map((a) => a.short.toUpperCase()));
  const implied = nameInitialisms(text, (word) => processTerm(word) !== undefined).filter((a) => !shorts.has(a.short));
  return [...defined, ...implied]
    .map((a) => ({ short: tokenize(a.short), long: tokenize(a.long) }))
    .filter((a) => a.short.length === 1 && a.long.length > 0)
    .map((a) => ({ short: a.short[0]!, long: a.long }));
}

/**
 * A passage's terms with the other form of every abbreviation its report defines: "PM" also reads "program manager"
 * and "full-time equivalents" also "FTE", so a reader may ask with either.
 */
export function withAcronyms(terms: Set<string>, pairs: AcronymPair[]): Set<string> {
  for (const { short, long } of pairs) {
    if (terms.has(short)) for (const t of long) terms.add(t);
    else if (long.every((t) => terms.has(t))) terms.add(short);
  }
  return terms;
}
