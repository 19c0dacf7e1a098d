/**
 * Questions made from a report itself, to see how the verdict treats a report nobody here has written questions for
 * (issue 24, item 6). From each "<figure> <noun phrase>" of the report ("accepted 60 legal aid cases"):
 *  - own: "How many legal aid cases were there?" — the report answers it;
 *  - swapped: the phrase's last word swapped for a word the report lacks ("How many legal aid tractors were there?");
 *  - year: the question asked of a year the report does not cover ("… in 2009?").
 * The second and third are look-alikes the report does not answer: none should be quoted with high confidence.
 * Pure.
 */

export type ProbeKind = 'own' | 'swapped' | 'year';

export interface Probe {
  question: string;
  kind: ProbeKind;
}

/** Concrete nouns a government report rarely holds: the swapped words, taken only where the report lacks them. */
const FOREIGN =
  'bicycles submarines vineyards elephants violins tractors helicopters pianos bakeries glaciers ferries lighthouses circuses kangaroos orchards trams volcanoes castles windmills'.split(
    ' ',
  );
/** Function words and light words that are no part of what a figure counts. */
const LIGHT = new Set(
  'the and of in to for with from by on at as or a an its their our this that these those were was are is be been have has had will more than over about some all each per other new such into'.split(
    ' ',
  ),
);
/** A figure, then up to three lower-case words ending in a plural ("60 legal aid cases"). */
const COUNTED = /\b\d[\d,.]*\s+((?:[a-z][a-z-]+\s+){0,2}[a-z][a-z-]+s)\b/g;

/**
 * Up to `limit` probes per kind from a report's text.
 * @param lacks true for a word the report does not hold (its index has no term for it)
 * @param year a year the report does not cover
 */
export function makeProbes(text: string, lacks: (word: string) => boolean, year: string, limit = 30): Probe[] {
  const foreign = FOREIGN.filter(lacks);
  const seen = new Set<string>();
  const probes: Probe[] = [];
  for (const m of text.matchAll(COUNTED)) {
    const words = m[1]!.split(/\s+/).filter((w) => !LIGHT.has(w));
    const phrase = words.join(' ');
    if (!words.length || seen.has(phrase)) continue;
    seen.add(phrase);
    probes.push({ question: `How many ${phrase} were there?`, kind: 'own' });
    if (foreign.length) {
      const swapped = [...words.slice(0, -1), foreign[seen.size % foreign.length]!].join(' ');
      probes.push({ question: `How many ${swapped} were there?`, kind: 'swapped' });
    }
    probes.push({ question: `How many ${phrase} were there in ${year}?`, kind: 'year' });
    if (seen.size >= limit) break;
  }
  return probes;
}
