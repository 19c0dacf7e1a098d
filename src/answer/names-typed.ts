/**
 * The names a question gives in whatever case it is typed, as a report writes them: "what does service canada use
 * notify for?" names Service Canada, which the CDS report always writes with capitals. Pure.
 */

/** Words of a name looked at, at most. */
const NAME_WORDS = 4;
/** Times a report must write a phrase, always capitalised, for it to be one of its names. */
const NAME_RECURS = 2;

/**
 * The question's runs of two to four words (side by side, one space apart) that `text` writes at least twice and every
 * time with each word capitalised ("Service Canada", "GC Notify"), in lower case, longest first; not those of its title
 * (every passage is about them). `capitalised`: capitalisedWords(text), when the caller keeps it.
 */
export function namesTyped(
  question: string,
  text: string,
  title: string,
  capitalised: Set<string> = capitalisedWords(text),
): string[] {
  const words = [...question.matchAll(/[\p{L}\d]+/gu)];
  const runs: { at: number; n: number; phrase: string }[] = [];
  for (let i = 0; i < words.length; i++)
    for (let n = 2; n <= Math.min(NAME_WORDS, words.length - i); n++) {
      const run = words.slice(i, i + n);
      // One space apart in the question ("service canada", not "service, canada").
      if (question.slice(run[0]!.index, run.at(-1)!.index + run.at(-1)![0].length) !== run.map((w) => w[0]).join(' '))
        break;
      const phrase = run.map((w) => w[0].toLowerCase()).join(' ');
      if (!title.toLowerCase().includes(phrase)) runs.push({ at: i, n, phrase });
    }
  // (Only runs whose every word the report writes capitalised somewhere: a quick look before the one pass below.)
  const looked = runs.filter((r) => r.phrase.split(' ').every((w) => capitalised.has(w)));
  if (!looked.length) return [];
  // Those looked for in one pass over the report: at each word, the longest that stands there (and the shorter ones it
  // begins with), so that overlapping runs are each counted ("the Task Success Survey": both "the task success survey"
  // and "task success survey" are read at their own words). How often each is written, and whether always capitalised
  // (words joined by a hyphen are the same words: "a secure sign-in experience" is "sign in" in lower case).
  const seen = new Map<string, { count: number; capitalised: boolean }>();
  const alternatives = looked
    .map((r) => r.phrase.split(' '))
    .sort((x, y) => y.length - x.length)
    .map((w) => w.join('[\\s-]+')); // (letters and digits only: nothing to escape)
  const wanted = new Set(looked.map((r) => r.phrase));
  for (const m of text.matchAll(new RegExp(`\\b(?=((?:${alternatives.join('|')})\\b))`, 'gi'))) {
    const written = m[1]!.split(/[\s-]+/);
    for (let n = 2; n <= written.length; n++) {
      const phrase = written.slice(0, n).join(' ').toLowerCase();
      if (!wanted.has(phrase)) continue;
      const s = seen.get(phrase) ?? { count: 0, capitalised: true };
      s.count++;
      s.capitalised &&= written.slice(0, n).every((w) => /^[\p{Lu}\d]/u.test(w));
      seen.set(phrase, s);
    }
  }
  const isName = (phrase: string): boolean => {
    const s = seen.get(phrase);
    return !!s && s.capitalised && s.count >= NAME_RECURS;
  };
  // Longest first, each word in one name at most ("task success survey", then not "success survey").
  const found: string[] = [];
  let next = 0;
  for (const r of [...runs].sort((a, b) => a.at - b.at || b.n - a.n)) {
    if (r.at < next || !isName(r.phrase)) continue;
    found.push(r.phrase);
    next = r.at + r.n;
  }
  return found;
}

/** The words a text writes capitalised somewhere ("Service", "GC"), in lower case: one pass, kept per report. */
export function capitalisedWords(text: string): Set<string> {
  return new Set((text.match(/\b[A-Z][A-Za-z\d]*/g) ?? []).map((w) => w.toLowerCase()));
}

/** Whether a passage's text (its paragraph, headings, quote) names `name`, in any case, its words perhaps hyphenated. */
export function mentions(passage: string, name: string): boolean {
  return writing(name).test(passage);
}

/** `name` as written in any case, its words perhaps hyphenated or broken across a line. */
function writing(name: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\d])${name.split(' ').join('[\\s-]+')}(?![\\p{L}\\d])`, 'iu');
}

/**
 * Whether a passage refers back to a name by its last word alone, capitalised after "the" ("Meeting the Standard will be
 * mandatory …" for the Service Standard), as a report does once it has named it; not the first word of another name
 * ("the Canada Revenue Agency" is not Service Canada).
 */
export function refersBack(passage: string, name: string): boolean {
  const head = name.split(' ').at(-1)!;
  const capitalised = head.charAt(0).toUpperCase() + head.slice(1);
  return new RegExp(`\\b[Tt]he\\s+${capitalised}(?![\\p{L}\\d])(?!\\s+\\p{Lu})`, 'u').test(passage);
}

/** Whether more than `share` of `passages` name `name` (mentions): a report about it throughout. */
export function writtenThroughout(passages: string[], name: string, share: number): boolean {
  const written = writing(name);
  return passages.filter((p) => written.test(p)).length > share * passages.length;
}

/** A web site named by its domain ("login.gov", "Canada.ca", "hhs.gov/newbaby"). */
const SITE = /\b[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.(?:gov|ca|com|org|net|edu|int|io|uk|au|cn|hk)\b/giu;

/**
 * The sites a question names that none of `texts` writes, in any case ("what is login.gov used for?" of passages naming
 * SSA.gov and VA.gov): a name the reports do not hold, as any other.
 */
export function sitesNotWritten(question: string, texts: () => string[]): string[] {
  const sites = question.match(SITE) ?? [];
  if (!sites.length) return [];
  // (Read only for a question naming a site.)
  const lower = texts().map((t) => t.toLowerCase());
  return sites.filter((site) => !lower.some((t) => t.includes(site.toLowerCase())));
}

/**
 * A name a number opens, written as one word ("10x", "18F"): the tokenizer reads only its number, which every report
 * has. Not an ordinal ("18th"), a decade ("1980s"), a magnitude ("400K", "1M", "8bn") or a unit ("5km", "9am").
 */
const NUMBERED_NAME = /(?<![A-Za-z\d.,])\d+[A-Za-z]+(?![A-Za-z\d])/g;
const NOT_A_NAME =
  /^\d+(?:st|nd|rd|th|s|k|m|mn|b|bn|t|tn|h|hrs?|mins?|am|pm|km|kg|mm|cm|ml|kb|mb|gb|tb|d|y|yrs?|ft|lbs?|mph)$/i;

/**
 * The names a number opens that a question gives and `text` (a report) never writes ("when was 10x founded?" of a
 * report that never mentions 10x): its passages are about something else, however their numbers match.
 */
export function numberedNamesNotWritten(question: string, text: string): string[] {
  return (question.match(NUMBERED_NAME) ?? []).filter((name) => !NOT_A_NAME.test(name) && !mentions(text, name));
}
