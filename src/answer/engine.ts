/**
 * The answer engine: question in, verbatim cited quotes out (or an honest refusal).
 *
 * The steps, each in its own module: the question is respelled and read into concepts
 * (question.ts, search/vocabulary.ts); candidates are retrieved, lexical and dense, and fused
 * (retrieve.ts); every sentence of their paragraphs is ranked (rank.ts, scored by rerank.ts over what
 * report-facts.ts reads once per report); the evidence of the best ones decides confidence
 * (confidence.ts); the best sentences become quotes (quote.ts, passages.ts).
 */
import { DimensionMismatchError } from '../errors.js';
import { LruMap } from '../lru-map.js';
import { idfOf } from '../search/bm25.js';
import { arabicFigures } from '../search/chinese-numbers.js';
import type { ParsedReport } from '../corpus/types.js';
import { introOf, isNameAlone, paragraphText, sectionOpeningOf } from '../corpus/lists.js';
import type { CorpusIndex } from '../search/corpus-index.js';
import type { Embedder } from '../search/embedder.js';
import { IN_WORD, processTerm, tokenize, tokenizeWithOffsets, wordCounts } from '../search/tokenize.js';
import { withAcronyms } from '../search/acronym-terms.js';
import { conceptsWith, conceptTerms, oneWordTerms, type Concept } from '../search/concept.js';
import { CACHED_SENSES, type Thesaurus } from '../search/thesaurus.js';
import { isSetting, leadersIn, officesIn, passiveAgentsIn, QueryVocabulary } from '../search/vocabulary.js';
import { countedModifiersOf, definedTermOf } from './noun-phrases.js';
import {
  mentions,
  namesTyped,
  numberedNamesNotWritten,
  refersBack,
  sitesNotWritten,
  writtenThroughout,
} from './names-typed.js';
import {
  askedKindOf,
  askedHeadOf,
  sizedHeadOf,
  analyzeQuestion,
  LEADER,
  modelReading,
  namesAnOffice,
  type QuestionAnalysis,
} from './question.js';
import { CURRENCY_TERMS } from './figures.js';
import { readMessage, splitQuestion } from './message.js';
import { buildQuote } from './quote.js';
import {
  calibrate,
  CONFIDENCE,
  MIN_PROBES,
  countsPeople,
  answersWhatIsAsked,
  evidenceOf,
  judge,
  mergePartAnswers,
  type Shown,
  OFF_TOPIC_PROBES,
  offTopicSignature,
  type Calibration,
  type Thresholds,
} from './confidence.js';
import { withClosedSpellings, withCompounds, withFamily, withGlossSynonyms, withOtherForms } from './readings.js';
import {
  answerItem,
  distinctParagraphs,
  nearestSections,
  ownSpan,
  pickQuotes,
  withIntro,
  type RankedSentence,
} from './passages.js';
import { retrieve, type AnswerTimings } from './retrieve.js';
import { definitionAt, SentenceRanker, type DenseQuery } from './rank.js';
import { PARAGRAPH_CACHE, ReportFacts } from './report-facts.js';
import { WEIGHTS, type Weights } from './rerank.js';
import type { Answer, AnswerItem } from './types.js';

/** Longest question text looked at; the rest of a 10,000-character message is ignored. */
const MAX_QUESTION_CHARS = 500;

export interface EngineOptions {
  embedder?: Embedder | undefined;
  /** Translated concepts for a question (Chinese words glossed into English terms). */
  expandQuery?: ((question: string) => Concept[]) | undefined;
  /** Traditional Chinese characters read as simplified ones (chinese.ts chineseSimplifier); as typed without it. */
  simplifyChinese?: ((text: string) => string) | undefined;
  /** English synonyms (WordNet); without it questions match on their own words and spellings only. */
  thesaurus?: Thesaurus | undefined;
  /** Confidence thresholds and ranking weights, for sweeps; CONFIDENCE and WEIGHTS otherwise. */
  thresholds?: Thresholds | undefined;
  weights?: Weights | undefined;
  /** Receives where each answer's time went (milliseconds), for benchmarks. */
  onTimings?: ((t: AnswerTimings) => void) | undefined;
}

/**
 * Letters and digits written as compatibility characters, read in NFKC as the tokenizer reads the reports: full-width
 * ones, as a Chinese keyboard's full-width mode types them ("ｗｈｅｎ", "２０２３"), and Latin ligatures, as text copied
 * from a PDF has them ("ofﬁce"). Not the rest of NFKC: full-width punctuation ("？", "，") is read as such.
 */
const COMPATIBLE_LETTERS = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFB00-\uFB06]/g;
/**
 * A message without control and format characters: those that join or may break a word without ending it removed (the
 * tokenizer's IN_WORD: "le\u00adgal" is "legal", not "le gal"), the others spaces.
 */
function visible(text: string): string {
  return text.replace(IN_WORD, '').replace(/[\p{Cc}\p{Cf}]+/gu, ' ');
}

