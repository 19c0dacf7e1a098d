/** A query concept: the unit question analysis and query translation share. Data only. */

/**
 * One thing the question asks about: a word of the question, or a Chinese word glossed
 * into English. A concept has readings (`senses`, any one may match); a reading is a list
 * of words that should all match (a gloss like "unemployment rate"); a word is a list of
 * interchangeable forms ("newli", "new"). `weight` scales its IDF weight.
 */
export interface Concept {
  senses: string[][][];
  /** Share of the weight each reading earns when it matches (1 when absent): a synonym earns less than the word. */
  credits?: number[] | undefined;
  weight: number;
  /** Came from a dictionary gloss: its English words are a guess at the report's wording. */
  translated?: boolean | undefined;
  /** For a translated concept, each reading's English words as written (empty when none), for a model to embed. */
  glosses?: string[] | undefined;
  /** For a translated concept, the question's word it translates ("用户"). */
  source?: string | undefined;
  /** For a translated concept, its dictionary reads it first as a verb ("to allocate"). */
  verb?: boolean | undefined;
}

/** Every term a concept can match. */
export function conceptTerms(c: Concept): string[] {
  return [...new Set(c.senses.flat(2))];
}

/** The terms of a concept's one-word readings: a phrase's words one by one are none ("telephone set" is no "set"). */
export function oneWordTerms(c: Concept): string[] {
  return [...new Set(c.senses.flatMap((sense) => (sense.length === 1 ? sense[0]! : [])))];
}

/** The concepts that can match any of `terms` (the question's readings of some of its own words). */
export function conceptsWith(concepts: Concept[], terms: string[]): Concept[] {
  return concepts.filter((c) => conceptTerms(c).some((t) => terms.includes(t)));
}

/** The concept with only the readings `keep` accepts (by index), their credits and glosses kept in step. */
export function keepReadings(c: Concept, keep: (i: number) => boolean): Concept {
  const kept = (_: unknown, i: number): boolean => keep(i);
  return {
    ...c,
    senses: c.senses.filter(kept),
    credits: c.credits?.filter(kept),
    glosses: c.glosses?.filter(kept),
  };
}
