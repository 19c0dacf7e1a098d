/**
 * The ranking stage: every sentence of the candidates' paragraphs scored (rerank.ts scoreSentence) with its report's
 * preference and relatedness, best first; and the lines that lead whatever their words: the header or signature line a
 * question about the document asks for, the sentence defining an abbreviation asked about.
 */
import { fieldOf } from '../corpus/parse.js';
import { selfDescribed } from './document-fields.js';
import type { Paragraph, ParsedReport } from '../corpus/types.js';
import { isLabelOnly, paragraphText } from '../corpus/lists.js';
import { definedAcronyms } from '../corpus/acronyms.js';
import { conceptTerms } from '../search/concept.js';
import { tokenize } from '../search/tokenize.js';
import type { CorpusIndex } from '../search/corpus-index.js';
import { relatedness, type Calibration } from './confidence.js';
import { yearMeant } from './figures.js';
import type { RankedSentence } from './passages.js';
import { LEADER, type QuestionAnalysis } from './question.js';
import { leansBack, SHORT_SENTENCE, type Sentence } from './quote.js';
import { memoize, type ReportFacts, type ReportWeights } from './report-facts.js';
import { reportPreference, scoreSentence, WEIGHTS, type Weights } from './rerank.js';

/**
 * What the line a question about the document asks for adds to its score (withDocumentField): more than any sentence's
 * words can (scores stay under 3), less 1 for each field asked before its own, so the one asked first leads.
 */
const DOCUMENT_FIELD = 10;
/** What each later self-description of a report loses against the one before it, for "what is this report about?". */
const OVERVIEW_PLACE = 0.1;
/** Reports among the candidates' whose self-descriptions answer "what are the main themes of the report?" among several. */
const OVERVIEW_REPORTS = 3;

/** A query vector and how to read a similarity to it as relatedness, per report. */
export interface DenseQuery {
  vector: Float32Array;
  calibrationOf: (reportId: string) => Calibration | undefined;
}

export class SentenceRanker {
  constructor(
    private readonly index: CorpusIndex,
    private readonly facts: ReportFacts,
    private readonly weights: Weights = WEIGHTS,
    /** The places a text names (search/vocabulary.ts placeNames), for a question asking which places. */
    private readonly placesIn: (text: string) => string[] = () => [],
  ) {}

  /**
   * Scores every sentence of every candidate paragraph, best first. With a query vector,
   * each sentence's own dense similarity (its chunk's vector) is turned into relatedness.
   */
  rank(q: QuestionAnalysis, chunkIds: Set<number>, dense: Map<number, number>, query?: DenseQuery): RankedSentence[] {
    const paragraphs = new Set<string>();
    for (const id of chunkIds) paragraphs.add(`${this.index.reportOf(id)}#${this.index.paragraphOf(id)}`);
    const weightsIn = memoize((reportId: string) => this.facts.weightsIn(reportId));
    const ranked: RankedSentence[] = [];
    for (const key of paragraphs) {
      const [reportId, n] = splitKey(key);
      const report = this.index.reports.get(reportId)!;
      // A heading is evidence for the paragraphs under it (their heading terms), not an answer itself, nor is a caption
      // or a table's header row (its rows are read with them: GSA hit@1 0.462 → 0.477, hit@3 0.708 → 0.723; the other
      // reports have none); a line about the document (index number, date of issue, signature) answers only a question
      // about the document — and a signature a question asking who someone is ("who is the administrator of usds?" →
      // "Mina Hsiang / Administrator, The U.S. Digital Service": found on our own questions about the USDS text; no dev
      // answer moved).
      const role = report.paragraphs[n - 1]!.role;
      const answers =
        role === 'heading'
          ? statesAFinding(report, n)
          : role === 'body' || q.aboutDocument || (role === 'signature' && q.wantsName);
      if (!answers || isLabelOnly(report, n)) continue;
      // One at a time: a paragraph of a one-line report may hold 100,000 sentences, past what a spread can pass.
      for (const s of this.rankParagraph(q, report, n, dense, query, weightsIn(reportId))) ranked.push(s);
    }
    return ranked.sort(byScore);
  }

  /**
   * Among several reports, "this report" of a question about the document ("what is this report's document number?")
   * is the one report among the candidates' that has the line asked for and holds some reading of every word of the
   * question (not "which congressional committees …" of a county's report); undefined when none or several are.
   */
  onlyReportWithField(q: QuestionAnalysis, ranked: RankedSentence[]): string | undefined {
    const having = [...new Set(ranked.map((s) => s.report))].filter(
      (r) => r.paragraphs.some((p) => answersField(q, p) >= 0) && this.bearsEveryConcept(q, r.id),
    );
    return having.length === 1 ? having[0]!.id : undefined;
  }

