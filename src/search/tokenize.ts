/**
 * Term processing for the lexical index and for sentence scoring. Pure.
 * Lower-cases, splits into words and numbers (keeping "46.55%" and "12,000"→"12000"
 * whole), drops stop words and Porter-stems the rest. Han characters become one
 * token each (the English reports never match them; Chinese questions are translated
 * to English terms before they get here, see src/search/chinese.ts).
 */
import { stemmer } from 'stemmer';

/**
 * Function words that name no topic. Not "own": "their own programs" says which programs (GSA hit@1 0.523 → 0.538, all
 * three reports in one index 0.508 → 0.523; the other reports unchanged).
 */
const STOP_WORDS = new Set(
  `a about above after again against all am an and any are as at be because been before being below between both but by
  can could did do does doing down during each few for from further had has have having he her here hers herself him himself
  his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours
  ourselves out over same she should so some such than that the their theirs them themselves then there these they this
  those through to too under until up very was we were what when where which while who whom why will with would you your
  yours yourself yourselves us s t don many much whose whether shall may might must also per
  regarding concerning among amongst upon within without via toward towards across throughout onto`.split(/\s+/),
);

/** Irregular English verb forms mapped to their base, so "held" matches "hold". */
const IRREGULAR: Record<string, string> = Object.fromEntries(
  `held:hold built:build made:make took:take taken:take gave:give given:give brought:bring bought:buy sought:seek
  taught:teach thought:think caught:catch fought:fight found:find kept:keep left:leave led:lead met:meet paid:pay
  said:say sent:send set:set spent:spend stood:stand told:tell understood:understand won:win wrote:write written:write
  began:begin begun:begin chose:choose chosen:choose drew:draw drawn:draw drove:drive driven:drive fell:fall fallen:fall
  felt:feel got:get gotten:get grew:grow grown:grow heard:hear knew:know known:know laid:lay lost:lose ran:run rose:rise
  risen:rise saw:see seen:see sold:sell shown:show spoke:speak spoken:speak struck:strike undertook:undertake
  undertaken:undertake went:go gone:go issued:issue came:come became:become overcame:overcome broke:break
  broken:break forgot:forget forgotten:forget froze:freeze frozen:freeze hung:hang lent:lend meant:mean rode:ride
  ridden:ride rang:ring rung:ring shot:shoot slept:sleep stole:steal stolen:steal stuck:stick swore:swear sworn:swear
  threw:throw thrown:throw wore:wear worn:wear withdrew:withdraw withdrawn:withdraw forgave:forgive forgiven:forgive
  dealt:deal dug:dig fled:flee flew:fly flown:fly sank:sink sunk:sink upheld:uphold
  withheld:withhold overseen:oversee oversaw:oversee arose:arise arisen:arise`
    .split(/\s+/)
    .map((pair) => pair.split(':') as [string, string]),
);

/**
 * Irregular plurals of nouns reports use (WordNet's noun exceptions, the common ones), so "alumni" matches "alumnus"
 * and its synonym "alum", "criteria" matches "criterion". Not "data", "media" or "agenda" (used as singulars of their
 * own), nor "lives" and "leaves" (verbs as often).
 */
const IRREGULAR_PLURALS: Record<string, string> = Object.fromEntries(
  `alumni:alumnus alumnae:alumna criteria:criterion phenomena:phenomenon children:child women:woman analyses:analysis
  crises:crisis hypotheses:hypothesis diagnoses:diagnosis indices:index appendices:appendix curricula:curriculum
  syllabi:syllabus stimuli:stimulus bacteria:bacterium memoranda:memorandum feet:foot teeth:tooth mice:mouse
  halves:half shelves:shelf wolves:wolf thieves:thief knives:knife wives:wife`
    .split(/\s+/)
    .map((pair) => pair.split(':') as [string, string]),
);

/** The base of an irregular verb form ("took" → take) or noun plural ("alumni" → alumnus), or undefined. */
export function irregularBase(lower: string): string | undefined {
  if (Object.hasOwn(IRREGULAR, lower)) return IRREGULAR[lower];
  return Object.hasOwn(IRREGULAR_PLURALS, lower) ? IRREGULAR_PLURALS[lower] : undefined;
}

