/**
 * How sure an answer is: a confident quote, the closest passages labelled as such, or a
 * refusal when nothing in the reports relates to the question. Pure.
 *
 * Two kinds of evidence, each on a scale that does not depend on one model:
 *  - coverage: the IDF-weighted share of the question's concepts found in the sentence,
 *    its paragraph and headings (0..1; synonyms count for less than the word itself);
 *  - relatedness: how far the sentence's dense similarity stands above the best
 *    similarities that off-topic questions reach in the same index with the same model,
 *    in standard deviations of those (see `calibrate`). A model whose similarities all sit
 *    around 0.8 (e5) and one whose sit around 0.3 (static word vectors) both land on it.
 */
import { processTerm, tokenize, tokenizeWithOffsets } from '../search/tokenize.js';
import { conceptsWith, conceptTerms } from '../search/concept.js';
import { definedAcronyms } from '../corpus/acronyms.js';
import { isAttribution, isNameAlone, NAME_JOINERS } from '../corpus/lists.js';
import { statesAddress } from '../corpus/parse.js';
import { createHash } from '../hash.js';
import {
  CHANGE_VERBS,
  figuresOfKind,
  hasFigure,
  hasSuperlative,
  isNegated,
  isYear,
  MONEY_FRAME,
  MONEY_RECEIVED_KINDS,
  measuredIn,
  signedIn,
  MONTH_NAMES,
  monthsIn,
  NUMBER_TERMS,
  onlyChanges,
  onlySumsReceived,
  reportYears,
  statesChange,
  statesDuration,
  saysLength,
  LENGTH_IN_WORDS,
  FREQUENCY_IN_WORDS,
  statesShare,
  sumsOfMoney,
  SHARE_UNITS,
  TIME_UNITS,
  UNIT_TERMS,
  yearMeant,
  yearsIn,
} from './figures.js';
import { countedByFigures, countModifiers, PEOPLE_TERMS, sharesOf } from './noun-phrases.js';
import {
  LIGHT_VERBS,
  NAMING_STATED,
  namesOnlyAnotherRank,
  namesOtherChiefsOnly,
  ORIGIN_TERMS,
  statesRateOf,
  type QuestionAnalysis,
} from './question.js';
import type { Answer, AnswerItem } from './types.js';

/** Off-topic questions: nothing in a government report on the rule of law answers them. */
export const OFF_TOPIC_PROBES = [
  'What is the best recipe for chocolate chip cookies?',
  'Who won the football match last night?',
  'How far is the moon from the earth?',
  'Which smartphone has the best camera this year?',
  'How do I train my puppy to stop barking?',
  'What are the lyrics of the most popular love song?',
  'How many calories are in a banana?',
  'What is the plot of the latest superhero movie?',
  'How do volcanoes erupt?',
  'Where can I buy cheap flights to Paris?',
  'What is the capital city of Australia?',
  'How do you play the guitar chord G major?',
  'Why is the sky blue?',
  'Which planets have rings?',
  'How long should I boil an egg?',
  'What is the best way to learn to swim as an adult?',
  'Who painted the Mona Lisa?',
  'How do bees make honey?',
  'What time does the sun set in winter?',
  'How do I fix a flat bicycle tyre?',
  'What is the fastest animal on land?',
  'How do I grow tomatoes on a balcony?',
  'Which video game sold the most copies?',
  'What is a black hole?',
];

let signature: string | undefined;
/**
 * Names the probe list: an index's stored off-topic levels count only when measured with these probes. Computed on
 * first use, not when the module loads (a lexical question needs no hash).
 */
export function offTopicSignature(): string {
  signature ??= createHash('sha1').update(OFF_TOPIC_PROBES.join('\n')).digest('hex').slice(0, 12);
  return signature;
}

export interface Calibration {
  /** Mean and standard deviation of the best dense similarity reached by off-topic questions. */
  offTopicMean: number;
  offTopicSd: number;
}

/** Fewest off-topic probes a calibration is measured from. */
export const MIN_PROBES = 5;

/** Calibration from the best similarity each off-topic probe reached. */
export function calibrate(bestSimilarities: number[]): Calibration | undefined {
  const finite = bestSimilarities.filter(Number.isFinite);
  if (finite.length < MIN_PROBES) return undefined;
  const mean = finite.reduce((s, x) => s + x, 0) / finite.length;
  const sd = Math.sqrt(finite.reduce((s, x) => s + (x - mean) ** 2, 0) / finite.length);
  // A floor keeps a near-constant model from turning tiny differences into huge z-scores.
  return { offTopicMean: mean, offTopicSd: Math.max(sd, 0.01) };
}

/** Relatedness of a similarity: standard deviations above what off-topic questions reach. */
export function relatedness(similarity: number | undefined, c: Calibration | undefined): number | undefined {
  if (similarity === undefined || !c || !Number.isFinite(similarity)) return undefined;
  return (similarity - c.offTopicMean) / c.offTopicSd;
}

/**
 * Thresholds. Chosen on the tuning half of both dev sets plus the off-topic set (docs/quality.md,
 * "How the thresholds were chosen"; `npm run bench:quality -- --sweep` prints the figures around them) by one
 * rule: at most three answerable questions refused and about one in five unanswerable ones
 * (two of the tuning half's seven) quoted with high confidence, then as few answerable ones
 * as possible labelled low.
 * Coverage levels are shares of the question; relatedness levels are in off-topic
 * standard deviations, so they carry over to another model.
 */
export interface Thresholds {
  highCoverage: number;
  minCoverage: number;
  highRelatedness: number;
  supportRelatedness: number;
  supportCoverage: number;
  minRelatedness: number;
  unrelated: number;
  clearMargin: number;
  marginCoverage: number;
  openCoverage: number;
  openRelatedness: number;
  judged: number;
  figureWindow: number;
  dateWindow: number;
  translatedCoverage: number;
  commonShare: number;
}