  /** True when some reading of each of the question's concepts is somewhere in the report. */
  private bearsEveryConcept(q: QuestionAnalysis, reportId: string): boolean {
    const { from, to } = this.index.chunkRange(reportId)!;
    return q.concepts.every((c) => this.index.lexical.idfAnyIn(conceptTerms(c), from, to) > 0);
  }

  /**
   * The ranking with the line a question asks for by what it is, not by its words, first: an abbreviation's definition
   * (in any candidate report), or in the report meant (`reportId`, when known) the header or signature line asked for or
   * the paragraph asked for by its number.
   */
  withLineAsked(
    q: QuestionAnalysis,
    ranked: RankedSentence[],
    dense: Map<number, number>,
    query: DenseQuery | undefined,
    reportId: string | undefined,
  ): RankedSentence[] {
    if (q.defines) return this.withDefinition(q, q.defines, ranked, dense, query);
    if (q.asksOverview && reportId === undefined) return this.eachDescribed(q, ranked, dense, query);
    const report = reportId === undefined ? undefined : this.index.reports.get(reportId);
    const places = report && linesAsked(q, report, (t) => this.index.lexical.idf(t) > 0);
    return places ? this.leading(q, report, places, ranked, dense, query) : ranked;
  }

  /**
   * The sentences of the report's paragraphs asked for lead (`places`: paragraph → its place among those asked, 0 first),
   * each judged as the line asked for; the others follow as ranked.
   */
  private leading(
    q: QuestionAnalysis,
    report: ParsedReport,
    places: Map<number, number>,
    ranked: RankedSentence[],
    dense: Map<number, number>,
    query: DenseQuery | undefined,
  ): RankedSentence[] {
    const lines = [...places].flatMap(([n, place]) =>
      this.rankParagraph(q, report, n, dense, query, this.facts.weightsIn(report.id)).map((s) => ({
        ...s,
        score: s.score + DOCUMENT_FIELD - place,
        coverage: 1,
        literal: 1,
        field: true,
      })),
    );
    return [...lines, ...ranked.filter((s) => s.report !== report || !places.has(s.paragraph))].sort(byScore);
  }

  /**
   * "What are the main themes of the report?" among several reports, none named: the first self-description
   * (selfDescribed) of each of the first OVERVIEW_REPORTS reports among the candidates', one sentence each, in their
   * order, each unsure (which report is meant is unknown); ranked as found when none describes itself.
   */
  private eachDescribed(
    q: QuestionAnalysis,
    ranked: RankedSentence[],
    dense: Map<number, number>,
    query: DenseQuery | undefined,
  ): RankedSentence[] {
    const reports = [...new Set(ranked.map((s) => s.report))].slice(0, OVERVIEW_REPORTS);
    const lines = reports.flatMap((report, k) => {
      const [n] = selfDescribed(report);
      if (n === undefined) return [];
      const [best] = this.rankParagraph(q, report, n, dense, query, this.facts.weightsIn(report.id)).sort(byScore);
      return best
        ? [{ ...best, score: best.score + DOCUMENT_FIELD - k, coverage: 1, literal: 1, field: true, unsure: true }]
        : [];
    });
    return [...lines, ...ranked].sort(byScore);
  }

  /**
   * "What does OMB stand for?" is answered where a report defines it ("the Office of Management and Budget (OMB)"),
   * whatever its words weigh among the hundred passages using it: that sentence of each candidate report leads, as a
   * header line does for a question about the document. Ranked as found when no candidate report defines it.
   */
  withDefinition(
    q: QuestionAnalysis,
    abbreviation: string,
    ranked: RankedSentence[],
    dense: Map<number, number>,
    query: DenseQuery | undefined,
  ): RankedSentence[] {
    const defining = [...new Set(ranked.map((s) => s.report))].flatMap((report) => {
      const at = definitionAt(report.text, abbreviation);
      if (at === undefined) return [];
      const holds = (span: { start: number; end: number }): boolean => span.start <= at && at < span.end;
      const n = report.paragraphs.findIndex(holds) + 1;
      if (!n) return [];
      return this.rankParagraph(q, report, n, dense, query, this.facts.weightsIn(report.id))
        .filter((s) => holds(s.sentences[s.index]!))
        .map((s) => ({ ...s, score: s.score + DOCUMENT_FIELD, coverage: 1, literal: 1 }));
    });
    const place = (s: RankedSentence): string => `${s.report.id}#${s.paragraph}#${s.index}`;
    const found = new Set(defining.map(place));
    return [...defining, ...ranked.filter((s) => !found.has(place(s)))].sort(byScore);
  }

