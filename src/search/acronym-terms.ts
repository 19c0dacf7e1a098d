/**
 * A report's abbreviations as index terms (corpus/acronyms.ts finds them): a passage that writes either form is found
 * and ranked by the other too. Pure.
 */
import { definedAcronyms, nameInitialisms, namesByInitials, writtenInitialisms } from '../corpus/acronyms.js';
import { processTerm, tokenize } from './tokenize.js';

/** An abbreviation a report defines, as index terms: one short term, its long form's terms. */
export interface AcronymPair {
  short: string;
  long: string[];
}

/**
 * The abbreviations a report defines ("program managers (PMs)"), one word each, then those it writes for a name it
 * spelled out before without defining them ("FBPTA"), then the initials of names it spells out and never abbreviates
 * ("Hong Kong" → HK), then abbreviations in wide use it writes in either form (COMMON, which the undefined ones yield to).
 */
export function acronymPairs(text: string): AcronymPair[] {
  const defined = definedAcronyms(text);
  const shorts = new Set(defined.map((a) => a.short.toUpperCase()));
  const names = namesByInitials(text, (word) => processTerm(word) !== undefined);
  const implied = nameInitialisms(text, names).filter((a) => !shorts.has(a.short));
  for (const a of implied) shorts.add(a.short);
  const common = COMMON.filter((a) => !shorts.has(a.short) && (a.shortWritten.test(text) || a.longWritten.test(text)));
  // (An abbreviation in wide use keeps its meaning: "CEO" is no "Client Experience Office".)
  for (const a of common) shorts.add(a.short);
  const written = writtenInitialisms(text, names).filter((a) => !shorts.has(a.short));
  return [...defined, ...written, ...implied, ...common]
    .map((a) => ({ short: tokenize(a.short), long: tokenize(a.long) }))
    .filter((a) => a.short.length === 1 && a.long.length > 0)
    .map((a) => ({ short: a.short[0]!, long: a.long }));
}

/**
 * Abbreviations in wide use that reports write without defining them, or whose long form they write without the
 * abbreviation a reader types ("the SMS sending rate", "Chief Operating Officer" asked as "COO").
 */
const COMMON = Object.entries({
  SMS: 'text message',
  MFA: 'multi-factor authentication',
  '2FA': 'two-factor authentication',
  AI: 'artificial intelligence',
  FAQ: 'frequently asked questions',
  CEO: 'chief executive officer',
  CFO: 'chief financial officer',
  CIO: 'chief information officer',
  COO: 'chief operating officer',
  CTO: 'chief technology officer',
  UX: 'user experience',
  GDP: 'gross domestic product',
  KPI: 'key performance indicator',
  ROI: 'return on investment',
  NGO: 'non-governmental organization',
  FY: 'fiscal year',
}).map(([short, long]) => ({
  short,
  long,
  shortWritten: new RegExp(`\\b${short}\\b`),
  longWritten: new RegExp(`\\b${long.replace(/-/g, '[- ]')}s?\\b`, 'i'),
}));

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
