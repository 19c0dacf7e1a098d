/**
 * Meeting the reader's vocabulary: the words people type mapped onto the words the reports
 * use, offline and with general rules only. Pure given its inputs (the reports' words, an
 * optional thesaurus).
 *
 *  - respell: common abbreviations spelled out ("govt"), British spellings turned into the
 *    reports' American ones ("labour" → "labor", "licence" → "license") and typos corrected
 *    to the nearest word of the reports ("recieved" → "received"), else of the dictionary
 *    ("registerd" → "register" when the reports only say "registration"); a word the
 *    reports or the dictionary know is never "corrected".
 *  - synonyms: a question word's WordNet synonyms and derived forms ("register" →
 *    "registration") that occur in the reports, as extra readings of its concept, credited
 *    below the word itself.
 */
import type { Thesaurus } from './thesaurus.js';
import { FISCAL_YEAR, lemmaAsItself, processTerm, tokenize } from './tokenize.js';

/** Share of a concept's weight a synonym earns when it, not the word itself, matches. */
export const SYNONYM_CREDIT = 0.8;
/** Senses of a question word whose synonyms are used (later senses are rare readings). */
const SYNONYM_SENSES = 1;

/**
 * "IT" in capitals, in a question with lower-case words ("what share of staff work in IT?"), is information
 * technology, which reports spell out ("Work in information technology roles (IT)"); read as the pronoun, it was no word
 * to look for at all. (A question all in capitals says nothing by its capitals.)
 */
const IT_SAID = /(?<=\p{Ll}.*)\bIT\b|\bIT\b(?=.*\p{Ll})/gu;
const IT_MEANS = 'information technology';

/** Chat abbreviations of words reports spell out. */
const ABBREVIATIONS: Record<string, string> = {
  govt: 'government',
  gov: 'government',
  admin: 'administration',
  exec: 'executive',
  dept: 'department',
  info: 'information',
  doc: 'document',
  docs: 'documents',
  regs: 'regulations',
  reg: 'regulation',
  approx: 'approximately',
  yr: 'year',
  yrs: 'years',
  hr: 'hour',
  hrs: 'hours',
  mins: 'minutes',
  mgmt: 'management',
  avg: 'average',
  ppl: 'people',
  headcount: 'number of people',
  pct: 'percent',
  qty: 'quantity',
  org: 'organization',
  orgs: 'organizations',
  rep: 'representative',
  reps: 'representatives',
  mgr: 'manager',
  mgrs: 'managers',
  depts: 'departments',
  intro: 'introduction',
  stats: 'statistics',
  reqs: 'requirements',
  specs: 'specifications',
  biz: 'business',
  // Magnitudes as finance writes them ("$1bn", "how many bn"); not "mn" nor "tn", states' abbreviations too.
  bn: 'billion',
  mln: 'million',
  // Question words and a few nouns as chat spells them ("wat year did …", "how many txt msgs").
  wat: 'what',
  wut: 'what',
  wht: 'what',
  hw: 'how',
  txt: 'text',
  txts: 'texts',
  msg: 'message',
  msgs: 'messages',
  thru: 'through',
  // Contractions typed without the apostrophe.
  whats: 'what',
  thats: 'that',
  hows: 'how',
  whos: 'who',
  wheres: 'where',
  theres: 'there',
  didnt: "didn't",
  dont: "don't",
  doesnt: "doesn't",
  isnt: "isn't",
  arent: "aren't",
  wasnt: "wasn't",
  werent: "weren't",
  hasnt: "hasn't",
  havent: "haven't",
  hadnt: "hadn't",
  cant: "can't",
  couldnt: "couldn't",
  wouldnt: "wouldn't",
  shouldnt: "shouldn't",
};