  /** Every sentence of one paragraph, scored (rerank.ts scoreSentence) with the report's preference added. */
  private rankParagraph(
    q: QuestionAnalysis,
    report: ParsedReport,
    n: number,
    dense: Map<number, number>,
    query: DenseQuery | undefined,
    weights: ReportWeights,
  ): RankedSentence[] {
    const evidence = this.facts.paragraph(report, n);
    const bonus = reportPreference(q, this.facts.title(report), this.facts.titleFrequency(), this.index.reports.size);
    const item = report.paragraphs[n - 1]!.section.at(-1);
    const { years } = this.facts.title(report);
    const meant = q.yearSaid === undefined ? undefined : yearMeant(q.yearSaid, years);
    const yearsAsked = meant ? [...q.years, meant] : q.years;
    const similarities = query ? this.sentenceSimilarities(report.id, n, dense, query.vector) : [];
    const related = evidence.sentences.map((_, k) =>
      query ? relatedness(similarities[k], query.calibrationOf(report.id)) : undefined,
    );
    const paragraphRelated = related.some((r) => r !== undefined)
      ? Math.max(...related.map((r) => r ?? -Infinity))
      : undefined;
    const paragraph: (Sentence & { coverage: number; literal: number })[] = evidence.sentences.map((s, i, all) => {
      const isLead = i === 0 && s.text.replace(/[.。]$/, '') === item;
      // A short item heading is quoted with the sentence after it, so judge its figures and dates on both.
      const text = isLead && s.text.length < SHORT_SENTENCE && all[i + 1] ? `${s.text} ${all[i + 1]!.text}` : s.text;
      const facts = {
        terms: s.terms,
        termSet: s.termSet,
        spelledOut: s.spelledOut,
        text,
        paragraphTerms: evidence.terms,
        headingTerms: evidence.headingTerms,
        reportTerms: this.facts.title(report).names,
        forwardLooking: evidence.forwardLooking,
        places: q.wantsPlaces ? this.placesIn(text).length : undefined,
        yearsAsked,
        period: years.period,
        related: related[i],
        paragraphRelated,
      };
      const r = scoreSentence(q, facts, weights.conceptWeight, weights.termWeight, this.weights);
      const at = { start: s.start, end: s.end, leansBack: leansBack(s.text) || s.pointsBack, isLead };
      return { ...at, score: r.score + bonus, coverage: r.coverage, literal: r.literal, gives: r.gives };
    });
    return paragraph.map((s, index) => ({
      report,
      paragraph: n,
      sentences: paragraph,
      index,
      score: s.score,
      coverage: s.coverage,
      literal: s.literal,
      related: related[index],
    }));
  }

  /** Dense similarity of each sentence of a paragraph: from the search hits, or read from the index at once. */
  private sentenceSimilarities(
    reportId: string,
    paragraph: number,
    dense: Map<number, number>,
    vector: Float32Array,
  ): (number | undefined)[] {
    const first = this.index.chunkOfSentence(reportId, paragraph, 0);
    if (first === undefined) return [];
    const { to } = this.index.paragraphChunks(first);
    const hits = Array.from({ length: to - first }, (_, k) => dense.get(first + k));
    return hits.every((x) => x !== undefined) ? hits : this.index.similaritiesOf(first, to, vector);
  }
}

/**
 * Where a header or signature line stands among the fields a question about the document asks for (0 = the one asked
 * first); -1 for any other line or question.
 */
function answersField(q: QuestionAnalysis, p: Paragraph): number {
  const field = fieldOf(p);
  return field ? q.documentFields.indexOf(field) : -1;
}

/**
 * Where `text` first defines `abbreviation` ("the Office of Management and Budget (OMB)"): the offset of its bracket;
 * undefined when it never does (only uses it, or spells it out without it). Pure.
 */
export function definitionAt(text: string, abbreviation: string): number | undefined {
  const escaped = abbreviation.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const m of text.matchAll(new RegExp(`[(（]${escaped}s?[)）]`, 'g'))) {
    const from = Math.max(0, m.index - 200);
    if (definedAcronyms(text.slice(from, m.index + m[0].length)).some((a) => a.short === abbreviation)) return m.index;
  }
  return undefined;
}

/** Fewest words of a heading that states a finding. */
const FINDING_WORDS = 6;

/**
 * A heading written as a sentence states a finding ("Many Veterans are skeptical about whether calling or chatting with
 * AVA will yield meaningful insights."): an answer, as the paragraphs under it are (a research report's findings are
 * often its headings, some with nothing under them).
 */
