/**
 * A question word widened by the reports' own vocabulary, each reading credited as a synonym (SYNONYM_CREDIT): its
 * word family where the reports never use the word itself, the closed compounds that hold it, and the indexed forms
 * of a dictionary gloss. Pure: the index is asked only for its terms.
 */
import { keepReadings, type Concept } from '../search/concept.js';
import { SYNONYM_CREDIT } from '../search/vocabulary.js';

/** What the readings need of the lexical index. */
export interface TermIndex {
  /** > 0 for a term the index holds. */
  idf(term: string): number;
  /** Index terms beginning with `prefix`. */
  termsWithPrefix(prefix: string): string[];
}

/** Shortest stem whose family is looked up, and most family words taken. */
const FAMILY_STEM = 5;
const MAX_FAMILY = 8;

/** True for a concept read from one question word: a single reading of a single word (no synonyms yet). */
const isOneWord = (c: Concept): boolean => !c.translated && c.senses.length === 1 && c.senses[0]!.length === 1;

/** The concept with more readings, each credited as a synonym. */
function withReadings(c: Concept, terms: string[]): Concept {
  if (!terms.length) return c;
  return {
    ...c,
    senses: [...c.senses, ...terms.map((t) => [[t]])],
    credits: [...(c.credits ?? c.senses.map(() => 1)), ...terms.map(() => SYNONYM_CREDIT)],
  };
}

/**
 * A question word the reports never use also matches the words of its family they do use: index terms whose stem is
 * its stem give or take a last letter ("notarizations" → "notar" → "notari": "notaries"). Only stems of five letters
 * or more; further than one letter is another word ("popul" → "popular").
 */
export function withFamily(c: Concept, index: TermIndex): Concept {
  if (!isOneWord(c)) return c;
  const [term] = c.senses[0]![0]!;
  if (!term || term.length < FAMILY_STEM || !/^\p{L}+$/u.test(term) || index.idf(term) > 0) return c;
  const shorter = term.slice(0, -1);
  const family = [
    ...index.termsWithPrefix(term).filter((t) => t.length === term.length + 1 && /\p{L}$/u.test(t)),
    ...(shorter.length >= FAMILY_STEM && index.idf(shorter) > 0 ? [shorter] : []),
  ];
  return withReadings(c, family.slice(0, MAX_FAMILY));
}

/**
 * Two question words in a row that the reports write as one ("gc forms" → "GCForms", "open 311" → "Open311", "foia
 * online" → "FOIAonline"): each also reads the closed form, as itself (a spelling, not a synonym), and the open form
 * the reports may also write still matches.
 * @param terms the question's terms in order
 */
export function withClosedSpellings(concepts: Concept[], terms: string[], index: TermIndex): Concept[] {
  const closed = new Map<string, string[]>();
  for (const [i, term] of terms.entries()) {
    const next = terms[i + 1];
    if (!next || next === term || index.idf(term + next) <= 0) continue;
    for (const t of [term, next]) closed.set(t, [...(closed.get(t) ?? []), term + next]);
  }
  if (!closed.size) return concepts;
  return concepts.map((c) => {
    const own = c.translated ? undefined : c.senses[0];
    const more = own?.length === 1 && own[0]!.length === 1 ? closed.get(own[0]![0]!) : undefined;
    if (!more) return c;
    return {
      ...c,
      senses: [...c.senses, ...more.map((t) => [[t]])],
      credits: [...(c.credits ?? c.senses.map(() => 1)), ...more.map(() => 1)],
    };
  });
}

/**
 * A question word also matches the reports' closed compounds that hold it ("government" → "governmentwide"), as a
 * synonym does.
 * @param compoundsOf the reports' compounds holding a term (vocabulary.ts compoundsOf)
 */
export function withCompounds(c: Concept, compoundsOf: (term: string) => string[]): Concept {
  const first = c.senses[0];
  if (c.translated || first?.length !== 1 || first[0]!.length !== 1) return c;
  const compounds = compoundsOf(first[0]![0]!).filter(
    (t) => !c.senses.some((s) => s.length === 1 && s[0]!.includes(t)),
  );
  return withReadings(c, compounds);
}

/**
 * A translated concept also matches the indexed forms its stems begin ("reconsid" → "reconsider"): Porter stems of a
 * gloss and of the report's word often differ in the tail. Only the readings the reports can bear stay (率 "rate",
 * not "lead" or "command"); when none is, every reading stays (the concept then weighs as one the reports lack).
 */
export function withOtherForms(c: Concept, index: TermIndex): Concept {
  if (!c.translated) return c;
  const expand = (forms: string[]): string[] => [
    ...new Set([
      ...forms,
      ...forms.filter((t) => t.length >= 5 && /^\p{L}+$/u.test(t)).flatMap((t) => index.termsWithPrefix(t)),
    ]),
  ];
  const senses = c.senses.map((sense) => sense.map(expand));
  if (!senses.some((sense) => isBorne(sense, index))) return { ...c, senses };
  return keepReadings({ ...c, senses }, (i) => isBorne(senses[i]!, index));
}

/**
 * A translated concept none of whose readings the reports use is also read by the synonyms of its one-word glosses,
 * credited as synonyms ("强制" → "compulsory", absent → "mandatory"): the dictionary's English word is one of several
 * the report may have used. GSA Chinese hit@1 0.533 → 0.600, nothing else moved; adding them to every translated
 * concept moved Hong Kong and GSA up but Zuoyun's Chinese hit@1 0.857 → 0.800 (docs/quality.md).
 * @param synonymsOf synonym readings of an English word (vocabulary.ts synonyms)
 */
export function withGlossSynonyms(c: Concept, synonymsOf: (word: string) => string[][][], index: TermIndex): Concept {
  if (!c.translated || !c.glosses || c.senses.some((sense) => isBorne(sense, index))) return c;
  const have = new Set(c.senses.map((sense) => JSON.stringify(sense)));
  const added = c.glosses
    .filter((gloss) => /^\p{L}+$/u.test(gloss))
    .flatMap(synonymsOf)
    .filter((reading) => !have.has(JSON.stringify(reading)) && have.add(JSON.stringify(reading)));
  if (!added.length) return c;
  return {
    ...c,
    senses: [...c.senses, ...added],
    credits: [...(c.credits ?? c.senses.map(() => 1)), ...added.map(() => SYNONYM_CREDIT)],
    glosses: [...c.glosses, ...added.map((reading) => reading.map((forms) => forms[0]).join(' '))],
  };
}

/** True when the reports hold every word of a reading (some form of each). */
function isBorne(sense: string[][], index: TermIndex): boolean {
  return sense.every((forms) => forms.some((t) => index.idf(t) > 0));
}