export const CONFIDENCE: Thresholds = {
  /** At or above: the question's own words (or synonyms) are there; a confident answer. */
  highCoverage: 0.55,
  /** Below this and not related either: nothing in the reports relates; refuse. */
  minCoverage: 0.25,
  /** Relatedness that makes an answer confident on its own (meaning matches, words do not). */
  highRelatedness: 3.5,
  /** Relatedness that, with middling coverage, makes an answer confident. */
  supportRelatedness: 2,
  /** Coverage that counts as middling. */
  supportCoverage: 0.35,
  /** Relatedness under which a question with low coverage is refused. */
  minRelatedness: 1.5,
  /**
   * Relatedness under which a question is refused unless its own words are there (literal coverage ≥ supportCoverage):
   * about as related as off-topic questions.
   */
  unrelated: 1,
  /** Score lead of the best passage over the best of any other paragraph that marks a clear answer… */
  clearMargin: 0.25,
  /** …when at least this share of the question is there in its own words (a synonym alone is no clear answer). */
  marginCoverage: 0.25,
  /**
   * An open question ("what did they do about…", "did they…": no figure, date or name asked)
   * is answered by a passage on its topic: confident at this coverage…
   */
  openCoverage: 0.3,
  /**
   * …with at least this relatedness (a specific question must show its figure, date or name, so it keeps the bars
   * above).
   */
  openRelatedness: 1.5,
  /**
   * Ranked sentences whose evidence decides confidence: a dense bonus can lift a weaker sentence above the one that
   * holds the words.
   */
  judged: 3,
  /**
   * Content words either side of a number within which it counts as that word's figure ("accepted 60 legal aid
   * cases").
   */
  figureWindow: 3,
  /**
   * Content words either side of a date within which it is that event's date: a clause ("… are proceeding in full
   * swing for commissioning in 2027").
   */
  dateWindow: 8,
  /**
   * Coverage levels for a question translated from Chinese, as a share of the English ones (dictionary glosses are
   * guesses at the wording).
   */
  translatedCoverage: 0.75,
  /**
   * A word in more than this share of passages is too common to say what a figure counts or what happened (nor is it
   * marked in a quote).
   */
  commonShare: 0.15,
};

export type Verdict = 'high' | 'low' | 'refuse';

/** What confidence is decided on. */
export interface Evidence {
  /** Best coverage among the top few ranked sentences. */
  coverage: number;
  /** The same counting the question's own words only, not synonyms. */
  literal: number;
  /** Best relatedness among them; undefined without a model. */
  related?: number | undefined;
  /**
   * How far the best sentence's score leads the best sentence of any other paragraph: a clear winner or a flat field.
   */
  margin: number;
  /** The question asks about a topic, not for a figure, a date or a name. */
  open?: boolean | undefined;
  /**
   * The passage ranked first is also the one closest in meaning (dense similarity): word overlap and meaning point to
   * the same place.
   */
  agrees?: boolean | undefined;
  /** The question names something the reports name ("the NM steering group"): it is about them, however worded. */
  named?: boolean | undefined;
}

/**
 * Decides from the evidence of the top few ranked sentences. Without a model (relatedness
 * undefined) coverage and margin decide alone. When the words and the meaning of the question
 * point to the same passage (`agrees`), evidence that is merely not too weak to refuse is enough:
 * two independent readings agreeing is itself evidence (chosen on the tuning half: docs/how-it-works.md, "Confidence
 * instead of a cliff").
 */
export function decide(e: Evidence, t: Thresholds = CONFIDENCE): Verdict {
  const { coverage, related } = e;
  const r = related ?? -Infinity;
  // As related as off-topic questions, few of the question's own words there, and the passage closest in meaning
  // another: refused, however much synonyms cover ("How do I apply for a passport?" → "pass": WordNet's sense "a pass,
  // a passport"). Synonyms that carry a question to the passage its meaning points to still answer it ("hand out
  // booklets" → "pamphlets were printed and distributed"). Off-topic questions quoted high: GSA 1 → 0, all three
  // reports in one index 4 → 2 of 30; no dev answer moved.
  // …but a question naming something the reports name ("is the NM steering group being scrapped?") is about them,
  // however its other words are put: the closest passages (not a confident quote), unless the evidence is too weak
  // anyway. Hong Kong's answerable questions refused 2 → 1 of 65; nothing else moved on any report or the off-topic set.
  const weak = coverage < t.minCoverage && r < t.minRelatedness;
  if (unrelated(e, t) && e.agrees !== true) return e.named === true && !weak ? 'low' : 'refuse';
  if (
    coverage >= t.highCoverage ||
    r >= t.highRelatedness ||
    (coverage >= t.supportCoverage && r >= t.supportRelatedness) ||
    (e.margin >= t.clearMargin && e.literal >= t.marginCoverage) ||
    (e.open === true && coverage >= t.openCoverage && r >= t.openRelatedness) ||
    (e.agrees === true && coverage >= t.minCoverage && r >= t.minRelatedness)
  )
    return 'high';
  if (weak) return 'refuse';
  if (unrelated(e, t) && e.named !== true) return 'refuse';
  return 'low';
}

/**
 * As related as off-topic questions, unless a good share of the question's own words is there (the model missed it,
 * the words did not).
 */
function unrelated(e: Evidence, t: Thresholds): boolean {
  return e.related !== undefined && e.related < t.unrelated && e.literal < t.supportCoverage;
}

/** What the judge reads of a ranked sentence (engine.ts ranks them). */
export interface JudgedSentence {
  /** Its report and paragraph: which passage it is. */
  report: unknown;
  paragraph: number;
  score: number;
  coverage: number;
  literal: number;
  related?: number | undefined;
}

/**
 * What decides confidence, from the top `judged` sentences (Thresholds): coverage, relatedness, margin, and whether
 * words and meaning agree.
 */
export function evidenceOf(q: QuestionAnalysis, ranked: JudgedSentence[], t: Thresholds = CONFIDENCE): Evidence {
  const judged = ranked.slice(0, t.judged);
  const related = judged.some((s) => s.related !== undefined)
    ? Math.max(...judged.map((s) => s.related ?? -Infinity))
    : undefined;
  const runnerUp = ranked.find((s) => s.report !== ranked[0]?.report || s.paragraph !== ranked[0]?.paragraph);
  // The two readings of the question agree when the passage ranked first is also the one closest in meaning.
  const closest =
    related === undefined
      ? undefined
      : ranked.reduce((best, s) => ((s.related ?? -Infinity) > (best.related ?? -Infinity) ? s : best));
  return {
    coverage: Math.max(0, ...judged.map((s) => s.coverage)),
    literal: Math.max(0, ...judged.map((s) => s.literal)),
    related,
    margin: ranked[0] ? ranked[0].score - (runnerUp?.score ?? 0) : 0,
    open: !q.wantsFigure && !q.wantsDate && !q.wantsName,
    agrees:
      !!closest && !!ranked[0] && closest.report === ranked[0].report && closest.paragraph === ranked[0].paragraph,
  };
}