/** British → American spelling rules (suffix or inner pattern → replacement), tried in order. */
const BRITISH: [RegExp, string][] = [
  [/our(s|ed|ing|ers?|able)?$/, 'or$1'],
  [/is(e|es|ed|ing|ation|ations|er|ers)$/, 'iz$1'],
  [/ys(e|es|ed|ing)$/, 'yz$1'],
  [/([^aeiou])re(s|d)?$/, '$1er$2'],
  [/ence(s)?$/, 'ense$1'],
  [/ogue(s)?$/, 'og$1'],
  [/([aeiou])ll(ed|ing|er|ers)$/, '$1l$2'],
  [/amme(s)?$/, 'am$1'],
  [/ae/, 'e'],
  [/oe/, 'e'],
];

export function britishToAmerican(word: string): string[] {
  const out: string[] = [];
  for (const [pattern, replacement] of BRITISH) if (pattern.test(word)) out.push(word.replace(pattern, replacement));
  return out;
}

/** Damerau–Levenshtein distance (adjacent transpositions count one), or max+1 once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** Edits allowed for a typo in a word of this length (short words have too many neighbours). */
const typoBudget = (length: number): number => (length >= 7 ? 2 : length >= 4 ? 1 : 0);
/**
 * Shortest word corrected against the dictionary, by one edit at most: the dictionary holds
 * far more words than the reports, and a short unknown word is more often a form it does not
 * list ("came") than a typo.
 */
const DICTIONARY_TYPO_LENGTH = 6;

/**
 * A capitalised word, or a name a number opens ("18F", "5G"; not "10K", "1.5M": thousands and millions); it ends where
 * Han characters begin ("File在几个州" is "File"). A word with a capital inside is one name from its first letter
 * ("eGMS", "iPhone"), never the capitals alone ("GMS", which the reports never write).
 */
const CAPITALISED =
  /(?<![\d.,])\d+(?!(?:K|M|B|T|BN|MM)(?![\p{L}\d]))\p{Lu}(?:(?!\p{Script=Han})[\p{L}\d])*|(?<![\p{L}\d])\p{Ll}*\p{Lu}(?:(?!\p{Script=Han})[\p{L}\d])+/gu;

/**
 * True when a place's name, followed by `after`, ends a longer name: a site's ("Canada.ca") or a body's whose
 * abbreviation has more letters than the place has words ("… Procurement Canada (PSPC)"; "Hong Kong (HK)" is the place).
 */
function withinName(place: string, after: string): boolean {
  if (/^\.\p{L}/u.test(after)) return true;
  const abbreviation = /^\s*[(（](\p{Lu}{2,})[)）]/u.exec(after)?.[1];
  return abbreviation !== undefined && abbreviation.length > place.split(' ').length;
}

/**
 * True when a question names `name` (a word of letters and digits) as its setting, after a preposition of place:
 * "… in Ottawa?", "… at the Airport", "… across canada". Pure.
 */
export function isSetting(question: string, name: string): boolean {
  return new RegExp(`\\b(?:in|at|near|around|outside|inside|within|across)\\s+(?:the\\s+)?${name}\\b`, 'i').test(
    question,
  );
}

/** Days and months, also abbreviated: capitalised, but not names a report would have to mention. */
const TIME_NAMES =
  /^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day)?$|^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)$/;

/** Prefixes and suffixes that are also dictionary words: a word they begin or end is derived, not compounded. */
const AFFIX =
  /^(?:inter|intra|infra|super|micro|macro|counter|multi|semi|anti|over|under|non|post|para|pseudo|techno|able|ability|ness|ment|ance|ence|ship|hood|less|ful|ward|wards|like|wise)$/;

/**
 * Closed compounds among `words` that the dictionary does not list, by the index terms of their parts:
 * "governmentwide" (government + wide) under "govern" and "wide". A reader writes the parts ("across government",
 * "government-wide"); the report, the compound. Parts of at least four letters, both ordinary dictionary words and free
 * words, not affixes ("infra-structure", "discover-ability" are no compounds of "infra" or "ability"). Found once per
 * index, when it is written (a pass over every word of the reports, with the dictionary): a question reads them.
 */