function statesAFinding(report: ParsedReport, n: number): boolean {
  const text = paragraphText(report, n).trim();
  return /\p{Ll}[.!]$/u.test(text) && text.split(/\s+/).length >= FINDING_WORDS;
}

/** The share of a leader question's words its report's signature must name to be the answer (not "… at CMS"). */
const SIGNED_FOR = 0.75;

/** A paragraph's own number, as the report prints it before its text ("48. I will …"). */
const NUMBERED = /^(\d{1,5})\.\s/;
/** Fewest numbered paragraphs for a report to count as numbering its paragraphs. */
const NUMBERED_REPORT = 3;

/**
 * The paragraphs of `report` a question asks for by what they are, with their places (0 first): the header or
 * signature line asked for about the document itself ("When did they put this report out?", "Who was it submitted
 * to?"), whatever its words, as "this report" names the document, not a report its text mentions; or the paragraph
 * asked for by its number ("What does paragraph 48 say?": the one numbered so where the report numbers its paragraphs,
 * "48. I will introduce …", else the one the citations call ¶48). Undefined when it asks for none, or the report has no
 * such paragraph (the ranking then stands as found).
 */
function linesAsked(
  q: QuestionAnalysis,
  report: ParsedReport,
  indexed: (term: string) => boolean,
): Map<number, number> | undefined {
  if (q.documentFields.length)
    return new Map(report.paragraphs.flatMap((p) => (answersField(q, p) >= 0 ? [[p.n, answersField(q, p)]] : [])));
  // "What is this report about?": where it says so itself, the earlier first unless the question's words choose.
  const described = q.asksOverview ? selfDescribed(report) : [];
  if (described.length) return new Map(described.map((n, k) => [n, k * OVERVIEW_PLACE]));
  const signed = q.office?.title === LEADER ? signatureOfHead(q, report, indexed) : undefined;
  if (signed) return signed;
  const k = q.paragraphAsked === undefined ? undefined : paragraphNumbered(report, q.paragraphAsked);
  return k === undefined ? undefined : new Map([[k, 0]]);
}

/**
 * "Who heads the U.S. Digital Service?" (美国数字服务局的负责人是谁？) of a report its head signs "Administrator, The U.S.
 * Digital Service": the signature's lines, where it or the report's issuer names the body asked about (a signature
 * without its body's name signs for the issuer: "Edward C. Forst Administrator" for the General Services
 * Administration); undefined otherwise.
 */
function signatureOfHead(
  q: QuestionAnalysis,
  report: ParsedReport,
  indexed: (term: string) => boolean,
): Map<number, number> | undefined {
  const signs = report.paragraphs.filter((p) => fieldOf(p) === 'signature');
  if (!signs.length) return undefined;
  const issuer = report.meta.issuer?.split(/[,;]/)[0] ?? '';
  const signed = new Set([...signs.flatMap((p) => tokenize(paragraphText(report, p.n))), ...tokenize(issuer)]);
  // (Of the words asked that the reports hold: 负责人 "person in charge" unread is no body the signature lacks.)
  const asked = q.concepts.filter((c) => conceptTerms(c).some(indexed));
  const said = asked.filter((c) => conceptTerms(c).some((t) => signed.has(t)));
  const weight = (cs: typeof said): number => cs.reduce((sum, c) => sum + c.weight, 0);
  return said.length && weight(said) >= SIGNED_FOR * weight(asked) ? new Map(signs.map((p) => [p.n, 0])) : undefined;
}

/**
 * The paragraph of `report` that "paragraph n" means (1-based, as `Paragraph.n`): the body paragraph the report numbers
 * n where it numbers its paragraphs, else its n-th (the citations' ¶n, a header or signature line too); undefined when
 * there is none.
 */
export function paragraphNumbered(report: ParsedReport, n: number): number | undefined {
  const numbers = report.paragraphs.map((p) =>
    p.role === 'body' ? Number(NUMBERED.exec(report.text.slice(p.start, p.start + 8))?.[1] ?? NaN) : NaN,
  );
  if (numbers.filter(Number.isFinite).length >= NUMBERED_REPORT) {
    const k = numbers.indexOf(n);
    return k < 0 ? undefined : k + 1;
  }
  // (A heading is cited by no ¶: it is never quoted.)
  return n >= 1 && n <= report.paragraphs.length && report.paragraphs[n - 1]!.role !== 'heading' ? n : undefined;
}

function byScore(a: RankedSentence, b: RankedSentence): number {
  return b.score - a.score || a.paragraph - b.paragraph || a.index - b.index;
}

function splitKey(key: string): [string, number] {
  const at = key.lastIndexOf('#');
  return [key.slice(0, at), Number(key.slice(at + 1))];
}