/** What the passage ranked first shows, gathered by the engine for judging it (pure data and one predicate). */
export interface Shown {
  /** Its best sentence, and what would be quoted for a figure (a short heading with the sentence after it). */
  sentence: string;
  quoted: string;
  /** The quoted text's index terms in order (a header line's with its label: "Date signed"). */
  quotedTerms: string[];
  /** Every term of its paragraph and section path. */
  context: Set<string>;
  /** Its section path ("Recent updates", "October 2023"): a dated log's month heading dates the items under it. */
  headings?: string[] | undefined;
  /**
   * Terms of the quote's nouns that name persons ("subscribers", "lawyers": vocabulary.ts personNouns); read only for a
   * question that counts people (countsPeople), empty otherwise.
   */
  persons: string[];
  /** For a question asking which place: the places the quote names (vocabulary.ts placeNames). */
  places?: string[] | undefined;
  /** Names in the quote other than its report's own subject; for a "who" question also "I", the speaker. */
  names: string[];
  report: { title: string; subtitle?: string | undefined; date?: string | undefined };
  /** Abbreviations the question names that the index uses in a few passages ("the VA"): a particular body. */
  named: string[];
  /**
   * Names the question gives however typed ("service canada"), which the report writes as names, that the passage does
   * not name: it is about something else. Found only when asked (a pass over the report's text).
   */
  unmentioned?: (() => string[]) | undefined;
  /**
   * Whether a question term can say what was counted or what happened (not the report's subject, a currency, a common
   * word).
   */
  telling: (term: string) => boolean;
  /**
   * It is the header or signature line a question about the document asks for (its date, addressee, signer), of the
   * report the question means.
   */
  field?: boolean | undefined;
  /** For a figure question "what is the X (of …)", X with its readings: what the figure must be of. */
  head?: string[] | undefined;
  /**
   * The quote says the opposite of a word of the question and not the word: "accepted" for "how many were rejected?",
   * "began" for "when does it end?" (WordNet's antonyms).
   */
  opposes?: boolean | undefined;
}

/**
 * Whether the passage gives what the question asks for, in the ways words can check: the year
 * the question names is the report's or the quote's; a "who" question's quote holds a name; an
 * answer about a body named by abbreviation comes from a passage naming it; a "when"
 * question's date stands by a word of the event; a "how many / how much" question's figure is of
 * the kind asked for and stands by a word saying what was counted.
 */
export function answersWhatIsAsked(q: QuestionAnalysis, shown: Shown, t: Thresholds = CONFIDENCE): boolean {
  // (A year its heading names is the quote's: "On October 16, Treasury published …" under "October 2023".)
  const dated = [shown.quoted, ...(shown.headings ?? [])].join('\n');
  // (A question asking since when, in any language: "since 2017", 自2017年以来 read as "since".)
  const since = q.terms.includes(SINCE) || q.concepts.some((c) => conceptTerms(c).includes(SINCE));
  if (yearOutOfScope(q.years, shown.report, dated, since) || q.aboutAskersDay) return false;
  // "The year before" is a year before the report's own: the quote must name one ("up from 47 in FY 2022-23").
  if (q.yearBefore && !yearsIn(shown.quoted).some((y) => Number(y) < ownYear(shown.report))) return false;
  if (q.lastYear && !coversLastYear(shown)) return false;
  // "How low did in-stock rates get in May 2022?": a quote of June's rates answers of another month.
  if (q.monthsNamed && !saysMonthAsked(q.monthsNamed, shown.quoted)) return false;
  // "What is CDS's budget for next year?": a figure of the year after the report's is one it gives as to come, not this
  // year's "$25.8 million annual budget".
  if (q.wantsFigure && q.yearSaid === 1 && !speaksOfYearAhead(shown)) return false;
  // "Who is the administrator?" is not answered by the Deputy Administrator (in a signature line either).
  if (q.office && namesOnlyAnotherRank(shown.quoted, q.office)) return false;
  // …nor is "a chief accessibility officer" any chief officer: "21 Chief Financial Officers (CFO) Act agencies".
  if (q.chiefs && namesOtherChiefsOnly(shown.quoted, q.chiefs)) return false;
  // "When did they put this report out?": "Published: 2024-01-17" is that date, whatever words stand by it.
  if (shown.field) return true;
  // (A naming says the name, whatever its words: "a project called Notifications-as-a-Service", “10x Classic”.)
  // (A "who" question not asking for an office's holder is answered by a class of persons too: "with lawyers in mind";
  // but not by the persons it asks about: "who is the county's party secretary?" — "the county party secretary".)
  const someone = shown.names.length || (q.personsAnswer && shown.persons.some((p) => !q.terms.includes(p)));
  if (q.wantsName && !someone && !(q.asksNaming && NAMING_STATED.test(shown.quoted))) return false;
  // "What's their mailing address?" is answered by an address, not by a passage that "addresses" a problem.
  if (q.documentFields.includes('address') && !statesAddress(shown.quoted)) return false;
  // "Who designed the GC Forms logo?": a passage naming someone but not the doing asked ("design" or a reading of it)
  // names someone else's part.
  if (q.wantsName && !q.asksIdentity && !saysTheDoing(q, shown)) return false;
  // "Did the Access Board audit any websites?": a name alone ("Access Board (USAB)", an item of a list of agencies)
  // states nothing done; it answers only a question asking for a name.
  if (!q.wantsName && isNameAlone(shown.quoted)) return false;
  // "Which states could use Direct File?" is answered by a quote naming a state, not by another name; "where is the CDS
  // office?", by a place or an address.
  if (q.wantsPlace && shown.places && !shown.places.length && !statesAddress(shown.quoted)) return false;
  // "What's the average age of the staff?" is not answered by their number: the passage must name what is asked.
  // ("What are the O&M costs?": a sum of money is a cost, a price, a spending, whatever word it stands by.)
  const named = (t: string): boolean =>
    shown.context.has(t) || shown.quotedTerms.includes(t) || (MONEY_FRAME.has(t) && hasFigure(shown.quoted, 'amount'));
  if (shown.head?.length && !shown.head.some(named)) return false;
  // "What percentage of users were over 65?": a number the question names says which; the passage must name it too.
  if (!q.numbers.every((n) => namesNumber(shown, n))) return false;
  // "Which university has the best engineering school?": a passage naming no extreme does not say which.
  if (q.superlative && !hasSuperlative(shown.quoted)) return false;
  // "Why did the number of components go down from last year?": a passage stating no change does not say why it changed.
  if (q.changeVerb && !statesChange(shown.quoted)) return false;
  if (!shown.named.every((t) => shown.context.has(t))) return false;
  // "What does service canada use notify for?" is not answered by what Health Canada uses it for.
  if (shown.unmentioned?.().length) return false;
  // "What is the CEO's salary?": "Salary $17,170,932" under the financial summary is nobody's in particular. Whose it is
  // asked must be in the passage (or be its report's subject, or a word most passages share).
  if (q.owner && !namesOwner(q, q.owner, shown)) return false;
  // "What does OMB stand for?": a passage that only uses OMB does not say.
  if (q.defines && !spellsOut(shown.quoted, q.defines)) return false;
  // "How many tax returns were rejected?": "140,803 tax returns accepted" gives the other figure (a yes/no question
  // may be answered by the opposite: "did it increase?" — "it decreased").
  if (shown.opposes && !q.negated && (q.wantsFigure || q.wantsDate || q.wantsName)) return false;
  return (!q.wantsFigure && !q.wantsDate) || givesFigureOrDate(q, shown, t);
}