export function compoundsIn(words: Iterable<string>, thesaurus: Thesaurus): Map<string, string[]> {
  const compounds = new Map<string, string[]>();
  for (const w of words) {
    if (w.length < 8 || !/^\p{L}+$/u.test(w) || thesaurus.knows(w)) continue;
    for (let i = 4; i <= w.length - 4; i++) {
      const [left, right] = [w.slice(0, i), w.slice(i)];
      if (
        AFFIX.test(left) ||
        AFFIX.test(right) ||
        !thesaurus.knowsAsCommonWord(left) ||
        !thesaurus.knowsAsCommonWord(right)
      )
        continue;
      const whole = processTerm(w);
      for (const part of [left, right]) {
        const t = processTerm(part);
        if (t && whole && t !== whole) compounds.set(t, [...new Set([...(compounds.get(t) ?? []), whole])]);
      }
      break;
    }
  }
  return compounds;
}

export class QueryVocabulary {
  private readonly byLength = new Map<number, string[]>();
  private dictionaryWords?: Map<number, string[]>;

  /**
   * @param words every lower-case word of the reports with its count
   * @param hasTerm whether an index term (stem) occurs in the reports
   * @param compounds the reports' compounds as the index stores them (compoundsIn), when it does
   */
  constructor(
    private readonly words: Map<string, number>,
    private readonly hasTerm: (term: string) => boolean,
    private readonly thesaurus?: Thesaurus,
    private readonly compounds?: Map<string, string[]>,
  ) {
    for (const w of words.keys()) {
      if (!/^\p{L}+$/u.test(w)) continue;
      const list = this.byLength.get(w.length) ?? [];
      list.push(w);
      this.byLength.set(w.length, list);
    }
  }

  private compoundCache?: Map<string, string[]>;
  private britishCache?: Map<string, string>;

  /**
   * The reports' British spellings by their American form ("program" → "programme", "center" → "centre"): a report
   * written in British English is asked in American English too, and the stems differ ("program", "programm"). The most
   * frequent report word wins a form two share.
   */
  private britishSpellings(): Map<string, string> {
    if (!this.britishCache) {
      this.britishCache = new Map();
      const counts = new Map<string, number>();
      for (const [w, n] of this.words) {
        if (!/^\p{L}+$/u.test(w)) continue;
        for (const american of britishToAmerican(w)) {
          // …and the singular of a plural ("programs" → "programmes", so "program" → "programme").
          const forms: [string, string][] = [[american, w]];
          if (american.endsWith('s') && w.endsWith('s')) forms.push([american.slice(0, -1), w.slice(0, -1)]);
          for (const [a, b] of forms) {
            if (this.words.has(a) || (counts.get(a) ?? 0) >= n) continue;
            this.britishCache.set(a, b);
            counts.set(a, n);
          }
        }
      }
    }
    return this.britishCache;
  }

  /** The reports' closed compounds holding `term` as a part (compoundsIn): stored with the index, else found here. */
  compoundsOf(term: string): string[] {
    this.compoundCache ??=
      this.compounds ?? (this.thesaurus ? compoundsIn(this.words.keys(), this.thesaurus) : new Map());
    return this.compoundCache.get(term) ?? [];
  }

