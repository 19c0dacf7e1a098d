/**
 * What the engine reads once per report and keeps between questions: its title's facts (names, years), its paragraphs
 * read for ranking (evidence.ts), how rare a word is within it, and which report a question names. The index is
 * immutable, so nothing here is ever stale; the paragraphs are kept least recently used first.
 */
import type { ParsedReport } from '../corpus/types.js';
import { LruMap } from '../lru-map.js';
import { acronymPairs, type AcronymPair } from '../search/acronym-terms.js';
import { idfOf } from '../search/bm25.js';
import { conceptTerms, type Concept } from '../search/concept.js';
import type { CorpusIndex } from '../search/corpus-index.js';
import { tokenize } from '../search/tokenize.js';
import { isYear } from './figures.js';
import {
  paragraphEvidence,
  PLACE_KIND_TERMS,
  titleFactsOf,
  titleFrequency,
  type ParagraphEvidence,
} from './evidence.js';
import type { QuestionAnalysis } from './question.js';
import type { TitleFacts } from './rerank.js';
import { capitalisedWords } from './names-typed.js';

/** Paragraphs whose sentences stay tokenised between questions (least recently used go first). */
export const PARAGRAPH_CACHE = 2_000;

/** Titles read ahead between two turns of the event loop (about 10 ms of work: ReportFacts.titlesAhead). */
const TITLES_A_TURN = 250;

/** How rare a word and a concept are within one report (ReportFacts.weightsIn). */
export type ReportWeights = { termWeight: (term: string) => number; conceptWeight: (c: Concept) => number };

export class ReportFacts {
  private readonly paragraphCache = new LruMap<string, ParagraphEvidence>(PARAGRAPH_CACHE);
  private readonly titles = new Map<string, TitleFacts>();
  private titleWordIndex?: Map<string, ParsedReport[]>;
  /** Abbreviations each report of an older index defines, as index terms (see withAcronyms, acronymsFoundIn). */
  private readonly acronyms = new LruMap<string, AcronymPair[]>(PARAGRAPH_CACHE);
  private readonly capitalised = new LruMap<string, Set<string>>(PARAGRAPH_CACHE);
  private titleCounts?: Map<string, number>;
  /** Title word → the reports it is an own name of (namedByWord). */
  private readonly owners = new Map<string, string[]>();

  /** @param namesOf the names a text gives (search/vocabulary.ts QueryVocabulary.names, lower-case names too) */
  constructor(
    private readonly index: CorpusIndex,
    private readonly namesOf: (text: string) => string[],
  ) {}

  /**
   * How rare a word is, within one report: other reports in the index do not change how one report's passages
   * rank against each other ("county" is common in a county's report however rare it is in the others). A concept
   * absent from the report weighs the most: the report likely does not cover it.
   */
  weightsIn(reportId: string): ReportWeights {
    const { from, to } = this.index.chunkRange(reportId)!;
    const maxIdf = idfOf(0, to - from);
    const rarity = (terms: string[]): number => this.index.lexical.idfAnyIn(terms, from, to) || maxIdf;
    return {
      termWeight: memoize((term: string) => rarity([term])),
      conceptWeight: memoize((c: Concept) => c.weight * rarity(conceptTerms(c))),
    };
  }

  /**
   * The one report whose title's names ("Zuoyun", "GSA", "Hong Kong") the question uses, when several are indexed and
   * no other's.
   */
  namedBy(q: QuestionAnalysis): string | undefined {
    if (this.index.reports.size < 2) return undefined;
    // Its own names are words of its title, short title or issuer: only a report with a question word there is read
    // for them (reading every title's names with the thesaurus takes a second at 10,000 reports), found by the word
    // (looking at every title cost 3 ms a question at 10,000). An own name is one word of letters: a year of the
    // question is never one, so the thousands of reports with it in their titles are not read for names.
    // A number of a title ("Section 508") names its report only when no word does: "How well do the websites in Zuoyun
    // conform to Section 508?" is about Zuoyun.
    const byWords = this.namedByWords(q, (t) => /^\p{L}{3,}$/u.test(t));
    if (byWords === null) return undefined; // words naming several reports name none
    return byWords ?? this.namedByWords(q, (t) => /^\d{2,}$/.test(t) && !isYear(t)) ?? this.namedByKind(q);
  }

  /**
   * The one report whose subject is of the kind a question refers to as known ("the county" of "Zuoyun County …", among
   * reports on no other county): a definite description picks the one thing it fits. Read from the titles holding the
   * word only.
   */
  private namedByKind(q: QuestionAnalysis): string | undefined {
    const fitting = new Set<string>();
    // (Only a kind of place is read for: "the report" would read every title. A second report fitting ends the search:
    // at 10,000 county reports "the county" reads two titles.)
    for (const t of new Set((q.definite ?? []).filter((t) => PLACE_KIND_TERMS.has(t))))
      for (const report of this.byTitleWord().get(t) ?? []) {
        if (this.title(report).kinds.has(t)) fitting.add(report.id);
        if (fitting.size > 1) return undefined;
      }
    return fitting.size === 1 ? [...fitting][0] : undefined;
  }