/**
 * For "who did X": whether the passage (or its headings) says the doing — the question's first word after "who", in
 * some reading ("chairs" → chaired, "heading up" → led). True for a question with no such word.
 */
function saysTheDoing(q: QuestionAnalysis, shown: Shown): boolean {
  if (!q.doing) return true;
  // "Who said …?": a quotation with its attribution line under it is what the one named said.
  if (SAYING.has(q.doing) && isAttribution(shown.quoted.split('\n').at(-1) ?? '')) return true;
  const said = (t: string): boolean => shown.context.has(t) || shown.quotedTerms.includes(t);
  // …or names the one who does it: "who directs web strategy?" — "Director, Web Strategy".
  return inSomeReading(q, q.doing, said) || (q.doers ?? []).some(said);
}

/** Whether a quote names one of the months asked, or none at all (it may then be of the whole period). */
function saysMonthAsked(asked: number[], quoted: string): boolean {
  const said = monthsIn(quoted);
  return !said.length || said.some((m) => asked.includes(m));
}

/** Verbs of saying, as index terms: what an attributed quotation does. */
const SAYING = new Set(tokenize('said says say stated states wrote writes quoted'));

/** Whether a passage names the owner a question asks about (a reading of it: "CEO" or "chief executive officer"). */
function namesOwner(q: QuestionAnalysis, owner: string, shown: Shown): boolean {
  return inSomeReading(q, owner, (t) => !shown.telling(t) || shown.context.has(t) || shown.quotedTerms.includes(t));
}

/** Whether a question's term is `present`, or every word of one of its readings is. */
function inSomeReading(q: QuestionAnalysis, term: string, present: (t: string) => boolean): boolean {
  const senses = conceptsWith(q.concepts, [term]).flatMap((c) => c.senses);
  return present(term) || senses.some((sense) => sense.every((forms) => forms.some(present)));
}

/**
 * For a figure or date question: the figure is of the kind asked for and stands by a word saying what was counted, the
 * date by a word of the event.
 */
function givesFigureOrDate(q: QuestionAnalysis, shown: Shown, t: Thresholds): boolean {
  const counted = countedIn(q, shown);
  // Neither a year nor "next year" says what a figure counts ("$150 … each year" for "how many states … next year?").
  // Nor does a light verb ("how many hackers took part": "take on three initiatives" counts no hackers).
  const allAsked = q.concepts
    .flatMap(conceptTerms)
    .filter((t) => !isYear(t) && !(q.timeTerms?.includes(t) && !counted.includes(t)));
  // (But a length of time is what an event took: "takes an average of 12 minutes" for "how long does it take?".)
  const meant = q.duration ? allAsked : allAsked.filter((t) => !LIGHT_VERBS.has(t));
  const asked = meant.length ? meant : allAsked;
  const telling = asked.filter(shown.telling);
  if (q.figureKind === 'count' && !countsWhatIsAsked(q, shown, counted, asked)) return false;
  if (countsOnlyAnExample(q, shown.quoted)) return false;
  // What a count counts stands by its figure however common it is in the report ("212 agencies" for "how many
  // agencies …", where "agencies" is in most passages and says nothing else).
  const near = new Set([
    ...(telling.length ? telling : asked),
    ...(q.figureKind === 'count' ? counted : []),
    // …as do the kind of sum asked ("how much could they save?": "save £1.7bn") and what it is for ("spend on travel":
    // "travel spend is over $8.7 billion"), in a report on savings or on travel too.
    ...(q.figureKind === 'amount' ? [...asked.filter((t) => MONEY_RECEIVED_KINDS.has(t)), ...(q.spentOn ?? [])] : []),
    ...(shown.head ?? []), // what a "what is the X" figure measures, however common ("conformance … at 1.96")
    // "When was USDS started?": its founding is the event asked ("was founded in 2014"), in whatever verb.
    ...(q.asksOrigin ? ORIGIN_TERMS : []),
  ]);
  // "When will it be shut down?" asks for a date to come: one before the report's own year is another event's.
  if (q.asksDateAhead && onlyEarlierYears(shown.quoted, shown.report)) return false;
  // "How long has CDS been around?" is answered by when it came to be ("Formed in 2017") as by how long it has been.
  if (q.asksOrigin && q.duration && !statesDuration(shown.quotedTerms))
    return dateAttached(shown.quotedTerms, new Set(ORIGIN_TERMS), t.dateWindow);
  if (q.wantsDate && !q.wantsFigure)
    return (
      dateAttached(shown.quotedTerms, near, t.dateWindow) ||
      relativeYearAttached(shown.quoted, near, t.dateWindow) ||
      frontedDateOf(shown.sentence, near)
    );
  // A place in an order ("ranked fourth among the world's shipping centres") is the rank asked for.
  if (q.figureKind === 'rank') return hasFigure(shown.quoted, 'rank');
  // "How much did the error rate drop?": a change said as a factor ("a 4x reduction in the error rate", "a fourfold
  // drop") or with its amount after "by" ("would fall from 2010 levels by around 23%") says how much, whatever the kind
  // of figure asked.
  if (q.asksChange && changeStated(shown.quoted, near, t.figureWindow)) return true;
  if (!measuresAsAsked(q, shown)) return false;
  // "How fast did the private sector build an app?": "within a week of going live" is a length of time without a number.
  if (q.duration && phraseAttached(LENGTH_IN_WORDS, shown.quoted, near, t.figureWindow)) return true;
  // "How often do digital leaders meet?": "meet on a monthly basis" is the frequency, without a number.
  if (q.often && phraseAttached(FREQUENCY_IN_WORDS, shown.quoted, near, t.figureWindow)) return true;
  const figures = figuresOfKind(shown.quoted, q.figureKind);
  if (q.figureKind === 'amount') return givesAmount(q, figures, near, t.figureWindow);
  // A count of the very noun counted is the count asked, however far the words it shares with the question stand
  // ("12,000 Canada.ca web pages using the page-feedback tool" for "how many pages use the page feedback tool").
  if (q.figureKind === 'count' && q.countedHead && countedByFigures(shown.quoted).includes(q.countedHead)) return true;
  // "How many partners say CDS sped up their projects?": the report's answer may be a share of what is counted ("67%
  // Percentage of partners who … report an acceleration"), the part of them that did.
  if (q.figureKind === 'count' && q.countedHead && sharesOf(shown.quoted).includes(q.countedHead)) return true;
  // "How long is the wait?": "6.1 years" is the length asked, not a count of years.
  return hasFigure(figures, q.figureKind) && figureAttached(figures, near, t.figureWindow, unitsAsked(q));
}