/**
 * A web or e-mail address: where the asker read the report or would be answered ("https://…/report.pdf how many …?",
 * "see www.zuoyun.gov.cn"), not words asked about: the message is read without them. The sentence's own full stop after
 * it stays.
 */
const ADDRESS = /\b(?:https?:\/\/|www\.)[^\s<>"“”]*[^\s<>"“”.,;:!?)\]}'’]|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;

/**
 * Removes control and format characters, reads full-width letters and digits and Latin ligatures as the letters they
 * are (COMPATIBLE_LETTERS, as Lucene's CJKWidthFilter does the full-width ones), clips overlong input and reads figures
 * written in characters as numerals.
 */
export function cleanQuestion(raw: string): string {
  const text = visible(raw)
    .replace(COMPATIBLE_LETTERS, (c) => c.normalize('NFKC'))
    .replace(/\s+/g, ' ')
    .trim();
  return arabicFigures(inOwnCase(unwrapped(text)).slice(0, MAX_QUESTION_CHARS));
}

/**
 * A message inside quotation marks or emphasis ("“How many …?”", "**How many …?**"): the asker's marks around it, not a
 * name it quotes ("the 'four ones' approach"). Only when nothing inside is quoted too.
 */
function unwrapped(text: string): string {
  const m = /^(["“”*_`]+)([^"“”]+?)(["“”*_`]+)$/u.exec(text);
  return m && /["“”]/u.test(m[1]!) === /["“”]/u.test(m[3]!) ? m[2]!.trim() : text;
}

/**
 * A message in capitals throughout ("HOW MANY NOTARIZATIONS WERE THERE?"): its case says nothing, so every word would
 * pass for an abbreviation or a name. Read in lower case (as a lower-case name is read: question.ts), unless it has
 * one word of content at most ("WHAT IS GDP?": that one may well be an abbreviation).
 */
function inOwnCase(text: string): string {
  return /\p{Ll}|\p{Script=Han}/u.test(text) || tokenize(text).length < 2 ? text : text.toLowerCase();
}

export type { AnswerTimings };

/**
 * A count whose noun is left to the context: a share of a whole ("5 of 10 used …"), a tally's line (a short label
 * opening a line or an item: "* Rural: 4").
 */
const ELLIPTICAL_COUNT = /\b\d[\d,]*\s+(?:of|out of)\s+\d[\d,]*\b|(?:^|\n|[*•]\s)\s*\p{L}[^:\n]{0,40}:\s*\d/u;

export class AnswerEngine {
  private vocabularyCache?: QueryVocabulary;
  /** What is read once per report (titles, paragraphs, word weights), and the ranking stage over it. */
  private readonly facts: ReportFacts;
  private readonly ranker: SentenceRanker;
  /**
   * The off-topic probes' vectors with this model, embedded once, when a report without an off-topic level of its own is
   * first ranked (see OffTopicProbes): an index the ingest measured needs none (a one-question CLI saves ~13 ms).
   */
  private probes?: Promise<OffTopicProbes | undefined>;
  private readonly calibrations = new LruMap<string, Calibration>(PARAGRAPH_CACHE);

  constructor(
    readonly index: CorpusIndex,
    private readonly options: EngineOptions = {},
  ) {
    // Checked once here rather than failing on every question: vectors from another model cannot be searched.
    const { embedder } = options;
    if (embedder && index.vectors && embedder.dim !== index.vectors.dim)
      throw new DimensionMismatchError(index.vectors.dim, embedder.dim);
    this.facts = new ReportFacts(index, (text) => this.vocabulary().names(text, true));
    this.ranker = new SentenceRanker(index, this.facts, options.weights, (text) => this.vocabulary().placeNames(text));
  }

  /**
   * The off-topic probes embedded by this model (undefined without vectors, or when too few embed), and how high they
   * reach in the whole index — measured only when a report has no off-topic level of its own (an index the ingest
   * measured has one for every report), as it searches the index once per probe.
   */
  private async embedProbes(): Promise<OffTopicProbes | undefined> {
    const { embedder } = this.options;
    if (!embedder || !this.index.vectors?.count) return undefined;
    try {
      const probes = (await embedder.embed(OFF_TOPIC_PROBES, 'query')).filter((v) => v.every(Number.isFinite));
      if (probes.length < MIN_PROBES) return undefined; // the dense side is then left out of ranking and confidence
      let whole: Calibration | undefined;
      const measureWhole = (): Calibration | undefined =>
        calibrate(probes.map((v) => this.index.denseSearch(v, 1)[0]?.similarity ?? NaN));
      return { probes, whole: () => (whole ??= measureWhole()) };
    } catch {
      return undefined;
    }
  }

  /**
   * The off-topic level within one report: the best similarity each probe reaches among that
   * report's own sentences (read once per report). A sentence's relatedness is measured against its
   * own report, so adding other reports to the index does not move one report's answers.
   */
  private reportCalibration(reportId: string, measured: OffTopicProbes | undefined): Calibration | undefined {
    let c = this.calibrations.get(reportId);
    if (!c) {
      c =
        this.storedCalibration(reportId) ??
        (measured &&
          (calibrate(this.index.bestSentenceSimilarities(reportId, measured.probes) ?? []) ?? measured.whole()));
      if (c) this.calibrations.set(reportId, c);
    }
    return c;
  }

  /**
   * How a similarity to `vector` reads as relatedness in each candidate's report: by the report's off-topic level, the
   * ingest's or measured here with the probes (embedded only when a candidate's report lacks one); undefined when the
   * model cannot embed enough probes for a report that needs them (the dense side then stays out of ranking).
   */
  private async denseQuery(vector: Float32Array, chunks: Set<number>): Promise<DenseQuery | undefined> {
    const lacking = [...chunks].some((c) => {
      const id = this.index.reportOf(c);
      return !this.calibrations.get(id) && !this.storedCalibration(id);
    });
    const measured = lacking ? await (this.probes ??= this.embedProbes()) : undefined;
    if (lacking && !measured) return undefined;
    return { vector, calibrationOf: (id) => this.reportCalibration(id, measured) };
  }

  /** A report's off-topic level as the ingest measured it, when with this model and these probes. */
  private storedCalibration(reportId: string): Calibration | undefined {
    const stored = this.index.offTopic;
    if (stored?.model !== this.options.embedder?.id || stored?.probes !== offTopicSignature()) return undefined;
    const level = stored.of(reportId);
    return level && { offTopicMean: level.mean, offTopicSd: level.sd };
  }

  /**
   * Reads ahead what a question would otherwise read on first meeting it: every report's title facts (ReportFacts
   * titlesAhead). The running bot calls it after reading the report texts ahead.
   */
  readTitlesAhead(signal?: AbortSignal): Promise<number> {
    return this.facts.titlesAhead(signal);
  }

  get mode(): 'lexical' | 'hybrid' {
    return this.options.embedder && this.index.vectors ? 'hybrid' : 'lexical';
  }

  /**
   * Answers one question with up to `limit` quotes from distinct passages.
   * @param onlyReport answer from this report only (example questions of a new report)
   */
  async answer(rawQuestion: string, limit = 3, onlyReport?: string): Promise<Answer> {
    const simplified = this.options.simplifyChinese?.(rawQuestion) ?? rawQuestion;
    // (A message that is only a link asks nothing: chatter, answered by what the bot can do.)
    const message = readMessage(visible(simplified).replace(ADDRESS, ' '), (terms) => this.titleHolds(terms));
    if (message.kind !== 'question')
      return {
        question: rawQuestion,
        abstained: true,
        answers: [],
        nearestSections: [],
        mode: this.mode,
        notAQuestion: message.kind,
      };
    const cleaned = cleanQuestion(message.question);
    const question = cleaned && this.vocabulary().respell(cleaned);
    const whole = await this.answerOne(rawQuestion, question, limit, onlyReport);
    const parts = splitQuestion(question);
    if (parts.length < 2) return whole;
    // A message asking two things: each part is also answered on its own (confidence.ts mergePartAnswers).
    const partAnswers = await Promise.all(parts.map((p) => this.answerOne(p, p, 1, onlyReport)));
    return mergePartAnswers(whole, partAnswers, limit);
  }

  /** Whether some indexed report's title holds every one of `terms` (index terms; its title facts, read once). */
  private titleHolds(terms: string[]): boolean {
    for (const report of this.index.reports.values()) {
      const title = this.facts.title(report).terms;
      if (terms.every((t) => title.has(t))) return true;
    }
    return false;
  }

  /**
   * Answers one question (already cleaned and respelled), in stages: read the question → retrieve candidates →
   * rank their sentences → judge → quote.
   */
  private async answerOne(rawQuestion: string, question: string, limit: number, onlyReport?: string): Promise<Answer> {
    const refusal: Answer = {
      question: rawQuestion,
      abstained: true,
      answers: [],
      nearestSections: [],
      mode: this.mode,
    };
    if (!question) return refusal;
    const vocabulary = this.vocabulary();
    const read = this.readQuestion(question, vocabulary);
    const searchTerms = read.concepts.flatMap(conceptTerms);
    // Numbers alone ("1=1", "2023") name no topic: there is nothing to look up (unless they name a paragraph: "¶48", or
    // ask what the whole report is about).
    const lineAsked = read.paragraphAsked !== undefined || read.asksOverview;
    if (!searchTerms.some((t) => /\p{L}/u.test(t)) && !lineAsked) return refusal;
    const t: AnswerTimings = { embed: 0, vectorSearch: 0, lexicalSearch: 0, rerank: 0, quote: 0 };
    const found = await this.retrieveAndRank(read, question, onlyReport, t);
    if (!found) return refusal;
    // (The question as ranked: "what is the TechFAR?" asks what it is when no report spells it out.)
    const { q } = found;
    let { ranked } = found;
    const mark = performance.now();
    const thresholds = this.thresholdsFor(q);
    const shown = ranked[0] && this.shownBy(q, question, ranked[0], vocabulary);
    const candidates = ranked; // (a constant for the closure below: `ranked` is reordered further on)
    let verdict = judge(
      { ...evidenceOf(q, ranked, thresholds), named: vocabulary.namesInReports(question).length > 0 },
      q,
      shown,
      [
        ...vocabulary.namesNotInReports(question),
        ...this.askedNotInReports(q, question, vocabulary),
        ...sitesNotWritten(question, () => this.candidateTexts(candidates)),
      ],
      thresholds,
    );
    // (Which of several reports "the report" is, nothing said: its self-description is shown, not asserted.)
    if (verdict === 'high' && ranked[0]?.unsure) verdict = 'low';
    if (verdict === 'low' && shown && !answersWhatIsAsked(q, shown, thresholds))
      ranked = this.answeringFirst(q, question, ranked, thresholds, vocabulary);
    if (verdict === 'refuse') {
      // Nearest sections only where some word of the question is (an off-topic question gets none).
      refusal.nearestSections = nearestSections(ranked);
      this.options.onTimings?.(t);
      return refusal;
    }
    const answers = this.quotesOf(ranked, searchTerms, limit);
    t.quote = performance.now() - mark;
    this.options.onTimings?.(t);
    return {
      question: rawQuestion,
      abstained: false,
      confidence: verdict,
      answers,
      nearestSections: [],
      mode: this.mode,
    };
  }

  /**
   * The question read (question.ts), its words widened by their families, other forms, the reports' compounds and their
   * closed spellings.
   */
  private readQuestion(question: string, vocabulary: QueryVocabulary): QuestionAnalysis {
    const lexical = this.index.lexical;
    const read = analyzeQuestion(
      question,
      (this.options.expandQuery?.(question) ?? []).map((c) =>
        withGlossSynonyms(withOtherForms(c, lexical), (word) => vocabulary.synonyms(word), lexical),
      ),
      (word) => vocabulary.synonyms(word),
      this.options.expandQuery !== undefined,
    );
    const widened = (c: Concept): Concept => withCompounds(withFamily(c, lexical), (t) => vocabulary.compoundsOf(t));
    return { ...read, concepts: withClosedSpellings(read.concepts.map(widened), read.terms, lexical) };
  }

  /**
   * Candidates (retrieve.ts) ranked sentence by sentence, with the question as ranked; undefined when nothing is a
   * candidate.
   */
  private async retrieveAndRank(
    read: QuestionAnalysis,
    question: string,
    onlyReport: string | undefined,
    t: AnswerTimings,
  ): Promise<{ q: QuestionAnalysis; ranked: RankedSentence[] } | undefined> {
    let q = read;
    // A question naming one report by its title's name ("in Zuoyun", "the GSA's") is about that report only.
    const scope = onlyReport ?? this.facts.namedBy(q);
    const { chunks, dense, vector } = await retrieve(
      this.index,
      this.options.embedder,
      modelReading(question, q.concepts),
      q.concepts,
      scope,
      t,
    );
    // (A paragraph asked for by its number is there whatever its words: rank.ts linesAsked.)
    if (chunks.size === 0 && q.paragraphAsked === undefined && !q.asksOverview) return undefined;
    const mark = performance.now();
    const query = vector && (await this.denseQuery(vector, chunks));
    let ranked = this.ranker.rank(q, chunks, dense, query);
    // "What is the TechFAR?": a name in capitals that no candidate report spells out is no abbreviation asked, but a
    // thing whose definition is ("The TechFAR is a handbook that …").
    if (q.defines && !spelledOutIn(q.defines, ranked)) {
      q = { ...q, defines: undefined, definedTerm: definedTermOf(question) };
      ranked = this.ranker.rank(q, chunks, dense, query);
    }
    // "This report" is known when the index holds one report or the question names one; among several, it is the one
    // candidate report with the line asked for (onlyReportWithField), else the words decide as for any question (so does
    // "paragraph 48" among several reports none of which the question names).
    const report =
      scope ??
      (this.index.reports.size === 1 ? [...this.index.reports.keys()][0] : undefined) ??
      (q.documentFields.length ? this.ranker.onlyReportWithField(q, ranked) : undefined);
    const answered = this.ranker.withLineAsked(q, ranked, dense, query, report);
    t.rerank = performance.now() - mark;
    return answered.length ? { q, ranked: answered } : undefined;
  }

  /**
   * The quotes of the best passages, with the question's words marked in runs holding a distinctive one (not only
   * words most passages share: "county", "law").
   */
  private quotesOf(ranked: RankedSentence[], searchTerms: string[], limit: number): AnswerItem[] {
    const termSet = new Set(searchTerms);
    const distinctive = (term: string): boolean => !this.isCommon(term);
    return pickQuotes(ranked, limit).map(({ s, span }) =>
      answerItem(s, buildQuote(s.report.text, span.start, span.end, termSet, distinctive)),
    );
  }

  /**
   * The ranking with a close runner-up first when the best passage does not give what is asked and it does (confidence.ts
   * answersWhatIsAsked): among the judged passages, within Weights.runnerUp of the best's score. Only the order moves:
   * the verdict stays the best passage's (low), since a question nothing answers has runners-up that pass too.
   */
  private answeringFirst(
    q: QuestionAnalysis,
    question: string,
    ranked: RankedSentence[],
    t: Thresholds,
    vocabulary: QueryVocabulary,
  ): RankedSentence[] {
    const best = ranked[0]?.score ?? 0;
    for (const s of distinctParagraphs(ranked, t.judged).slice(1)) {
      if (best - s.score > (this.options.weights ?? WEIGHTS).runnerUp) break;
      if (answersWhatIsAsked(q, this.shownBy(q, question, s, vocabulary), t))
        return [s, ...ranked.filter((x) => x !== s)];
    }
    return ranked;
  }

  /**
   * What the best passage shows, for the judge (confidence.ts answersWhatIsAsked): its quoted
   * text and terms, the terms of its paragraph and headings, the names it holds, and which of the
   * question's words could say what was counted or what happened there.
   */
  private shownBy(q: QuestionAnalysis, question: string, s: RankedSentence, vocabulary: QueryVocabulary): Shown {
    const sentence = s.sentences[s.index]!;
    const text = s.report.text.slice(sentence.start, sentence.end);
    // Judged on what the reader is shown: the quote as it will be cut (a short item heading with the sentence after
    // it, a sentence leaning on the one before, a list's lead-in with its first item), so a figure there counts.
    const span = ownSpan(s);
    // …and with what opens it: a signature's title line with its name, a stat card's figure with its caption ("45%" over
    // "27 agencies did not know how many software titles they owned").
    const start = withIntro(s.report, s.paragraph, span).start;
    const quoted = s.report.text.slice(start, span.end);
    const evidence = this.facts.paragraph(s.report, s.paragraph);
    const title = this.facts.title(s.report).terms;
    // (A header line's terms include its label: "January 16, 2024" is the "Date signed".)
    const inQuote = s.sentences.flatMap((x, i) => (x.start >= span.start && x.end <= span.end ? [i] : []));
    const beyond =
      span.end > s.sentences.at(-1)!.end ? tokenize(s.report.text.slice(s.sentences.at(-1)!.end, span.end)) : [];
    // (Headings that spell out an abbreviation name it too.)
    const context = withAcronyms(
      new Set([...evidence.sectionTerms, ...evidence.sentences.flatMap((x) => [...x.termSet])]),
      this.facts.acronymsOf(s.report),
    );
    const quotedTerms = [...inQuote.flatMap((i) => evidence.sentences[i]!.spelledOut), ...beyond];
    const named = this.bodiesNamed(q, question, s.report, vocabulary);
    for (const t of this.namedAround(s, named)) context.add(t);
    // An elliptical count ("5 of 10 used a smartphone", a tally's "Rural: 4") counts what its section spoke of before
    // it ("We talked to 10 participants"): the noun counted there is named.
    if (q.figureKind === 'count' && ELLIPTICAL_COUNT.test(quoted)) {
      const before = this.termsBefore(s);
      for (const t of q.counted) if (before.has(t)) context.add(t);
    }
    return {
      sentence: text,
      quoted,
      quotedTerms,
      context,
      headings: s.report.paragraphs[s.paragraph - 1]!.section,
      persons: personsIn(q, quoted, vocabulary),
      // The speaker ("I will chair the Committee") answers "who" in an address or a letter: Hong Kong's low answers
      // 18 → 17 (and one in Chinese); the other reports have no speaker, nothing moved there.
      names: this.namesIn(q, quoted, vocabulary, title),
      places: q.wantsPlace ? vocabulary.placeNames(quoted) : undefined,
      report: s.report.meta,
      field: s.field,
      // Abbreviations the question names ("the VA") that this index uses in a few passages: they name a particular
      // body.
      named,
      unmentioned: () => [
        ...this.namesNotMentioned(question, s.report, s.paragraph, quoted, context),
        ...this.namesOfOtherReports(vocabulary.namesInReports(question), s.report),
        ...numberedNamesNotWritten(question, s.report.text),
        ...this.sizedThingUnwritten(q, question, s.report),
      ],
      // Words that can say what was counted or what happened: not the report's own subject ("Zuoyun County"), a unit of
      // money, nor a word most passages share.
      telling: (t) => !title.has(t) && !CURRENCY_TERMS.has(t) && !(this.index.lexical.idf(t) > 0 && this.isCommon(t)),
      // "What's the average age of CDS employees?": the figure asked for is an age ("269 employees" is none).
      head: q.wantsFigure ? this.askedHead(q, question) : [],
      opposes: this.opposes(question, quotedTerms, vocabulary),
    };
  }

  /**
   * The terms of the particular bodies and places a question names (abbreviations, settings, places; an abbreviation it
   * spells out or types), other than the report's own subject or a word most passages share.
   */
  private bodiesNamed(
    q: QuestionAnalysis,
    question: string,
    report: ParsedReport,
    vocabulary: QueryVocabulary,
  ): string[] {
    const title = this.facts.title(report).terms;
    const names = vocabulary.namesInAnyCase(question);
    return [
      ...names
        .filter((name) => /^\p{Lu}{2,}$/u.test(name) || isSetting(question, name) || vocabulary.isPlace(name))
        .flatMap((name) => tokenize(name)),
      ...this.abbreviationsSpelledOut(q, report),
      ...this.abbreviationsTyped([...names, ...vocabulary.namesInReports(question)], report),
    ].filter((t) => !title.has(t) && this.index.lexical.idf(t) > 0 && !this.isCommon(t));
  }

  /** The terms of the paragraphs before this one in its section (back to its heading). */
  private termsBefore(s: RankedSentence): Set<string> {
    const path = s.report.paragraphs[s.paragraph - 1]!.section.join('\n');
    const terms = new Set<string>();
    for (let k = s.paragraph - 1; k >= 1; k--) {
      const p = s.report.paragraphs[k - 1]!;
      if (p.section.join('\n') !== path || p.role === 'heading') break;
      for (const x of this.facts.paragraph(s.report, k).sentences) for (const t of x.termSet) terms.add(t);
    }
    return terms;
  }

  /**
   * Of the bodies a question names (`named`), those the passage stands under: named by the leads of the sections above
   * it ("960,400 monthly active users" in the chapter that opens on the VA is the VA's) or by the opening of its own
   * section ("70% Waited a reasonable amount of time" under the paragraph introducing the questionnaire of "Service
   * Canada Centres (SCC)"), or by the lead-in of its list ("For example, DfE has a range of work underway, including:"
   * over "the 40 or so forms used by the department"); only as themselves, not by the long form's words, which say
   * nothing else there.
   */
  private namedAround(s: RankedSentence, named: string[]): string[] {
    const leads = this.facts.paragraph(s.report, s.paragraph).leadNames;
    const above = [sectionOpeningOf(s.report, s.paragraph), introOf(s.report, s.paragraph)].flatMap((k) =>
      k === undefined ? [] : this.facts.paragraph(s.report, k).sentences,
    );
    return named.filter((t) => leads.includes(t) || above.some((x) => x.termSet.has(t)));
  }

  /**
   * The abbreviations a report writes whose long form the question spells out, in any case ("what do people complain
   * about at service canada centres" for its "Service Canada Centres (SCC)"): the question names that body as the
   * abbreviation would. Not initials the report never writes ("SC" for "Service Canada").
   */
  private abbreviationsSpelledOut(q: QuestionAnalysis, report: ParsedReport): string[] {
    return this.facts
      .acronymsOf(report)
      .filter((pair) => pair.long.length > 1 && pair.long.every((t) => q.terms.includes(t)))
      .map((pair) => pair.short)
      .filter((short) => new RegExp(`\\b${short.toUpperCase()}\\b`).test(report.text));
  }

  /**
   * The names the question gives, however typed, that the report writes as names (names-typed.ts) and this passage
   * (its paragraph, headings and quote) does not name, in full or by the report's abbreviation ("DTO").
   */
  private namesNotMentioned(
    question: string,
    report: ParsedReport,
    paragraph: number,
    quoted: string,
    context: Set<string>,
  ): string[] {
    const p = report.paragraphs[paragraph - 1]!;
    const text = (k: number | undefined): string => (k === undefined ? '' : paragraphText(report, k));
    // What the passage is read with: its headings, its list's lead-in, the label line above it ("■ Canadian Armed Forces
    // (CAF)" over "Mandated that Units replace …"; not a sibling item's sentence).
    const label = paragraph > 1 && isNameAlone(text(paragraph - 1)) ? paragraph - 1 : undefined;
    const passage = [
      ...p.section,
      text(sectionOpeningOf(report, paragraph)),
      text(introOf(report, paragraph)),
      text(label),
      text(paragraph),
      quoted,
    ].join('\n');
    const pairs = this.facts.acronymsOf(report);
    return namesTyped(question, report.text, report.meta.title, this.facts.capitalisedOf(report)).filter((name) => {
      if (mentions(passage, name) || refersBack(passage, name) || this.isSubject(report, name)) return false;
      // …or by the report's abbreviation of it, or of its last words ("508 program manager": "Section 508 PM").
      const words = name.split(' ');
      return !pairs.some((pair) => {
        const rest = words.slice(0, words.length - pair.long.length);
        return (
          context.has(pair.short) &&
          tokenize(words.slice(rest.length).join(' ')).join(' ') === pair.long.join(' ') &&
          (!rest.length || mentions(passage, rest.join(' ')))
        );
      });
    });
  }

  /**
   * Of the names a question gives that the indexed reports use ("how much did the caseflow contract cost?"), those a
   * report never mentions, nor abbreviates: a passage of it is about another report's thing (another report's contract
   * cost). Only several reports can differ so.
   */
  private namesOfOtherReports(names: string[], report: ParsedReport): string[] {
    if (this.index.reports.size < 2) return [];
    // (As index terms, as the reports are searched: "UK" is in a report writing "U.K.".)
    const inReport = this.termInReport(report.id);
    const short = new Set(this.facts.acronymsOf(report).map((pair) => pair.short));
    // (A short word typed in lower case, "vs", is as likely a word the dictionary lacks as an abbreviation.)
    return names.filter((name) => {
      if (name.length < 3 && !/\p{Lu}/u.test(name)) return false;
      const terms = tokenize(name);
      return terms.length > 0 && !terms.every(inReport) && !short.has(processTerm(name) ?? '');
    });
  }

  /**
   * The thing whose size a question asks ("how big is the government's budget deficit this year?"), when the report
   * never mentions it in any reading: a figure of it is of something else (CDS's "$25.8 million annual budget").
   */
  private sizedThingUnwritten(q: QuestionAnalysis, question: string, report: ParsedReport): string[] {
    const head = q.wantsFigure ? sizedHeadOf(question) : undefined;
    if (!head) return [];
    const readings = this.headReadings(q, head);
    return (readings.length ? readings : [head]).some(this.termInReport(report.id)) ? [] : [head];
  }

  /**
   * The report's abbreviations among the names a question types in lower case ("how many people visited
   * hhs.gov/newbaby?"): a name weighs what it weighs in capitals, and an abbreviation names a particular body or thing.
   */
  private abbreviationsTyped(names: string[], report: ParsedReport): string[] {
    const typed = new Set(names.filter((name) => !/^\p{Lu}{2,}$/u.test(name)).flatMap((name) => tokenize(name)));
    return this.facts
      .acronymsOf(report)
      .map((pair) => pair.short)
      .filter((short) => typed.has(short));
  }

  /**
   * Whether a quote with these terms says the opposite of a word of the question without the word itself ("accepted"
   * for "rejected").
   */
  private opposes(question: string, quotedTerms: string[], vocabulary: QueryVocabulary): boolean {
    const quoted = new Set(quotedTerms);
    return tokenizeWithOffsets(question).some(
      (t) => !quoted.has(t.term) && vocabulary.opposites(question.slice(t.start, t.end)).some((o) => quoted.has(o)),
    );
  }

  /**
   * The names a text gives that could answer the question: for "who did …" its agents (names, the speaker "I", and the
   * offices and bodies it names: "led by the Deputy Chief Secretary for Administration"), unless an office is all words
   * of the question ("who chairs the steering committee?" → "the Steering Committee") or of the report's title; for
   * "who is the current Financial Secretary?" (identity) the names that may be a person's ("Paul N. Wagner", not
   * "Canada", "TBS"); for any other question, its names alone. The one a "who" question asks for is not one it names
   * itself ("who was the CEO before Paul Wagner?", "who built Report Stream's database?"), unless it asks who that is
   * ("who is Lu Dongliang?").
   */
  private namesIn(q: QuestionAnalysis, text: string, vocabulary: QueryVocabulary, title: Set<string>): string[] {
    const agent = q.wantsName && !q.asksIdentity;
    const given = (name: string): boolean => {
      const terms = tokenize(name);
      return q.wantsName && !terms.includes(q.whoIs ?? '') && terms.every((t) => q.terms.includes(t));
    };
    // (Whoever heads a body is a person or an office, not another body: "who leads GSA?" is not answered by "General
    // Services Administration (GSA)".)
    const holder = q.office?.title === LEADER;
    return [
      ...(holder
        ? [...vocabulary.personNames(text), ...officesIn(text).filter(namesAnOffice), ...leadersIn(text)]
        : agent
          ? vocabulary.agents(text)
          : q.asksIdentity
            ? vocabulary.personNames(text)
            : vocabulary.names(text, true)
      ).filter((name) => name === 'I' || (tokenize(name).some((t) => !title.has(t)) && !given(name))),
      ...(agent && !holder ? [...officesIn(text), ...passiveAgentsIn(text)] : []).filter((office) =>
        tokenize(office).some((t) => !title.has(t) && !q.terms.includes(t)),
      ),
    ];
  }

  /**
   * The words saying which things a "how many" question counts that no report uses in any reading ("how many visa
   * applications", "how many French-speaking employees" asked of reports that never say "visa" or "French"): a count of
   * a kind the reports do not mention, so theirs of applications or employees is no answer. Only the modifiers: the
   * counted noun itself may be the asker's word for the report's ("campaigns" for "activities"). Not a Chinese gloss
   * (a guess at the wording). Likewise the kind a "which X" question asks for ("which browser do agencies use?" of
   * reports that never name a browser, in any reading, name none).
   */
  private askedNotInReports(q: QuestionAnalysis, question: string, vocabulary: QueryVocabulary): string[] {
    const kind = askedKindOf(question);
    // (A word the reports hold in another of its senses is no unknown thing: "how many extra organ donors …", where the
    // report writes "additional people", WordNet's third sense of "extra".)
    const written = new Map(tokenizeWithOffsets(question).map((t) => [t.term, question.slice(t.start, t.end)]));
    const inSomeSense = (term: string): boolean =>
      vocabulary.synonyms(written.get(term) ?? term, CACHED_SENSES).length > 0;
    return conceptsWith(q.concepts, [...countedModifiersOf(question), ...(kind ? [kind] : [])])
      .filter((c) => !c.translated)
      .map(conceptTerms)
      .filter((terms) => terms.every((t) => !(this.index.lexical.idf(t) > 0)))
      .map((terms) => terms[0]!)
      .filter((term) => !inSomeSense(term));
  }

  /** The text of each candidate paragraph, once (the candidates hold every passage with the question's words). */
  private candidateTexts(ranked: RankedSentence[]): string[] {
    const seen = new Set<string>();
    return ranked.flatMap((s) => {
      const key = `${s.report.id}#${s.paragraph}`;
      if (seen.has(key)) return [];
      seen.add(key);
      return [paragraphText(s.report, s.paragraph)];
    });
  }

  /**
   * The one-word readings of what a "what is the X (of …)" question asks for (question.ts askedHeadOf); empty when
   * unsaid. Not a phrase's words one by one: "telephone set", a reading of "phone", is no "set".
   */
  private askedHead(q: QuestionAnalysis, question: string): string[] {
    const head = askedHeadOf(question);
    return head ? this.headReadings(q, head) : [];
  }

  /** The one-word readings of a head noun the question asks about (its concept's), empty when it has none. */
  private headReadings(q: QuestionAnalysis, head: string): string[] {
    const [concept] = conceptsWith(q.concepts, [head]);
    return concept ? oneWordTerms(concept) : [];
  }

  /** Whether an index term is in some passage of the report (as the reports are searched: "UK" in "U.K."). */
  private termInReport(reportId: string): (term: string) => boolean {
    const range = this.index.chunkRange(reportId)!;
    return (t) => this.index.lexical.idfAnyIn([t], range.from, range.to) > 0;
  }

  /**
   * A name its report writes in more than `commonShare` of its passages is what the report is about, as a name in its
   * title is ("College Scorecard" in the report on the College Scorecard, whose title does not say it): a passage of it
   * need not name it.
   */
  private isSubject(report: ParsedReport, name: string): boolean {
    const body = report.paragraphs.filter((p) => p.role === 'body').map((p) => report.text.slice(p.start, p.end));
    return writtenThroughout(body, name, this.baseThresholds.commonShare);
  }

  /** True for a term in more than `commonShare` of passages ("county", "law"), or one the index does not hold. */
  private isCommon(term: string): boolean {
    const { size } = this.index.lexical;
    return this.index.lexical.idf(term) <= idfOf(this.baseThresholds.commonShare * size, size);
  }

  private get baseThresholds(): Thresholds {
    return this.options.thresholds ?? CONFIDENCE;
  }

  /** The reports' words for respelling questions (built on first use; the index is immutable). */
  private vocabulary(): QueryVocabulary {
    this.vocabularyCache ??= new QueryVocabulary(
      this.index.words?.() ?? wordCounts([...this.index.reports.values()].map((r) => r.text)),
      (term) => this.index.lexical.idf(term) > 0,
      this.options.thesaurus,
      this.index.compounds?.(),
    );
    return this.vocabularyCache;
  }

  /** Glosses of a translated question match the report's wording less often: its coverage levels are lower. */
  private thresholdsFor(q: QuestionAnalysis): Thresholds {
    const t = this.baseThresholds;
    if (!q.concepts.some((c) => c.translated)) return t;
    const scale = t.translatedCoverage;
    return {
      ...t,
      highCoverage: t.highCoverage * scale,
      supportCoverage: t.supportCoverage * scale,
      minCoverage: t.minCoverage * scale,
      marginCoverage: t.marginCoverage * scale,
      openCoverage: t.openCoverage * scale,
    };
  }
}

/** Whether a report of the ranked sentences spells an abbreviation out ("… Federal Acquisition Regulation (FAR)"). */
function spelledOutIn(abbreviation: string, ranked: RankedSentence[]): boolean {
  return [...new Set(ranked.map((s) => s.report))].some(
    (report) => definitionAt(report.text, abbreviation) !== undefined,
  );
}

/** The off-topic probes' vectors, and the off-topic level of the whole index (measured on first call). */
interface OffTopicProbes {
  probes: Float32Array[];
  whole: () => Calibration | undefined;
}

/**
 * The persons a quote names by a common noun, read only where they may answer: whoever "how many people" counts
 * ("1,670 subscribers"); for a "who" question a class of persons, a plural ("designed with lawyers in mind"), not one
 * office ("the county head").
 */
function personsIn(q: QuestionAnalysis, quoted: string, vocabulary: QueryVocabulary): string[] {
  const counting = countsPeople(q);
  if (!counting && !q.personsAnswer) return [];
  const nouns = vocabulary.personNouns(quoted);
  return (counting ? nouns : nouns.filter((w) => w.endsWith('s'))).flatMap((w) => tokenize(w));
}
