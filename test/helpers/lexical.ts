/** Synthetic lexical-index documents for the search tests: seeded, so every run builds the same index. */

/** A seeded pseudo-random number generator (a linear congruential one), in [0, 1). */
export function seededRandom(seed: number): () => number {
  return () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

/**
 * The sentences of `reports` "reports" of 400 each, as term lists: each report's own words, words of a few reports and
 * words of every report, so a report's words sit in one range of documents and common words span every window.
 */
export function reportSentences(reports: number, random: () => number): string[][] {
  const out: string[][] = [];
  for (let r = 0; r < reports; r++)
    for (let s = 0; s < 400; s++)
      out.push(
        Array.from({ length: 2 + Math.floor(random() * 14) }, () => {
          const x = random();
          return x < 0.3
            ? `own${r}-${Math.floor(random() * 20)}`
            : x < 0.5
              ? `few${r % 7}`
              : `all${Math.floor(random() * 10)}`;
        }),
      );
  return out;
}