/** The units a question's figure may be counted in: a length of time's, a share's ("11 to 12 percent of all claims"). */
function unitsAsked(q: QuestionAnalysis): Set<string> | undefined {
  if (q.duration) return TIME_UNITS;
  return q.figureKind === 'share' ? SHARE_UNITS : undefined;
}

/**
 * For a count question: whether the passage's counts can be of what is counted, as it is asked (not of those who did
 * something else, of what is there for what is not, of those added for all there are, of another noun or agent).
 */
function countsWhatIsAsked(q: QuestionAnalysis, shown: Shown, counted: string[], asked: string[]): boolean {
  const named = (t: string): boolean => shown.context.has(t) || shown.quotedTerms.includes(t);
  // "How many students …": a passage that names nothing of what is counted (nor a word of its family, a synonym)
  // gives no count of it, whatever figures stand by the question's other words ("three batches of sites for the
  // University Town").
  if (counted.length && !counted.some(named)) return false;
  // "How many people applied for jobs?": "269 employees" are people, but not ones who applied; "how many staff are
  // veterans?": "32% of our staff identify as minorities" counts other staff (question.ts doingWordOf).
  if (!saysTheDoing(q, shown)) return false;
  // "How many components are not accessible?": a count of what is there is no count of what is not.
  if (q.negated && !isNegated(shown.quoted)) return false;
  // "How many services are on Sign In Canada?": "Onboarded 5 new services" counts those added, not all there are (but
  // "how many websites moved to GOV.UK?" asks for those added: "moved 6 more ministerial department websites").
  const asksAdded = q.countsEvents || q.concepts.some((c) => conceptTerms(c).some((t) => ADDED.has(t)));
  if (!asksAdded && countsOnlyAdditions(shown.quoted)) return false;
  if (countsOtherWords(shown.quoted, counted, asked)) return false;
  // "How many … officers": a count beside the "office" counts something else (the stems are one).
  return !q.countedAgent || new RegExp(`\\b${q.countedAgent}s?\\b`, 'i').test(shown.quoted);
}

/**
 * "How much …" asks for a sum of money: that sum stands by the words asked, not another figure of the sentence.
 * ("Spend", "cost", "paid" say the figure is money; what it was for is what the sum must stand by.)
 */
function givesAmount(q: QuestionAnalysis, figures: string, near: Set<string>, window: number): boolean {
  // "How much did Direct File cost?": "$90 million in federal tax refunds" is money received, not what it cost (unless
  // such money is what is asked: "how much could be saved in this spending review?" — "£1.2 billion of savings").
  const received = q.terms.some((t) => MONEY_RECEIVED_KINDS.has(t));
  if (!received && q.terms.some((t) => MONEY_FRAME.has(t)) && onlySumsReceived(figures)) return false;
  const what = [...near].filter((t) => !MONEY_FRAME.has(t));
  return amountAttached(figures, what.length ? new Set(what) : near, window);
}

/**
 * What a count question counts, as terms: the readings of its counted words; for people, also whoever the quote names
 * as persons ("1,670 subscribers", "55 lawyers") and the doing asked that a figure counts ("how many people download
 * the app?": "2.14 million lifetime app downloads", one a person).
 */
function countedIn(q: QuestionAnalysis, shown: Shown): string[] {
  const counted = countedTerms(q);
  if (!countsPeople(q)) return counted;
  const doings = countedByFigures(shown.quoted).filter((h): h is string => h !== undefined && q.terms.includes(h));
  return [...counted, ...shown.persons, ...doings];
}

/**
 * "How many schools …": "15,000 testing sites, including … schools" counts the sites. True when the head of what a
 * count question counts is named in the quote only in an example without a figure of its own ("1,798 entities,
 * including 837 enterprises" counts enterprises too).
 */
function countsOnlyAnExample(q: QuestionAnalysis, quoted: string): boolean {
  const head = q.countedHead;
  if (q.figureKind !== 'count' || !head) return false;
  return tokenize(quoted).includes(head) && !tokenize(quoted.replace(EXAMPLES, ' ')).includes(head);
}

/**
 * "How many web pages do agencies have?": "24 agencies" counts the agencies. True when every figure of the quote counts a
 * word the question names other than what it counts — not when what it counts is named by its kind ("how many agencies
 * did 10x collaborate with?": "60 agency and sub-agency collaborators" are agencies).
 */