/**
 * Comparative and superlative adjectives mapped to their positive, so "Lower Implementation" matches "low
 * implementation" and "the largest share" matches "large": the regular forms of common gradable adjectives (-er/-est,
 * a final e dropped, a final consonant doubled, y → i). Not the suppletive ones: "better" and "best" are as often
 * adverbs and set phrases ("to better serve", "best practices") as degrees of "good", and read as "good" they put an
 * off-topic "best coverage" question on the report's "good" passages. Nor "greater": it says "more" ("greater
 * efforts") and names places ("Greater Bay Area"), and read as "great" it gave "good air days" the synonym "great"
 * and the share of excellent days instead of their count. "fewer" stays: "few" is a stop word.
 */
const DEGREE: Record<string, string> = Object.fromEntries(
  `low high large small big long short wide broad strong weak fast slow early late new old young easy hard close cheap
  safe poor rich deep heavy light clear simple quick fine full busy narrow steep soft firm hot wet thin`
    .split(/\s+/)
    .flatMap((adj): [string, string][] => {
      const stem = adj.endsWith('e')
        ? adj.slice(0, -1)
        : adj.endsWith('y')
          ? `${adj.slice(0, -1)}i`
          : /^[^aeiou]*[aeiou][bdgmnpt]$/.test(adj)
            ? adj + adj.at(-1)!
            : adj;
      return [
        [`${stem}er`, adj],
        [`${stem}est`, adj],
      ];
    }),
);

/** The positive of a comparative or superlative adjective ("lower" → low, "largest" → large), or undefined. */
export function degreeBase(lower: string): string | undefined {
  return Object.hasOwn(DEGREE, lower) ? DEGREE[lower] : undefined;
}

/**
 * A word, a number or a Han character; a word ends where Han characters begin ("USDS是" is "USDS" and "是"). A word with
 * a footnote mark set on it ("hectares4", "Commission2": a PDF's superscript flattened into the line) is the word: the
 * mark is dropped (group 1 holds the word). (Abbreviations joined by "&" or "/" are read apart: JOINED.)
 */
const TOKEN =
  /\p{Script=Han}|\d+(?:[.,]\d+)*%?|(\p{L}\p{Ll}{3,})\d{1,2}(?![\p{L}\p{N}])|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

/**
 * Letters joined by an ampersand, or capitals by a slash, are one abbreviation ("R&D", "I&T", "Q&A", "N/A"), not single
 * letters (which are no terms); read where a short word meets the sign, as a pattern of its own cost every word a
 * sixth more to tokenize.
 */
const JOINED = /(?:\p{L}{1,3}&\p{L}{1,3}|\p{Lu}{1,3}\/\p{Lu}{1,3})(?![\p{L}\p{N}&/])/uy;

export interface Token {
  /** The processed term used for matching. */
  term: string;
  start: number;
  end: number;
}

/** Stems already computed: a corpus has a few tens of thousands of distinct words, stemming dominates tokenising. */
const STEMS = new Map<string, string>();
const MAX_CACHED_STEMS = 500_000;

/** Normalises one raw word or number into its index term, or undefined for a stop word. */
export function processTerm(raw: string): string | undefined {
  const lower = raw.toLowerCase();
  if (/^\d/.test(lower)) return lower.replace(/,(?=\d{3}\b)/g, '');
  if (STOP_WORDS.has(lower)) return undefined;
  if (lower.length === 1 && !/\p{Script=Han}/u.test(lower)) return undefined;
  let stem = STEMS.get(lower);
  if (stem === undefined) {
    stem = stemmer(irregularBase(lower) ?? degreeBase(lower) ?? lower);
    if (STEMS.size < MAX_CACHED_STEMS) STEMS.set(lower, stem);
  }
  return stem;
}

/**
 * The index term a dictionary's lemma has as itself, when it is spelled like an irregular past the tokenizer reads as
 * another verb ("found" as in "found a service" → "found", the stem of "founded"; as text it is "find"), else undefined.
 */
export function lemmaAsItself(lemma: string): string | undefined {
  const lower = lemma.toLowerCase();
  const base = irregularBase(lower);
  return base === undefined || base === lower ? undefined : stemmer(lower);
}