  /** The one report the question's words that `may` accepts name, null when they name several. */
  private namedByWords(q: QuestionAnalysis, may: (t: string) => boolean): string | null | undefined {
    const named = new Set<string>();
    // (A Chinese question's names are the capitalised words of its glosses: 左云县 "Zuoyun county"; not a gloss's other
    // words, which are guesses at the wording: "government-wide".)
    const glossed = q.concepts.flatMap((c) => (c.translated ? (c.glosses ?? []) : []));
    const words = [
      ...q.terms,
      ...glossed.flatMap((gloss) => tokenize((gloss.match(/\b\p{Lu}[\p{L}-]*/gu) ?? []).join(' '))),
    ];
    for (const t of new Set(words)) {
      if (!may(t)) continue;
      for (const id of this.namedByWord(t)) named.add(id);
      if (named.size > 1) return null;
    }
    return named.size === 1 ? [...named][0] : undefined;
  }

  /**
   * The reports one of whose own names is `t` and whose passages hold most of those using it, three in four (found once
   * per word: a word of most titles is in thousands). A title's word that other reports use as well is no name of it:
   * "Relaunching Trusted Traveler Programs" is not what "when was Move.mil relaunched?" names, nor "…Health Data Access
   * with APIs" what a question on another report's APIs does.
   */
  private namedByWord(t: string): string[] {
    let ids = this.owners.get(t);
    const reports = ids ? undefined : this.byTitleWord().get(t);
    if (reports) {
      const { lexical } = this.index;
      const all = lexical.documentFrequency(t);
      // (A report with fewer passages than three in four of those using the word cannot hold them: its postings are
      // not read. At 10,000 reports a word of every title is used in tens of thousands of passages.)
      const mostly = (r: ParsedReport): boolean => {
        const { from, to } = this.index.chunkRange(r.id) ?? { from: 0, to: 0 };
        return 4 * (to - from) >= 3 * all && 4 * lexical.documentFrequencyIn(t, from, to) >= 3 * all;
      };
      this.owners.set(t, (ids = reports.filter((r) => this.title(r).ownNames.has(t) && mostly(r)).map((r) => r.id)));
    }
    return ids ?? [];
  }

  /** Each word of a title, short title or issuer, with the reports it is in (computed once: the index is immutable). */
  private byTitleWord(): Map<string, ParsedReport[]> {
    if (!this.titleWordIndex) {
      this.titleWordIndex = new Map();
      for (const report of this.index.reports.values()) {
        const { title, shortTitle, issuer } = report.meta;
        for (const t of new Set(tokenize(`${title} ${shortTitle ?? ''} ${issuer ?? ''}`))) {
          const reports = this.titleWordIndex.get(t);
          if (reports) reports.push(report);
          else this.titleWordIndex.set(t, [report]);
        }
      }
    }
    return this.titleWordIndex;
  }

  /** What a report's title says (evidence.ts titleFactsOf), read once per report. */
  title(report: ParsedReport): TitleFacts {
    let facts = this.titles.get(report.id);
    if (!facts) this.titles.set(report.id, (facts = titleFactsOf(report, this.namesOf)));
    return facts;
  }

  /**
   * Reads every report's title facts not read yet, a batch at a time with a turn of the event loop between, so questions
   * are answered meanwhile: at 10,000 reports a question with a word of most titles ("law", "county") otherwise reads
   * thousands of titles for the report it names (namedBy), once per word. Stops when `signal` aborts.
   * @returns how many titles were read
   */
  async titlesAhead(signal?: AbortSignal): Promise<number> {
    // (And the title words' reports and counts, which the first question naming a report or ranking one would make: 50
    // to 100 ms at 10,000 reports.)
    this.byTitleWord();
    this.titleFrequency();
    let read = 0;
    let seen = 0;
    for (const report of this.index.reports.values()) {
      if (signal?.aborted) break;
      if (!this.titles.has(report.id)) {
        this.title(report);
        read++;
      }
      if (++seen % TITLES_A_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    return read;
  }

  /** Term → number of report titles holding it (computed once; the index is immutable). */
  titleFrequency(): Map<string, number> {
    this.titleCounts ??= titleFrequency([...this.index.reports.values()]);
    return this.titleCounts;
  }

  /** Paragraph `n` of a report read for ranking (evidence.ts paragraphEvidence), kept while it is in use. */
  paragraph(report: ParsedReport, n: number): ParagraphEvidence {
    const key = `${report.id}#${n}`;
    let evidence = this.paragraphCache.get(key);
    if (!evidence) this.paragraphCache.set(key, (evidence = paragraphEvidence(report, n, this.acronymsOf(report))));
    return evidence;
  }

  /** The words a report writes capitalised somewhere, in lower case (names-typed.ts capitalisedWords). */
  capitalisedOf(report: ParsedReport): Set<string> {
    let words = this.capitalised.get(report.id);
    if (!words) this.capitalised.set(report.id, (words = capitalisedWords(report.text)));
    return words;
  }

  /**
   * A report's abbreviations: stored with it at ingest, or found from its text (an index written before they were
   * stored).
   */
  acronymsOf(report: ParsedReport): AcronymPair[] {
    if (report.acronyms) return report.acronyms;
    let pairs = this.acronyms.get(report.id);
    if (!pairs) this.acronyms.set(report.id, (pairs = acronymPairs(report.text)));
    return pairs;
  }
}

/** Caches a one-argument function for the life of one question. */
export function memoize<K, V>(fn: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = fn(key)));
    return value;
  };
}