function countsOtherWords(quoted: string, counted: string[], asked: string[]): boolean {
  const others = new Set(asked.filter((t) => !counted.includes(t)));
  if (!counted.length || !others.size) return false;
  const heads = countedByFigures(quoted);
  const kinds = countModifiers(quoted);
  return (
    heads.length > 0 &&
    heads.every((h, i) => h !== undefined && others.has(h) && !kinds[i]?.some((t) => counted.includes(t)))
  );
}

/** Words that make a count one of additions ("5 new services", "an additional 20 staff", "12 more states"). */
const ADDITION_WORDS = ['new', 'additional', 'more', 'added', 'extra'];
/** The same as a question's index terms ("more" is a stop word: never one). */
const ADDED = new Set(tokenize(ADDITION_WORDS.join(' ')));

/** True when every count of a text counts additions: the word after its figure is "new", "additional", "more"… */
function countsOnlyAdditions(quoted: string): boolean {
  const counts = [
    ...figuresOfKind(quoted, 'count').matchAll(
      /\b(\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten)\s+["“'‘]?(\p{L}+)/giu,
    ),
  ];
  return counts.length > 0 && counts.every((m) => ADDITION_WORDS.includes(m[2]!.toLowerCase()));
}

/** An exemplifying phrase without a figure of its own, to the end of its clause ("including schools and ships"). */
const EXAMPLES = /\b(?:such as|including|e\.g\.|for example|for instance)\b[^.;:\d]*(?=[.;:]|$)/gi;

/**
 * True when a text spells out an abbreviation: defines it ("… Budget (OMB)") or holds capitalised words, the small words
 * a name holds aside (NAME_JOINERS: "Office of Management and Budget"), whose initials are its letters ("the Northern
 * Metropolis" for NM). Pure.
 */
export function spellsOut(text: string, abbreviation: string): boolean {
  if (definedAcronyms(text).some((a) => a.short === abbreviation)) return true;
  const letters = abbreviation.replace(/[^A-Z]/g, '');
  const words = text.match(/[\p{L}&][\p{L}'’-]*/gu) ?? [];
  return words.some((_, start) => {
    let initials = '';
    for (const word of words.slice(start)) {
      // A small word is skipped, or gives the letter that comes next ("Digital Service at the Centers …" → DSAC).
      if (initials && NAME_JOINERS.has(word)) {
        if (letters.startsWith(initials + word.charAt(0).toUpperCase())) initials += word.charAt(0).toUpperCase();
        continue;
      }
      if (!/^\p{Lu}/u.test(word)) break;
      initials += word.charAt(0);
      if (initials === letters) return true;
      if (!letters.startsWith(initials)) break;
    }
    return false;
  });
}

/** Whether the quote's figure is measured as the question asks: in its unit, as a length of time, a rate, a share. */
function measuresAsAsked(q: QuestionAnalysis, shown: Shown): boolean {
  // "… in minutes?", "how many hectares …": a measure asked in a unit is a figure in that unit ("68% average completion
  // rate" gives no wait in minutes); "… in yuan?", a sum in that currency, by name or sign ("$19,574,746" is none).
  if (q.unit && !measuredIn(shown.quotedTerms, q.unit) && !signedIn(shown.quoted, q.unit)) return false;
  // "How long is the wait?" is a length of time: a figure in years, months, days … ("130,000 households" is none).
  if (q.duration && !statesDuration(shown.quotedTerms) && !saysLength(shown.quoted)) return false;
  // "How many use the app every day?": a rate of that period ("20 million site visitors annually" is not one).
  if (q.rate && !statesRateOf(shown.quoted, q.rate)) return false;
  // "What was the satisfaction score before the relaunch?": a level, not a change ("53% increase in satisfaction").
  if (!q.asksChange && onlyChanges(shown.quoted)) return false;
  // "What percentage of users were women?": a share, not any figure ("over 400 OAS rate tables").
  return q.figureKind !== 'share' || statesShare(shown.quoted);
}

/**
 * The verdict, in one step: the evidence decides high, low or refuse (`decide`); a high verdict
 * stays high only when the passage gives what the question asks for and the question names
 * nothing the reports never mention ("…in Youyu County?", "how many visa applications": at best a neighbouring fact).
 */
export function judge(
  e: Evidence,
  q: QuestionAnalysis,
  shown: Shown | undefined,
  unknownNames: string[],
  t: Thresholds = CONFIDENCE,
): Verdict {
  const verdict = decide(e, t);
  if (verdict !== 'high') return verdict;
  return shown && unknownNames.length === 0 && answersWhatIsAsked(q, shown, t) ? 'high' : 'low';
}

/**
 * True when the question names a year that neither the quoted report covers (the years in
 * its title, else its date) nor the quote itself mentions: "how many cases in 2022?"
 * answered from a 2023 report is at best a neighbouring fact.
 */
export function yearOutOfScope(
  questionYears: string[],
  report: { title: string; date?: string | undefined },
  quote: string,
  since = false,
): boolean {
  if (!questionYears.length) return false;
  const inTitle = yearsIn(report.title);
  const covered = inTitle.length ? inTitle : report.date ? [report.date.slice(0, 4)] : [];
  // (The quote's years as written there: "at the end of FY23" names 2023.) A year in a "since" clause opens the span a
  // figure covers ("137M notifications sent since the product launched in 2019"): no figure of that year, unless the
  // question too asks since when.
  const quoted = yearsIn(since ? quote : quote.replace(SINCE_CLAUSE, ' '));
  return questionYears.some((y) => !covered.includes(y) && !quoted.includes(y));
}

/** "since", as an index term. */
const SINCE = tokenize('since')[0]!;
/** A clause opened by "since", to its end. */
const SINCE_CLAUSE = /\bsince\b[^.;:,()■]*/gi;

/**
 * True when a quote names years and every one is before its report's own year (the latest of the years its title names
 * and its date's: a FY 2025 assessment dated March 2026 speaks of 2025 as past): "In May 2022, …" in a 2024 report
 * tells of the past.
 */
export function onlyEarlierYears(quote: string, report: { title: string; date?: string | undefined }): boolean {
  const own = ownYear(report);
  const years = yearsIn(quote).map(Number);
  return own > 0 && years.length > 0 && years.every((y) => y < own);
}

/** Whether the quote or its passage names the number (as a share too: "the 82.5% figure"). */
function namesNumber(shown: Shown, n: string): boolean {
  return [n, `${n}%`].some((t) => shown.context.has(t) || shown.quotedTerms.includes(t));
}

/** A report's own year: the latest of the years its title names and its date's; 0 when it gives none. */
function ownYear(report: { title: string; date?: string | undefined }): number {
  return reportYears(report).latest;
}

/**
 * "Last year" is the year before the report's own (Zuoyun's 2023 report, out in January 2024: 2023; Hong Kong's 2025
 * address: 2024): its title's years cover it, or the quote names it or says "last year". True for a report of no known
 * year.
 */
function coversLastYear(shown: Shown): boolean {
  const year = yearMeant(-1, reportYears(shown.report));
  if (!year) return true; // a report without a year or a date: nothing to read "last year" against
  return (
    yearsIn(shown.report.title).includes(year) ||
    yearsIn(shown.quoted).includes(year) ||
    /\blast year\b/i.test(shown.quoted)
  );
}

/**
 * Whether a quote speaks of the year after its report's own: it names a later year, or says what is to come ("will",
 * "plans", "target", "next year", "expected"). True for a report of no known year.
 */
function speaksOfYearAhead(shown: Shown): boolean {
  const year = yearMeant(1, reportYears(shown.report));
  if (!year) return true;
  return yearsIn(shown.quoted).some((y) => Number(y) >= Number(year)) || TO_COME.test(shown.quoted);
}

/** Words that put what a sentence says ahead of its report's year. */
const TO_COME =
  /\b(?:will|shall|plans?|planned|planning|target(?:s|ed)?|expect(?:s|ed)?|projected|forecast|next year|coming year|year ahead|to come|going forward|from now on)\b|明年|将|计划|预计/i;

/** The terms of what a "how many" question counts, with their readings (its family, synonyms). */
function countedTerms(q: QuestionAnalysis): string[] {
  return conceptsWith(q.concepts, q.counted).flatMap(conceptTerms);
}

/** "How many people …": whoever a quote names as persons is what is counted (Shown.persons). */
export function countsPeople(q: QuestionAnalysis): boolean {
  return countedTerms(q).some((t) => PEOPLE_TERMS.has(t));
}

/**
 * For a "how many / how much" question: true when some number in the sentence stands within
 * `window` content words (Thresholds.figureWindow) of a word the question asked about, so the figure is about the
 * thing asked and not a neighbouring fact. Years do not count as figures — as the sentence writes them: "1,946
 * tickets" is a count, though its index term is the digits alone.
 * @param sentence the sentence (or the part of it that holds figures of the kind asked)
 * @param asked every term that matches a question concept (its words and their synonyms)
 */
export function figureAttached(
  sentence: string,
  asked: Set<string>,
  window = CONFIDENCE.figureWindow,
  units: Set<string> = new Set(),
): boolean {
  // (A rate's period is no unit a sum of money counts: "saving VA $256,872 per year" is money, not years.)
  const sentenceTerms = undated(sentence, tokenize(sentence.replace(RATE_PERIOD, ' ')));
  const isFigure = (t: string): boolean => NUMBER_TERMS.has(t) || /^\d/.test(t);
  // A line that opens with its one figure, a measure, is that measure's label, however long ("8 weeks from start of
  // project to first Simple Report test result delivered"): a report's "by the numbers" item. (A count that opens a
  // line counts its noun: "11 agencies fully resolved all of the complaints" counts no complaints.)
  const label =
    isFigure(sentenceTerms[0] ?? '') &&
    UNIT_TERMS.has(sentenceTerms[1] ?? '') &&
    sentenceTerms.filter(isFigure).length === 1;
  return sentenceTerms.some((t, i) => {
    if (!isFigure(t)) return false;
    // A number followed by a unit counts that unit ("6.1 years for a flat" is a time, not a number of flats), also
    // with a word between ("a reduction of one full year").
    const [next, after] = [sentenceTerms[i + 1], sentenceTerms[i + 2]];
    // (Not a share: "risen by over 20% year-to-date" is no number of years.)
    const unit = t.endsWith('%') ? undefined : [next, after].find((w) => w !== undefined && UNIT_TERMS.has(w));
    // A unit asked for is counted ("多少吨" glossed "ton": "2 000 tonnes").
    if (unit && !units.has(unit) && ![...asked].some((a) => a === unit || (a.length >= 3 && unit.startsWith(a))))
      return false;
    const near = label ? sentenceTerms : sentenceTerms.slice(Math.max(0, i - window), i + window + 1);
    return near.some((n) => asked.has(n));
  });
}

/** The period of a rate after a sum of money: "$256,872 per year", "£5m a month", "$20 each week". */
const RATE_PERIOD =
  /(?<=[$£€¥]\s?\d[\d,.]*(?:\s?(?:thousand|million|billion|[kmb]n?))?)\s+(?:per|a|an|each|every)\s+(?:year|month|week|day|hour)\b/gi;

/**
 * A change or a comparison said as a factor: "4x", "a fourfold drop", "10-fold", "doubled", "halved"; a fraction or a
 * multiple compared ("for less than half of the recruiting costs of the private sector", "almost 20 times lower than").
 */
const FACTOR =
  /\b(?:\d+(?:\.\d+)?x|(?:two|three|four|five|six|seven|eight|nine|ten|\d+)-?fold|doubled|tripled|quadrupled|halved|(?:less|more|fewer) than (?:half|a third|one-third|a quarter|two-thirds|three-quarters|twice|double)|(?:two|three|four|five|six|seven|eight|nine|ten|\d+(?:\.\d+)?) times (?:lower|higher|less|more|fewer|cheaper|faster|slower|greater|smaller|larger|bigger))\b/gi;

/**
 * A change with its amount after "by", from its verb to its figure: "fall from 2010 levels by around 23%", "increased
 * Veterans' trust in the VA by 9%", "cut by £2 million".
 */
const CHANGE_BY = new RegExp(
  String.raw`\b(?:${CHANGE_VERBS}|reduc|cut\b|grow|expand)[^.;]{0,60}?\bby\s+(?:(?:around|about|almost|nearly|some|over|more than|roughly|approximately|up to|an estimated)\s+)?[$£€¥]?\d[\d.,]*(?:\s*(?:%|percent|per cent|percentage points?|thousand|million|billion))?`,
  'gi',
);

/**
 * True when a change's size is said by a word asked: as a factor (FACTOR) or as an amount after "by" (CHANGE_BY), within
 * `window` content words of it.
 */
function changeStated(sentence: string, asked: Set<string>, window: number): boolean {
  return phraseAttached(FACTOR, sentence, asked, window) || phraseAttached(CHANGE_BY, sentence, asked, window);
}

/**
 * True when a match of `pattern` (global: a factor of change, a length of time or a frequency said in words) stands
 * within `window` content words of a word asked.
 */
function phraseAttached(pattern: RegExp, sentence: string, asked: Set<string>, window: number): boolean {
  return [...sentence.matchAll(pattern)].some((m) => {
    const before = tokenize(sentence.slice(0, m.index)).slice(-window);
    const after = tokenize(sentence.slice(m.index + m[0].length)).slice(0, window);
    return [...before, ...after].some((t) => asked.has(t));
  });
}

/**
 * For a "how much" question: true when a sum of money in the sentence ("$285 million", "950 yuan") stands within
 * `window` content words of a word the question asked about — "expected to save taxpayers an estimated $285 million"
 * for "how much will it save", not "$285 million in savings over five years" for "what's the annual budget", where
 * only "five" stands by "year".
 */
export function amountAttached(sentence: string, asked: Set<string>, window = CONFIDENCE.figureWindow): boolean {
  const tokens = undated(sentence, tokenizeWithOffsets(sentence));
  return sumsOfMoney(sentence).some((sum) => {
    const first = tokens.findIndex((t) => t.end > sum.start);
    if (first < 0) return false;
    let last = first;
    while (last + 1 < tokens.length && tokens[last + 1]!.start < sum.end) last++;
    return tokens.slice(Math.max(0, first - window), last + window + 1).some((t) => asked.has(t.term));
  });
}

/** Month names as index terms. */
const MONTH_TERMS = new Set(MONTH_NAMES.split('|').map((w) => processTerm(w) ?? w));
/** The words of a date besides its year: months, and the "FY" of a fiscal year. */
const DATE_WORDS = [...MONTH_TERMS, 'fy'];

/**
 * A sentence's terms (or tokens) without its dates: a date stands outside the reach a figure's words are counted in
 * ("the operating budget for FY2023-2024 was $19,574,746" is the budget's figure as "the budget was" is).
 */
function undated<T extends string | { term: string }>(sentence: string, terms: T[]): T[] {
  const dates = new Set([...yearsIn(sentence), ...DATE_WORDS]);
  return terms.filter((t) => !dates.has(typeof t === 'string' ? t : t.term));
}

/**
 * For a "when / what year" question: true when some date in the sentence (a year or a month)
 * stands within `window` content words (Thresholds.dateWindow) of a word the question asked about, so the date is
 * the event's ("the forum will be held in May 2026"), not another's ("using January 2026 data").
 */
export function dateAttached(sentenceTerms: string[], asked: Set<string>, window = CONFIDENCE.dateWindow): boolean {
  return sentenceTerms.some((t, i) => {
    if (!(MONTH_TERMS.has(t) || isYear(t))) return false;
    const near = sentenceTerms.slice(Math.max(0, i - window), i + window + 1);
    return near.some((n) => asked.has(n));
  });
}

/**
 * A date that opens its sentence, before the clause it frames ("In July 2023, following the announcement of a new
 * Minister, CDS moved …"), is the date of what the whole sentence says: true when a word asked stands anywhere in it.
 */
export function frontedDateOf(sentence: string, asked: Set<string>): boolean {
  return FRONTED_DATE.test(sentence) && tokenize(sentence).some((t) => asked.has(t));
}

/** A sentence opening with a time adverbial ending in a year or a month, then a comma. */
const FRONTED_DATE = new RegExp(
  String.raw`^\s*(?:in|on|by|since|as of|during|starting in|beginning in)\s+(?:(?:early|late|mid)[\s-]+)?` +
    String.raw`(?:(?:${MONTH_NAMES})` +
    String.raw`(?:\s+\d{1,2})?(?:,?\s*(?:19|20)\d{2})?|(?:19|20)\d{2})\s*,`,
  'i',
);

/**
 * The same for a year said from the report's own ("I will establish an office in Kuala Lumpur this year", "next
 * year"): a date in a report, as a year in figures is ("each year" is none).
 */
export function relativeYearAttached(text: string, asked: Set<string>, window = CONFIDENCE.dateWindow): boolean {
  const tokens = tokenizeWithOffsets(text);
  return tokens.some(({ term, start }, i) => {
    if (term !== 'year' || !/\b(?:this|next|last)\s+$/i.test(text.slice(0, start))) return false;
    return tokens.slice(Math.max(0, i - window), i + window + 1).some((n) => asked.has(n.term));
  });
}

/**
 * A message asking two things ("How many libraries opened, and how many books were lent?"): each part was also
 * answered on its own. A part's best quote joins the whole message's answer unless it is there already (overlapping
 * text of the same report), confident parts first, up to `limit`; when every part has a confident quote the answer is
 * confident. When the message as a whole relates to nothing but one part does ("Did air quality improve? Is the
 * figure up or down?"), that part is answered.
 */
export function mergePartAnswers(whole: Answer, parts: Answer[], limit: number): Answer {
  const answered = parts.filter((a) => !a.abstained);
  if (!answered.length) return whole;
  const usable = whole.abstained ? answered : answered.filter((a) => a.confidence === 'high');
  const partBest = usable
    .sort((a, b) => Number(b.confidence === 'high') - Number(a.confidence === 'high'))
    .flatMap((a) => a.answers.slice(0, 1));
  const overlaps = (a: AnswerItem, b: AnswerItem): boolean =>
    a.citation.reportId === b.citation.reportId && a.quote.start < b.quote.end && b.quote.start < a.quote.end;
  const merged = whole.answers.slice(0, 1);
  for (const item of [...partBest, ...whole.answers.slice(1)])
    if (merged.length < limit && !merged.some((m) => overlaps(m, item))) merged.push(item);
  const confidence = whole.confidence === 'high' || parts.every((a) => a.confidence === 'high') ? 'high' : 'low';
  return { ...whole, abstained: false, confidence, answers: merged, nearestSections: [] };
}