  /** The question with abbreviations, British spellings and typos replaced by the reports' words. */
  respell(question: string): string {
    // A fiscal year written short ("FY25", "FY '24") as reports write it ("FY 2025").
    const years = question.replace(/\bFY\s?['’]?(\d{2})\b/gi, 'FY 20$1').replace(IT_SAID, IT_MEANS);
    return years.replace(/\p{L}+/gu, (raw, at: number, text: string) => {
      // A part of a web address or a dotted name ("SSA.gov", "va.gov") is as written: not "government", not a typo.
      const end = at + raw.length;
      if (/[\p{L}\d]\.$/u.test(text.slice(Math.max(0, at - 2), at)) || /^\.[\p{L}\d]/u.test(text.slice(end, end + 2)))
        return raw;
      // A negated auxiliary ("wasn't", "doesn’t") is as written: "wasn" is no typo of "was".
      if (raw.endsWith('n') && /^['’]t(?!\p{L})/iu.test(text.slice(end, end + 3))) return raw;
      const fixed = this.respellWord(raw.toLowerCase());
      return fixed ?? raw;
    });
  }

  /** The replacement for one lower-case word, or undefined to keep it. */
  respellWord(word: string): string | undefined {
    const expanded = ABBREVIATIONS[word];
    if (expanded) return expanded;
    if (this.words.has(word) || !/^\p{Script=Latin}+$/u.test(word) || processTerm(word) === undefined) return undefined;
    const american = britishToAmerican(word).find((w) => this.words.has(w));
    if (american) return american;
    const british = this.britishSpellings().get(word);
    if (british) return british;
    if (this.thesaurus?.knows(word)) return undefined;
    // A word the index holds as it is typed is no typo: the initials the reports imply for a name ("usds" where they
    // write "U.S. Digital Service" once) are not "uses".
    if (this.hasTerm(processTerm(word)!)) return undefined;
    return (
      this.nearestWord(word, this.byLength) ??
      (word.length >= DICTIONARY_TYPO_LENGTH ? this.nearestWord(word, this.dictionaryByLength(), 1) : undefined)
    );
  }

  /** The dictionary's words by length (built on the first typo the reports cannot correct). */
  private dictionaryByLength(): Map<number, string[]> {
    if (!this.dictionaryWords) {
      this.dictionaryWords = new Map();
      for (const w of this.thesaurus?.words() ?? []) {
        const list = this.dictionaryWords.get(w.length) ?? [];
        list.push(w);
        this.dictionaryWords.set(w.length, list);
      }
    }
    return this.dictionaryWords;
  }

  /**
   * The most frequent word (in the reports; dictionary words count 0) within the typo budget of `word`, preferring
   * fewer edits.
   */
  private nearestWord(word: string, byLength: Map<number, string[]>, maxBudget = 2): string | undefined {
    const budget = Math.min(typoBudget(word.length), maxBudget);
    if (budget === 0) return undefined;
    let best: { w: string; d: number; n: number } | undefined;
    for (let len = word.length - budget; len <= word.length + budget; len++) {
      for (const w of byLength.get(len) ?? []) {
        // A typo rarely changes the first letter.
        if (w[0] !== word[0]) continue;
        const d = editDistance(word, w, budget);
        const n = this.words.get(w) ?? 0;
        if (d <= budget && (!best || d < best.d || (d === best.d && n > best.n))) best = { w, d, n };
      }
    }
    return best?.w;
  }

  /**
   * Names in a text: capitalised words inside a sentence that the dictionary knows only as a
   * name, or not at all ("Youyu", "York", "GDP", "Dongliang"). Days and months are capitalised
   * but name a time.
   * @param sentenceStarts also the first word of a sentence (in report text; in a question it is
   *   more often a misspelt word than a name)
   */
  names(text: string, sentenceStarts = false): string[] {
    const names: string[] = [];
    for (const m of text.matchAll(CAPITALISED)) {
      // A sentence's first word is capitalised anyway, also after marks that open it ("**How many …**", "“What …").
      const before = text.slice(0, m.index).replace(/[^\p{L}\p{N}.?!:;。？！]+$/u, '');
      if (!sentenceStarts && (!before || /[.?!:;。？！]$/u.test(before))) continue;
      const word = m[0].toLowerCase();
      // A function word is no name, whatever its case ("pls tell me How many …", "WHAT IS …").
      if (processTerm(word) === undefined) continue;
      if (TIME_NAMES.test(word) || this.thesaurus?.knowsAsCommonWord(word)) continue;
      names.push(m[0]);
    }
    return names;
  }

  /**
   * The names in a text that may be a person's (`names` that the dictionary does not know, or knows first as a person
   * and not as an adjective: "Hsiang", "Wagner", not "Canadian"), not an abbreviation ("TBS") nor a word of a name it
   * knows as something else ("Canada", "Hong Kong"). Without a dictionary, every name.
   */
  personNames(text: string): string[] {
    const thesaurus = this.thesaurus;
    if (!thesaurus) return this.names(text, true);
    const words = [...text.matchAll(CAPITALISED)];
    const inOtherName = new Set<string>();
    words.forEach((m, i) => {
      const next = words[i + 1];
      if (!next || !/^\s+$/u.test(text.slice(m.index + m[0].length, next.index))) return;
      const pair = `${m[0]}_${next[0]}`.toLowerCase();
      if (thesaurus.knows(pair) && !thesaurus.knowsAsPerson(pair)) inOtherName.add(m[0]).add(next[0]);
    });
    return this.names(text, true).filter((name) => {
      const word = name.toLowerCase();
      if (/^\p{Lu}+$/u.test(name) || inOtherName.has(name)) return false;
      // A person's name is no adjective ("Canadian", "American" name a people), nor first a place ("Kansas", read as
      // the plural of the Kansa people).
      return (
        !thesaurus.knows(word) ||
        (thesaurus.knowsAsPerson(word) && !thesaurus.knowsAsAdjective(word) && !thesaurus.knowsAsPlace(word))
      );
    });
  }

  /** Whether the dictionary knows a name first as a place, and only as a name ("Peru", "california"; not "Centers"). */
  isPlace(name: string): boolean {
    return !!this.thesaurus?.knowsAsPlace(name) && !this.thesaurus.knowsAsCommonWord(name);
  }

  /**
   * The names in a text the dictionary knows first as places, and only as names ("Saudi Arabia", "Peru", "Kuala Lumpur";
   * not "Centers"): a run of two capitalised words as one name, or a word alone. Not a place's name inside another name:
   * a site's ("Canada.ca") or a body's that its abbreviation follows ("Public Services and Procurement Canada (PSPC)").
   * Without a dictionary, none.
   */
  placeNames(text: string): string[] {
    if (!this.thesaurus) return [];
    const place = (w: string): boolean => this.isPlace(w);
    const words = [...text.matchAll(CAPITALISED)];
    const places: string[] = [];
    for (let i = 0; i < words.length; i++) {
      const [m, next] = [words[i]!, words[i + 1]];
      const joined = next && /^\s+$/u.test(text.slice(m.index + m[0].length, next.index));
      const pair = joined && place(`${m[0]}_${next[0]}`);
      const name = pair ? `${m[0]} ${next[0]}` : m[0];
      const end = pair ? next.index + next[0].length : m.index + m[0].length;
      if (pair) i++; // the pair is one name
      if ((pair || place(m[0])) && !withinName(name, text.slice(end))) places.push(name);
    }
    return places;
  }

  /** The common nouns of a text that name persons ("subscribers", "lawyers", "residents"); without a dictionary, none. */
  personNouns(text: string): string[] {
    const thesaurus = this.thesaurus;
    if (!thesaurus) return [];
    const words = [...text.matchAll(/(?<![\p{L}\d])\p{L}+/gu)].map((m) => m[0]);
    const capitalised = (w: string | undefined): boolean => w !== undefined && /^\p{Lu}/u.test(w);
    return (
      words
        // A plural written with a capital out of respect ("9 million Veterans annually") is still the common noun; one
        // beside another capitalised word is part of a name ("the Department of Veterans Affairs").
        .filter(
          (w, i) =>
            /^\p{Ll}+$/u.test(w) ||
            (/^\p{Lu}\p{Ll}+s$/u.test(w) && !capitalised(words[i - 1]) && !capitalised(words[i + 1])),
        )
        .map((w) => w.toLowerCase())
        .filter((w) => thesaurus.knowsAsPerson(w) && thesaurus.knowsAsCommonWord(w))
        // A word that is also an adjective names people only as a plural noun ("residents"), not before one ("federal
        // agencies": WordNet's first noun sense of "federal" is a federal agent).
        .filter((w) => w.endsWith('s') || !thesaurus.knowsAsAdjective(w))
    );
  }

  /**
   * Who a text names as doing something: its names (`names`), and "I", the speaker of an address or a letter
   * (first-person deixis points at its author: "I will establish and chair the Committee"). The offices it names are
   * `officesIn`.
   */
  agents(text: string): string[] {
    const names = this.names(text, true);
    return /(?<![\p{L}\d])I(?=\s+\p{Ll})/u.test(text) ? [...names, 'I'] : names;
  }

  /**
   * Names in a question that the reports never use ("…in Youyu County?"): it is about something they do not mention.
   */
  namesNotInReports(question: string): string[] {
    // (A name the reports only abbreviate or only spell out is an index term in both forms: "HK" for "Hong Kong"; one a
    // number opens is indexed by its number: "18F" as 18. A fiscal year written as one word, "FY2023", is a date, not a
    // name.)
    return this.namesInAnyCase(question).filter(
      (name) =>
        !this.words.has(name.toLowerCase()) &&
        !this.hasTerm(processTerm(name) ?? '') &&
        !(/^\d/.test(name) && tokenize(name).every(this.hasTerm)) &&
        !FISCAL_YEAR.test(name),
    );
  }

  /** The names a question writes, capitalised or not ("Texas", "texas"). */
  namesInAnyCase(question: string): string[] {
    return [...this.names(question), ...this.namesInLowerCase(question)];
  }

  /**
   * Words a question writes in lower case that the dictionary knows only as names ("in texas", "beijing"): people type
   * names without their capitals, and a name weighs the same either way. Not days and months, nor a word one edit from
   * another word of the reports (a typo as likely: "handel" for "handle").
   */
  private namesInLowerCase(question: string): string[] {
    const thesaurus = this.thesaurus;
    if (!thesaurus) return [];
    return [...question.matchAll(/(?<![\p{L}\d])\p{Ll}[\p{Ll}\d]+(?![\p{L}\d])/gu)]
      .filter((m) => !phrasalPlural(question, m, thesaurus))
      .map((m) => m[0])
      .filter(
        (word) =>
          processTerm(word) !== undefined &&
          !TIME_NAMES.test(word) &&
          thesaurus.knows(word) &&
          !thesaurus.knowsAsCommonWord(word) &&
          [undefined, word].includes(this.nearestWord(word, this.byLength, 1)),
      );
  }

  /**
   * What a question names that the reports name too, so that it is about them however it is worded: its names and its
   * abbreviations in capitals ("NM", which the dictionary knows as nanometre), where they are index terms (the reports'
   * abbreviations, defined or implied, are: "NM" where they write "Northern Metropolis"). Not a place the question only
   * sets itself in ("the best pizza place in Datong"): that says where, not what.
   */
  namesInReports(question: string): string[] {
    const setting = (name: string): boolean => isSetting(question, name);
    return [
      ...new Set([
        ...this.names(question),
        ...(question.match(/\b\p{Lu}{2,}\b/gu) ?? []),
        ...this.reportWordsUnknown(question),
      ]),
    ].filter((name) => !setting(name) && this.hasTerm(processTerm(name) ?? ''));
  }

  /**
   * Lower-case words of a question that the reports use and no dictionary knows ("ircc", "zuoyun"): their names and
   * abbreviations, typed without capitals.
   */
  private reportWordsUnknown(question: string): string[] {
    const thesaurus = this.thesaurus;
    if (!thesaurus) return [];
    return [...question.matchAll(/(?<![\p{L}\d])\p{Ll}{2,}(?![\p{L}\d])/gu)]
      .map((m) => m[0])
      .filter((word) => this.words.has(word) && !thesaurus.knows(word));
  }

  /**
   * The index term of a thesaurus lemma: the lemma as itself when the reports write it so ("found" read as the
   * "founded" they write, not as the past of "find"), else as the tokenizer reads the word.
   */
  private lemmaTerm(lemma: string): string | undefined {
    const itself = lemmaAsItself(lemma);
    return itself !== undefined && this.hasTerm(itself) ? itself : processTerm(lemma);
  }

  /**
   * Synonym readings of one question word (and its derived forms), each a list of words
   * given as their index terms, kept only when every word occurs in the reports and the
   * reading is not the word itself.
   */
  synonyms(word: string, senses = SYNONYM_SENSES): string[][][] {
    // Numbers have "synonyms" in WordNet ("1" → "one", "unity"): they name no topic.
    if (!this.thesaurus || !/^\p{L}/u.test(word)) return [];
    const own = processTerm(word.toLowerCase());
    const out = new Map<string, string[][]>();
    for (const synonym of [...this.thesaurus.synonyms(word, senses), ...this.thesaurus.derived(word).map((w) => [w])]) {
      // A phrasal verb asked ("sign in") is read by what it means in full, not by another's verb alone (its particle is
      // no index term): "check in" is not "check".
      if (word.includes('_') && synonym.length > 1 && PARTICLES.has(synonym.at(-1)!)) continue;
      const terms = synonym.map((w) => this.lemmaTerm(w)).filter((t): t is string => t !== undefined);
      if (!terms.length || terms.length > 3 || (terms.length === 1 && terms[0] === own)) continue;
      if (!terms.every(this.hasTerm)) continue;
      out.set(
        terms.join(' '),
        terms.map((t) => [t]),
      );
    }
    return [...out.values()];
  }

  /** The antonyms of one question word as index terms the reports hold ("rejected" → accept, "end" → begin). */
  opposites(word: string): string[] {
    if (!this.thesaurus || !/^\p{L}+$/u.test(word)) return [];
    const terms = this.thesaurus.antonyms(word).map((w) => this.lemmaTerm(w));
    return [...new Set(terms.filter((t): t is string => t !== undefined && this.hasTerm(t)))];
  }
}

/**
 * "sign ins", "log ins", "follow ups": the plural of a noun made of a phrasal verb the dictionary knows ("sign_in"), not a
 * name typed in lower case (WordNet's "INS", the Immigration and Naturalization Service).
 */
function phrasalPlural(question: string, m: RegExpMatchArray, thesaurus: Thesaurus): boolean {
  const particle = /^(\p{L}+)s$/u.exec(m[0])?.[1];
  if (!particle || !PARTICLES.has(particle)) return false;
  const verb = /(\p{L}+)[\s-]+$/u.exec(question.slice(0, m.index))?.[1];
  return verb !== undefined && thesaurus.knows(`${verb.toLowerCase()}_${particle}`);
}

/** The particles of phrasal verbs, as WordNet's multi-word lemmas end in them ("check_in", "set_up"). */
export const PARTICLES = new Set(
  'up out down off on in into over back away through forward around across along aside'.split(' '),
);

/** Nouns that head the name of an office or a body when capitalised ("the Secretary for …", "the Task Force on …"). */
const OFFICE_HEADS =
  /^(secretary|director|chief|minister|commissioner|chairman|chairperson|chair|officer|head|president|governor|mayor|judge|administrator|controller|manager|deputy|committee|council|bureau|department|corporation|authority|agency|office|commission|company|court|board|panel|team|force|taskforce|unit|institute|association|federation|ministry|administration|limited|service|services|group|center|centre|foundation)$/i;

/**
 * The bodies a text gives as the agent of a passive ("carried out by an investigation panel", "reviewed by the
 * committee"): a "by" phrase whose noun heads an office or a body, in lower case too — in a passive, the "by" phrase
 * says who does it. Pure.
 */
export function passiveAgentsIn(text: string): string[] {
  return [...text.matchAll(PASSIVE_AGENT), ...text.matchAll(PASSIVE_NAMED)].map((m) => m[1]!);
}

/**
 * One of `verbs`, "by", and a noun phrase of up to four words ending in one of `heads` (the phrase captured): the agent
 * of a passive. `shortest` ends the phrase at its first head ("an investigation panel set up …"), else at its last
 * ("the deputy director").
 */
function byPhrase(verbs: string, heads: string, shortest: boolean): RegExp {
  const words = String.raw`(?:[\p{L}-]+\s+){0,3}${shortest ? '?' : ''}`;
  return new RegExp(String.raw`\b(?:${verbs})\s+by\s+((?:an?|the)\s+${words}(?:${heads})s?)\b`, 'giu');
}

/** An office's or a body's head noun, for a pattern. */
const HEADS = OFFICE_HEADS.source.slice(2, -2);

/** A passive's participle and its particle, if any ("carried out", "operated"). */
const PASSIVE_VERB = String.raw`(?:\p{L}+ed|\p{L}+en|done|made|led|run|set up)(?:\s+(?:out|up|over|through|on))?`;

/** A participle, a particle, "by", and a noun phrase ending in an office's or a body's head. */
const PASSIVE_AGENT = byPhrase(PASSIVE_VERB, HEADS, true);

/**
 * …and a name of capitalised words after a passive's "by", whatever its head ("a 'history of government' blog operated
 * by The National Archives").
 */
const PASSIVE_NAMED = new RegExp(
  String.raw`\b${PASSIVE_VERB}\s+by\s+(?:the\s+)?((?:The\s+)?\p{Lu}(?:[\p{L}\d’'-]|\.(?=\p{L}))*(?:\s+(?:(?:of|for|and|on)\s+)?\p{Lu}(?:[\p{L}\d’'-]|\.(?=\p{L}))*)*)`,
  'gu',
);

/**
 * Whoever a text says leads something ("the Identity Assurance Office, led by a senior IRS executive", "headed by the
 * director"): the "by" phrase of a verb of leading, ending in an office's or a body's head or "executive" — the answer
 * to "who leads it?" though it is no name. Pure.
 */
export function leadersIn(text: string): string[] {
  return [...text.matchAll(LED_BY)].map((m) => m[1]!);
}

const LED_BY = byPhrase('led|headed|chaired|directed|run|managed', `${HEADS}|executive|leader`, false);

/** Words that may stand inside an office's name in lower case ("Secretary for Commerce and Economic Development"). */
const NAME_LINKS = /^(for|of|and|on|the|in)$/;

/**
 * The offices and bodies a text names: runs of capitalised words (with "for", "of", "and"… inside) holding a
 * capitalised head noun of an office or a body, not as a sentence's first word ("The Secretary for Commerce and
 * Economic Development will steer the work" → "Secretary for Commerce and Economic Development"). A lower-case "the
 * secretary" names no particular office. Pure.
 */
export function officesIn(text: string): string[] {
  const offices: string[] = [];
  const words = [...text.matchAll(/[\p{L}][\p{L}'’-]*/gu)];
  let run: string[] = [];
  let headed = false;
  const close = (): void => {
    while (run.length && NAME_LINKS.test(run.at(-1)!)) run.pop();
    if (/^(the|a|an)$/i.test(run[0] ?? '')) run.shift();
    if (headed && run.length) offices.push(run.join(' '));
    run = [];
    headed = false;
  };
  for (const [i, m] of words.entries()) {
    const word = m[0];
    const capital = /^\p{Lu}/u.test(word);
    const start =
      i === 0 || /[.?!:;]\s*["“]?\s*$/u.test(text.slice(words[i - 1]!.index + words[i - 1]![0].length, m.index));
    const gap = i > 0 && !/^[\s]*$/.test(text.slice(words[i - 1]!.index + words[i - 1]![0].length, m.index));
    if (gap) close();
    if (capital) {
      run.push(word);
      if (!start && OFFICE_HEADS.test(word)) headed = true;
    } else if (run.length && NAME_LINKS.test(word)) run.push(word);
    else close();
  }
  close();
  return offices;
}