/**
 * Invisible characters that join or may break a word without ending it: the soft hyphen (HTML's &shy;), the zero-width
 * non-joiner and joiner and the word joiner. Read as nothing ("le\u00adgal" is "legal", not "le" and "gal"), as a
 * reader sees them and as a question's are (answer/engine.ts); a zero-width space still parts words.
 */
export const IN_WORD = /[\u00AD\u200C\u200D\u2060]/g;

/** A text as the tokenizer reads it: NFKC, without the invisible characters inside words (IN_WORD). */
function readable(text: string): string {
  return text.normalize('NFKC').replace(IN_WORD, '');
}

/**
 * Tokens with their offsets in `text` (stop words removed). The text is read in NFKC ("ﬁ" as "fi", "…" as "...",
 * full-width digits as digits) without a word's invisible joins and breaks (IN_WORD), and the offsets are the text's
 * own, not that form's.
 */
export function tokenizeWithOffsets(text: string): Token[] {
  const normal = readable(text);
  const tokens = tokensOf(normal);
  return normal === text ? tokens : inOriginalOffsets(tokens, text, normal);
}

/**
 * Tokens found in `normal`, the form of `text` the tokenizer reads (readable), with their offsets moved to `text`
 * ("Wait… the notaries": "notaries" stands two places later in that form, whose "…" is three dots). Each character with
 * the marks after it is read alone; where composing across characters makes that differ from the whole text's form
 * (rare), the offsets stay as found.
 */
function inOriginalOffsets(tokens: Token[], text: string, normal: string): Token[] {
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of text.matchAll(CHARACTER)) {
    const units = readable(m[0]).length;
    for (let k = 0; k < units; k++) {
      starts.push(m.index);
      ends.push(m.index + m[0].length);
    }
  }
  if (starts.length !== normal.length) return tokens;
  return tokens.map((t) => ({ ...t, start: starts[t.start]!, end: ends[t.end - 1]! }));
}

/** A character with the combining marks after it (or marks with none before them). */
const CHARACTER = /\P{M}\p{M}*|\p{M}+/gu;

/** Tokens with their offsets in `normal`, a text already readable. */
function tokensOf(normal: string): Token[] {
  const tokens: Token[] = [];
  let joinedEnd = 0;
  for (const m of normal.matchAll(TOKEN)) {
    const start = m.index ?? 0;
    if (start < joinedEnd) continue; // the second half of an abbreviation read whole
    const word = m[1] ?? m[0];
    // (Only a word of up to three letters right before "&" or "/" can begin one: the rest pay nothing.)
    if (word.length <= 3 && (normal[start + word.length] === '&' || normal[start + word.length] === '/')) {
      JOINED.lastIndex = start;
      const joined = JOINED.exec(normal)?.[0];
      if (joined) {
        joinedEnd = start + joined.length;
        tokens.push({ term: joined.toLowerCase(), start, end: joinedEnd });
        continue;
      }
    }
    // "U.S." (and "U.S.A.") is the USA, as "US" is, not two single letters (no terms); likewise "U.K.", "E.U.", "D.C."
    // are "uk", "eu", "dc", as their letters written together are.
    if (word.length === 1 && normal[start + 1] === '.' && /\p{Lu}/u.test(word)) {
      INITIALS.lastIndex = start;
      const initials = INITIALS.exec(normal)?.[0];
      if (initials) {
        joinedEnd = start + initials.length;
        const letters = initials.replaceAll('.', '').toLowerCase();
        tokens.push({ term: letters === 'us' || letters === 'usa' ? 'usa' : letters, start, end: joinedEnd });
        continue;
      }
    }
    // A fiscal year written short ("FY2023", "FY23") is "FY" and its year.
    const fiscal =
      (word.charCodeAt(0) | 32) === 102 && (word.charCodeAt(1) | 32) === 121 ? FISCAL_YEAR.exec(word) : null;
    if (fiscal) {
      tokens.push(
        { term: 'fy', start, end: start + 2 },
        { term: fullYear(fiscal[1]!), start: start + 2, end: start + word.length },
      );
      continue;
    }
    const term = processTerm(word) ?? letterPrefix(word, normal, start) ?? capitalsAbbreviation(word, normal, start);
    if (!term) continue;
    const end = start + word.length;
    tokens.push({ term: secondYear(tokens.at(-1), normal, start) ?? term, start, end });
  }
  return tokens;
}

