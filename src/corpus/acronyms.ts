/**
 * Abbreviations a report defines for itself: "Section 508 Program Manager (PM)", "full-time
 * equivalents (FTEs)", "information and communication technology (ICT)". A reader asks with
 * either form; the report uses one. Pure.
 */

/** Small words an abbreviation skips ("information and communication technology" → ICT). */
const SKIPPED = new Set(['of', 'and', 'the', 'for', 'on', 'in', 'to', '&']);
/** Words before "(ABBR)" looked at for its expansion. */
const MAX_WORDS = 8;
/**
 * The run of words (letters, digits, apostrophes, hyphens, spaces, the stops of "U.S.") that ends a text, at most 121
 * characters.
 */
const WORDS_BEFORE = /[\p{L}\d][\p{L}\d'’. -]{2,120}$/u;

/** A last word joined by "and" ("… Control and Prevention"). */
const AND_ONE_MORE = /\s+and\s+[\p{L}-]+$/u;

export interface Acronym {
  /** As written, without a plural "s": "PM", "FTE". */
  short: string;
  /** The words it stands for: "Program Manager". */
  long: string;
}

/**
 * The abbreviations `text` defines, each once: an upper-case abbreviation in brackets right after
 * words whose initials spell it (small words may be skipped, hyphenated words give one initial a part).
 */
export function definedAcronyms(text: string): Acronym[] {
  const found = new Map<string, Acronym>();
  // Each bracketed abbreviation, then the words before it: one pass over the text (a pattern holding both tried 120
  // lengths at every position, 25 ms of a one-question CLI on a 16,000-word report).
  for (const m of text.matchAll(/[(（]([A-Z][A-Za-z]{1,7}?)s?[)）]/gu)) {
    const short = m[1]!;
    if (found.has(short) || !/^[A-Z]+$/.test(short.replace(/[a-z]/g, ''))) continue;
    const before = WORDS_BEFORE.exec(text.slice(Math.max(0, m.index - 200), m.index).trimEnd());
    const letters = short.replace(/[a-z]/g, '');
    // (A name that grew a last "and …" may keep its old abbreviation: "Centers for Disease Control and Prevention (CDC)".)
    const long = before && (expansion(before[0], letters) ?? expansion(before[0].replace(AND_ONE_MORE, ''), letters));
    if (long) found.set(short, { short, long });
  }
  return [...found.values()];
}

/**
 * The last words of `before` whose initials spell `letters`, or undefined. One capitalised word inside the name may give
 * no letter, as in "Defense Personal Property System (DPS)"; the first and the last always give theirs.
 */
function expansion(before: string, letters: string): string | undefined {
  const words = before.trim().split(/\s+/).slice(-MAX_WORDS);
  // Walk back from the last word, matching letters from the last one.
  let i = letters.length - 1;
  let w = words.length - 1;
  let silent = 1;
  while (i >= 0 && w >= 0) {
    const parts = words[w]!.split('-').filter(Boolean);
    const word = words[w]!.toLowerCase();
    if (SKIPPED.has(word)) {
      w--;
      continue;
    }
    // A hyphenated word gives one initial per part ("full-time" → F, T) or one for the whole; a dotted initialism all
    // its letters ("U.S. Digital Service" → USDS).
    const initials = /^(\p{Lu}\.)+$/u.test(words[w]!)
      ? words[w]!.replace(/\./g, '')
      : parts.map((p) => p[0]!.toUpperCase()).join('');
    if (initials.length > 1 && letters.slice(i - initials.length + 1, i + 1) === initials) i -= initials.length;
    else if (word[0]!.toUpperCase() === letters[i]) i--;
    else if (silent-- > 0 && i < letters.length - 1 && /^\p{Lu}\p{Ll}/u.test(words[w]!)) {
      // (a word of the name the abbreviation leaves out)
    } else return undefined;
    w--;
  }
  return i < 0 ? words.slice(w + 1).join(' ') : undefined;
}

/**
 * Times a name must recur in a report before its two initials are read as its abbreviation ("HK"): two letters are
 * often a code or a word. Three or more initials of the report's one name that has them mean it however seldom the
 * report spells it out ("usds" asked of a report that writes "U.S. Digital Service" once).
 */
const NAME_RECURS = 3;
/** Words of a name whose initials are looked at. */
const NAME_WORDS = 5;
/**
 * Two or more capitalised words or dotted initialisms ("U.S. Digital Service"), one space apart, not inside a longer
 * word (a footnote's digit may follow: "Project Ensemble7"); in Latin letters (with Unicode's letter classes the
 * pattern took twenty times as long, 1 ms a report).
 */
const CAPITALISED_RUN =
  /(?<![A-Za-zÀ-ÖØ-öø-ÿ\d.])(?:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+|(?:[A-Z]\.){2,})(?:(?: (?:of|for|and|&))? (?:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+|(?:[A-Z]\.){2,}))+(?![A-Za-zÀ-ÖØ-öø-ÿ])/g;
/**
 * The small words a body's name holds after its head ("Office of Personnel Management": OPM, "Centers for Disease
 * Control"), giving no initial; after any other word they part two names ("Northern Metropolis of Hong Kong").
 */
const JOINERS = new Set(['of', 'for', 'and', '&']);
/** Heads of a body's name that a complement follows ("Office of …", "Department of …", "Bureau of …"). */
const BODY_HEADS = new Set([
  'Office',
  'Department',
  'Bureau',
  'Ministry',
  'Council',
  'Center',
  'Centers',
  'Centre',
  'Institute',
  'Board',
  'Commission',
  'Agency',
  'Administration',
  'Committee',
]);

/**
 * A report's names (runs of capitalised content words, and their opening words) by their initials, each counted; and
 * those met as a whole run ("U.S. Digital Service", not "U.S. Digital").
 */
export interface NamesByInitials {
  counts: Map<string, Map<string, number>>;
  whole: Set<string>;
}

/**
 * The runs of capitalised words of a text (cut at the small words they hold: "The Northern Metropolis"), by initials.
 * @param isWord whether a word is a content word (not "The", "And"): a run holds content words only
 */
export function namesByInitials(text: string, isWord: (word: string) => boolean): NamesByInitials {
  const counts = new Map<string, Map<string, number>>();
  const whole = new Set<string>();
  const count = (run: string[]): void => {
    while (JOINERS.has(run.at(-1) ?? '')) run.pop();
    const words = run.filter((w) => !JOINERS.has(w));
    if (words.length > 1 && words.length <= NAME_WORDS) whole.add(run.join(' '));
    for (let n = 2; n <= run.length; n++) {
      const opening = run.slice(0, n);
      const initials = opening.filter((w) => !JOINERS.has(w));
      if (JOINERS.has(run[n - 1]!) || initials.length > NAME_WORDS) continue;
      const long = opening.join(' ');
      // (A dotted initialism gives all its letters: "U.S. Digital Service" → USDS.)
      const short = initials.map((w) => (w.endsWith('.') ? w.replace(/\./g, '') : w[0])).join('');
      const names = counts.get(short) ?? new Map<string, number>();
      names.set(long, (names.get(long) ?? 0) + 1);
      counts.set(short, names);
    }
  };
  // Runs found by one pattern (a pass over every word cost 2.5 ms a report, paid again by every report a question
  // touches), then cut at the small words they hold.
  for (const m of text.matchAll(CAPITALISED_RUN)) {
    let run: string[] = [];
    for (const word of m[0].split(' ')) {
      const joins = JOINERS.has(word) && run.some((w) => BODY_HEADS.has(w));
      if (isWord(word) || joins) {
        run.push(word);
        continue;
      }
      count(run);
      run = [];
    }
    count(run);
  }
  return { counts, whole };
}

/** The name written most often among those with one set of initials. */
const mostWritten = (names: Map<string, number>): [string, number] =>
  [...names].reduce((a, b) => (b[1] > a[1] ? b : a));

/**
 * Abbreviations a report writes for a name it spells out elsewhere but never defines in brackets: "The FBPTA sets up a
 * strategic partnership …" after "the Federal Buildings Personnel Training Act". Three capitals or more (two are
 * too often a word or a code: "IT", "PA"), used after the name; the name written most often when several share them.
 */
export function writtenInitialisms(text: string, names: NamesByInitials): Acronym[] {
  const firstWritten = new Map<string, number>();
  for (const m of text.matchAll(/(?<![\p{L}\d])[A-Z]{3,7}(?![\p{L}\d])/gu))
    if (!firstWritten.has(m[0])) firstWritten.set(m[0], m.index);
  return [...firstWritten].flatMap(([short, at]) => {
    const named = names.counts.get(short);
    if (!named) return [];
    const long = mostWritten(named)[0];
    // A writer spells a name out before abbreviating it: letters used first are another name's ("LMS platforms" long
    // before an "Office of Labor Management Standards").
    const spelled = text.indexOf(long);
    return spelled >= 0 && spelled < at ? [{ short, long }] : [];
  });
}

/**
 * Initials a reader writes for a name the report spells out but never abbreviates: "HK" for "Hong Kong", "NM" for
 * "Northern Metropolis", "USDS" for "U.S. Digital Service". Each name (namesByInitials) recurring at least NAME_RECURS
 * times gives its initials, and so does a report's only name with three initials or more, unless the report writes
 * those letters as a word of its own ("IT", "PA" in a report that uses them); the most frequent name wins a shared set
 * of initials.
 */
export function nameInitialisms(text: string, names: NamesByInitials): Acronym[] {
  const frequent = [...names.counts]
    .map(([short, spelled]) => [short, mostWritten(spelled), spelled.size] as const)
    .filter(
      ([short, [long, n], spelled]) =>
        n >= NAME_RECURS || (short.length >= 3 && spelled === 1 && names.whole.has(long)),
    );
  if (!frequent.length) return [];
  const written = new Set(
    [...text.matchAll(new RegExp(`(?<!\\p{L})(?:${frequent.map(([short]) => short).join('|')})(?!\\p{L})`, 'giu'))].map(
      (m) => m[0].toUpperCase(),
    ),
  );
  return frequent.filter(([short]) => !written.has(short)).map(([short, [long]]) => ({ short, long }));
}