/** Capitals each with its dot, two or more ("U.S.", "U.K.", "U.S.A."; the last dot aside), read where one meets a dot. */
const INITIALS = /\p{Lu}(?:\.\p{Lu})+(?![\p{L}\p{N}])/uy;

/** "FY" with a year of two or four digits, written as one word. */
export const FISCAL_YEAR = /^FY(\d{2}|\d{4})$/i;

/** A year of two digits in this century's full form ("25" → "2025"); four digits as they are. */
function fullYear(digits: string): string {
  return digits.length === 2 ? `20${digits}` : digits;
}

/**
 * The second year of a range written short ("2023-24", "2022/23": 2024, 2023), as the full year, when the number at
 * `start` is one; undefined otherwise. Not a month ("2024-01"): the two digits must follow the first year's and be past
 * twelve, unless they are the very next year.
 */
function secondYear(previous: Token | undefined, text: string, start: number): string | undefined {
  // (The cheap test first: this runs for every word.)
  if (!previous || previous.end !== start - 1 || !'-–/'.includes(text[previous.end]!)) return undefined;
  if (!/^(19|20)\d{2}$/.test(previous.term)) return undefined;
  const digits = /^\d{2}(?!\d)/.exec(text.slice(start, start + 3))?.[0];
  if (!digits || /[\d.,]/.test(text[start + 2] ?? '')) return undefined;
  const first = Number(previous.term);
  const second = Math.floor(first / 100) * 100 + Number(digits);
  // ("1999/00" ends in the next century's first year.)
  if (second + 100 === first + 1) return String(first + 1);
  return second === first + 1 || (second > first && Number(digits) > 12) ? String(second) : undefined;
}

/**
 * A single letter joined by a hyphen to the word after it is that compound's prefix ("i-index", "c-index", "e-filing"),
 * kept as the letter and its hyphen ("i-", "c-"): the word after it is a term of its own, so "index" still matches,
 * and "i-index" and "c-index" are told apart. A letter alone is no term.
 */
function letterPrefix(word: string, text: string, start: number): string | undefined {
  if (word.length !== 1 || (text[start + 1] !== '-' && text[start + 1] !== '‐')) return undefined;
  return /\p{L}/u.test(text[start + 2] ?? '') ? `${word.toLowerCase()}-` : undefined;
}

/**
 * A two-letter function word written in capitals amid ordinary text is an abbreviation ("work in IT", "US agencies",
 * "communications (IS)"), kept as its letters ("US" as "usa"); not in a line without lower case ("AS OF MARCH 31"),
 * where every word is in capitals.
 */
function capitalsAbbreviation(word: string, text: string, start: number): string | undefined {
  // (Stop words are ASCII: two capitals A–Z, tested without a pattern, as this runs for every stop word.)
  if (word.length !== 2 || !isCapital(word.charCodeAt(0)) || !isCapital(word.charCodeAt(1))) return undefined;
  // (Its line within a few hundred characters: a report may be one line.)
  const before = text.slice(Math.max(0, start - 200), start);
  const after = text.slice(start, start + 200);
  const line = before.slice(before.lastIndexOf('\n') + 1) + after.split('\n', 1)[0]!;
  if (!/\p{Ll}/u.test(line)) return undefined;
  // "US" is the USA: as its letters it would be the stem of "use" ("used", "uses").
  return word === 'US' ? 'usa' : word.toLowerCase();
}

/** An ASCII capital letter's code. */
function isCapital(code: number): boolean {
  return code >= 65 && code <= 90;
}

/** The processed terms of `text`, in order, stop words removed. */
export function tokenize(text: string): string[] {
  return tokensOf(readable(text)).map((t) => t.term);
}

/** Every word of the texts (letters only, lower case, not stemmed) with how often it occurs: a report's vocabulary. */
export function wordCounts(texts: Iterable<string>): Map<string, number> {
  const words = new Map<string, number>();
  for (const text of texts)
    for (const m of text.toLowerCase().matchAll(/\p{L}+/gu)) words.set(m[0], (words.get(m[0]) ?? 0) + 1);
  return words;
}
