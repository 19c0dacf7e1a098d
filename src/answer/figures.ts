/**
 * What a text of a report states, read by its words: figures of a kind (counts, shares, sums of money, places in an
 * order, lengths of time), dates and the years it says ("this year"), changes, negation, superlatives and names alone.
 * The question's side (question.ts) asks for them; the judge (confidence.ts) and the ranking (rerank.ts) check a
 * passage for them. Pure.
 */
import { chineseMonths } from '../search/chinese-numbers.js';
import { processTerm, tokenize, tokenizeWithOffsets } from '../search/tokenize.js';

export type FigureKind = 'count' | 'share' | 'amount' | 'rank';
/** A place in an order: "fourth", "14th", "top three". */
const PLACE_IN_ORDER =
  /\b(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|top (?:\d+|two|three|five|ten))\b/i;

/** A four-digit year (1900–2099), as a word or an index term. */
export function isYear(term: string): boolean {
  return /^(?:19|20)\d{2}$/.test(term);
}

/**
 * The years (1900–2099) named in a text, as the tokenizer reads them: a fiscal year written short is its year ("FY23",
 * "FY2023-2024"), and so is a range's second year ("2022-23": 2022 and 2023). A count written with a thousands
 * separator is none ("1,946 tickets").
 */
export function yearsIn(text: string): string[] {
  // (Most texts write a year only as four digits standing alone: those are read without tokenizing, which the ranking's
  // cost at scale felt; the same reading, as a test checks.)
  if (text.search(SHORT_YEAR) < 0) return text.match(STANDING_YEAR) ?? [];
  return yearsByTokens(text);
}

/** The years the tokenizer reads in a text (a count with a thousands separator aside). */
export function yearsByTokens(text: string): string[] {
  return tokenizeWithOffsets(text)
    .filter((t) => isYear(t.term) && !text.slice(t.start, t.end).includes(','))
    .map((t) => t.term);
}

/**
 * A year the tokenizer reads where no word boundary sets it apart: a fiscal year's ("FY23", "FY2023") or a range's second
 * ("2023-24"); what matches is the digits that are no number of their own.
 */
export const SHORT_YEAR = /\bFY(?:\d{2}|\d{4})\b|(?<=\b(?:19|20)\d{2}[-–/])\d{2}\b/gi;
/**
 * Four digits from 1900 to 2099 that are a number of their own, as the tokenizer reads one: not part of a word
 * ("A2023"), of a longer number ("2023.5", "1,946") or of a share ("2023%"); Han characters may stand by it ("县2023年").
 */
const STANDING_YEAR = /(?<![\d.,]|(?!\p{Script=Han})\p{L})(?:19|20)\d{2}(?![\d%]|[.,]\d|(?!\p{Script=Han})\p{L})/gu;

/**
 * A month named as one: its name (or abbreviation) with a day or a year beside it, or after a preposition of time ("in
 * May 2022", "by 30 Nov", "since March", "June 2023"); "may" alone is the verb.
 */
const MONTH =
  /\b(?:(?:in|by|since|until|till|during|of|from|to|early|late|mid|as of|end of|before|after)\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+)?)?(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\b(?:\s+\d{1,2}(?:st|nd|rd|th)?\b,?)?(?:\s*(?:19|20)\d{2}\b)?/gi;

/** The months (1–12) a text names as months: "In May 2022" → [5]; "may I ask" → []. */
export function monthsIn(text: string): number[] {
  const months = new Set<number>();
  for (const m of text.matchAll(MONTH)) {
    const whole = m[0];
    const named = m[1]!;
    // A month's name alone, with no time word before nor year after, is a month only when it is no other word.
    const framed = whole.length > named.length + (whole.endsWith('.') ? 1 : 0) || /^[A-Z]/.test(named);
    if (!framed || (named.toLowerCase() === 'may' && whole.toLowerCase() === 'may')) continue;
    if (/^(?:mar|jan|dec)$/i.test(named) && !/\d/.test(whole)) continue; // ("mar" the verb, "Jan" a name)
    months.add(MONTH_STARTS.indexOf(named.slice(0, 3).toLowerCase()) + 1);
  }
  for (const month of chineseMonths(text)) months.add(month.number);
  return [...months];
}

/** A year said from the speaker's own ("this year's", "last year", 去年), and how far it is from that one. */
const RELATIVE_YEAR = /\b(this|last|next) year\b|([今去明])年/gi;
const YEAR_OFFSET: Record<string, number> = { this: 0, 今: 0, last: -1, 去: -1, next: 1, 明: 1 };

/** The offsets of the years a text says relative to its speaker's ("last year" → −1), each once. */
export function relativeYearsIn(text: string): number[] {
  return [...new Set([...text.matchAll(RELATIVE_YEAR)].map((m) => YEAR_OFFSET[(m[1] ?? m[2]!).toLowerCase()]!))];
}

/** The years a text of a report states: in figures, and said from the report's own year `own` ("this year"). */
export function yearsStated(text: string, own: number): string[] {
  return [...yearsIn(text), ...(own ? relativeYearsIn(text).map((offset) => String(own + offset)) : [])];
}

export interface ReportYears {
  period: number;
  latest: number;
}

/**
 * A report's years: `period`, the year it reports on (its title's latest, or its subtitle's when the title names none,
 * else its date's: a "FY 2025" assessment out in March 2026 calls 2025 "this year"), and `latest`, the latest of that
 * and its date's (Zuoyun's 2023 report, out in January 2024: 2024; a reader then calls 2023 "last year"). 0 when it
 * gives none.
 */
export function reportYears(report: {
  title: string;
  subtitle?: string | undefined;
  date?: string | undefined;
}): ReportYears {
  // (A title naming no year: its subtitle's, "Annual Report (Fiscal Year 2023-2024)" under "Aligning our efforts …".)
  const titled =
    Math.max(0, ...yearsIn(report.title).map(Number)) || Math.max(0, ...yearsIn(report.subtitle ?? '').map(Number));
  const dated = report.date ? Number(report.date.slice(0, 4)) || 0 : 0;
  return { period: titled || dated, latest: Math.max(titled, dated) };
}

/**
 * The year a question says relative to its reader ("this year", "last year", "next year") means for one report: this
 * year is the year it reports on, last year the one before its latest year (as read when it came out), next year the one
 * after its period. Undefined for a report without a year.
 */
export function yearMeant(offset: number, { period, latest }: ReportYears): string | undefined {
  if (!period) return undefined;
  return String(offset < 0 ? latest + offset : period + offset);
}

const NUMBER_WORDS =
  /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|hundred|thousand|million|once|twice|all|every|(?:dozens|hundreds|thousands|millions|billions) of)\b/i;
/** The months' names, as an alternation for patterns. */
export const MONTH_NAMES = 'January|February|March|April|May|June|July|August|September|October|November|December';
const MONTHS = new RegExp(`\\b(${MONTH_NAMES})\\b`);
/** Each month's first three letters, in order ("jan" … "dec"): how its abbreviations begin. */
const MONTH_STARTS = MONTH_NAMES.split('|').map((m) => m.slice(0, 3).toLowerCase());

/**
 * A number with a fraction that names nothing counted after it: a score or a measure ("an average outcome of 4.02 (Very
 * High)", "1.96 on a 5-point scale"), no count. (Not "3.30 federal FTEs", "2.14 million downloads", "12.5 times".)
 */
const MEASURED = /(?<![\d.,])\d+\.\d+(?=\s*(?:[(),;:]|\.(?!\d)|$)|\s+(?:on|out|points?)\b)/g;

/** Numbers that label, not count: "(1)", an enumeration in brackets ("of the two (1. GC Forms 2. Microsoft)"). */
const ENUMERATION = /\(\s*\d{1,2}[.)]\s[^()]*\)|\(\d{1,2}\)/g;

/** Numbers that are not counts: ordinals ("20th"), years, month-day dates and fiscal years ("FY22"). */
export const NOT_A_COUNT = new RegExp(
  `\\b\\d+(st|nd|rd|th)\\b|\\b(19|20)\\d{2}\\b|\\b(${MONTH_NAMES}) \\d{1,2}\\b|\\bFY ?['’]?\\d{2,4}\\b`,
  'g',
);

/**
 * A share: "82.5%", "37 percent", "8.5 percentage points", "half", "two-thirds", "9 out of 10", "one in five" (not "1 in
 * 2024", a year).
 */
const SHARE =
  /\d[\d.,]*\s*(%|％|percent\b|per cent\b|percentage points?\b)|\b(half|two-thirds|one-third|a third|a quarter|three-quarters)\b|\bout of \d|\b(?:one|two|three|four|five|six|seven|eight|nine|\d{1,3}) in (?:every )?(?:two|three|four|five|six|seven|eight|nine|ten|twenty|a hundred|\d{1,3}(?:,\d{3})*)\b(?![\d.,]*\d)|百分之/gi;
/** A sum of money said in words: "hundreds of millions of dollars", "a million dollars", "several billion yuan". */
const SUM_IN_WORDS = String.raw`\b(?:(?:tens|hundreds)\s+of\s+)?(?:thousands|millions|billions|trillions)\s+of\s+(?:dollars|yuan|euros|pounds)\b|\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten|several|a few)\s+(?:hundred\s+)?(?:thousand|million|billion|trillion)\s+(?:dollars|yuan|euros|pounds)\b`;

/**
 * An amount of money: a currency sign or name next to a figure ("$1 billion", "950 yuan", "HK$30,000", "2 million
 * RMB"), or a sum said in words.
 */
const AMOUNT = new RegExp(
  String.raw`(\$|¥|€|£|\bRMB|\bUSD|\bHKD)\s*\d|\d(?:[\d.,]*\d)?\s*(thousand|million|billion|trillion|万|亿)?\s*((yuan|dollars?|usd|rmb|hkd|euros?|pounds?)\b|元)|${SUM_IN_WORDS}`,
  'i',
);

/**
 * A sum of money, whole: AMOUNT with the rest of its number ("$285 million", "HK$30,000", "950 yuan"). A currency's
 * name is a whole word ("In 2021, USDS …" states no sum in US dollars), after a number that ends in a digit.
 */
const SUM_OF_MONEY = new RegExp(
  String.raw`(?:\$|¥|€|£|\bRMB|\bUSD|\bHKD)\s*\d(?:[\d.,]*\d)?(?:\s*(?:thousand|million|billion|trillion|bn\b|[MBK]\b|万|亿))?|\d(?:[\d.,]*\d)?\s*(?:thousand|million|billion|trillion|万|亿)?\s*(?:(?:yuan|dollars?|usd|rmb|hkd|euros?|pounds?)\b|元)|${SUM_IN_WORDS}`,
  'gi',
);

/** Where the sums of money in a text stand (start and end offsets). */
export function sumsOfMoney(text: string): { start: number; end: number }[] {
  return [...text.matchAll(SUM_OF_MONEY)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/**
 * The words that ask for a sum of money ("spend", "cost", "paid", "funding"), as index terms: they say a figure is
 * money, not what the money was for ("how much did they spend on contractors" asks about contractors; "how much
 * funding does ERA2 have?" is answered by "ERA2 … provides $21.55 billion"). Not "budget": "what's the annual budget"
 * asks for the budget itself.
 */
export const MONEY_FRAME = new Set(
  tokenize('spend spends spent spending cost costs costing pay paid price invest invested allocated earmarked funding'),
);

/**
 * True when every sum of money in a text is one received, not spent: "$90 million in federal tax refunds", "$2 million
 * in savings", "$5 billion of revenue". No answer to what something cost.
 */
export function onlySumsReceived(text: string): boolean {
  const sums = sumsOfMoney(text);
  return sums.length > 0 && sums.every((sum) => MONEY_RECEIVED.test(text.slice(sum.end)));
}

/** The kinds of money received, as a text names them after a sum ("$2 million in savings"). */
const RECEIVED_KINDS = 'refunds? revenues? savings income earnings profits?';

/**
 * The same kinds as index terms (their stems: "save", "earn", "refund"…): a question asking one ("how much could they
 * save?") asks for that sum, however common its word is in a report about it.
 */
export const MONEY_RECEIVED_KINDS = new Set(tokenize(RECEIVED_KINDS.replace(/s\?/g, 's')));

/** What follows a sum of money received: "in / of", up to two words, and the money's kind. */
const MONEY_RECEIVED = new RegExp(
  String.raw`^\s*(?:in|of)\s+(?:[\p{L}-]+\s+){0,2}(?:${RECEIVED_KINDS.replace(/ /g, '|')})\b`,
  'iu',
);

/** Units of money: what an amount is counted in, never what it was spent on ("how much in yuan"). */
export const CURRENCY_TERMS = new Set(tokenize('yuan dollar dollars usd rmb hkd euro euros pound pounds money'));

/**
 * Numbers that name rather than count: a capitalised designator and its number ("Section 508", "Article 12",
 * "Figure 4"; "No. 3" stays: a document number is asked for as such). Counted nothing, so they answer no "how many".
 */
const DESIGNATED =
  /\b(?:Sections?|Articles?|Chapters?|Parts?|Title|Rules?|Paragraphs?|Figures?|Tables?|Appendix|Annex|Items?|Clauses?|Schedules?|Phases?|Tiers?|Levels?|Steps?|Versions?|Forms?|Pages?|Goals?|Objectives?|Recommendations?|Priority)\s+\d[\d.]*(?:\s*(?:and|or|to|-|–)\s*\d[\d.]*)?\b/g;

/**
 * A name made of a number and capitals, written as one word ("18F", "5G", "2FA", "3D"): it counts nothing. Not a
 * magnitude ("12M", "5K", "$2B": 12 million …).
 */
const NUMBER_NAME = /\b\d+(?!(?:K|M|B|T|BN|MM)\b)[A-Z]+\b/g;

/** A short phrase in quotation marks: a name the report mentions (the "three systems", the "7 × 24" hall). */
const QUOTED_NAME = /["“][^"“”]{1,60}["”]/g;
/** The text with each quoted name that holds a number blanked out: that number is mentioned, not a figure. */
const withoutQuotedNumbers = (text: string): string =>
  text.replace(QUOTED_NAME, (quoted) => (/\d/.test(quoted) || NUMBER_WORDS.test(quoted) ? ' ' : quoted));

/** The sentence with every figure not of the kind asked for blanked out (a share is no count, a section number no figure). */
export function figuresOfKind(sentence: string, kind: FigureKind | undefined): string {
  // "one of the world's major suppliers" states no figure, nor does a fiscal year's second year ("in 2024-25").
  const figures = withoutQuotedNumbers(sentence)
    .replace(/\b((?:19|20)\d{2})[-–/]\d{2}\b/g, '$1')
    .replace(/\bone of\b/gi, ' ')
    .replace(DESIGNATED, ' ')
    .replace(NUMBER_NAME, ' ');
  // A share counts nothing, nor does a rank ("the 20th National Congress"), nor a measure made a modifier ("a 6-digit
  // short code" counts no messages), nor a label ("(1. GC Forms 2. Microsoft)"), nor a sum of money ("£1.7 billion …
  // by shifting the transactional services" counts no services).
  return kind === 'count'
    ? figures
        .replace(SUM_OF_MONEY, ' ')
        .replace(ENUMERATION, ' ')
        .replace(SHARE, ' ')
        .replace(/\b\d+(?:st|nd|rd|th)\b/gi, ' ')
        .replace(/\b\d+(?:\.\d+)?-(?=[A-Za-z])/g, ' ')
        .replace(MEASURED, ' ')
    : figures;
}

/**
 * True when a sentence states a figure (a count, amount or share, in digits or words), of the kind asked for when
 * given.
 */
export function hasFigure(sentence: string, kind?: FigureKind): boolean {
  // A share question may be answered by counts ("27 of the 60 agencies"): any figure does.
  if (kind === 'amount') return AMOUNT.test(sentence);
  if (kind === 'rank') return PLACE_IN_ORDER.test(sentence);
  const rest = figuresOfKind(sentence, kind).replace(NOT_A_COUNT, ' ');
  return /\d/.test(rest) || NUMBER_WORDS.test(rest);
}

/** SHARE for a test (SHARE is global, for replacing). */
const STATES_SHARE = new RegExp(SHARE.source, 'i');

/** True when a text states a share: a percentage, a fraction in words, or a part of a whole ("27 of the 60 agencies"). */
export function statesShare(text: string): boolean {
  return STATES_SHARE.test(text) || /\b\d[\d,.]*\s+(?:of|out of)\s+(?:the\s+|all\s+)?\d/i.test(text);
}

/** True when a sentence states a date (a month name or a year). */
export function hasDate(sentence: string): boolean {
  return MONTHS.test(sentence) || yearsIn(sentence).length > 0;
}

/**
 * Negation: "no", "not", "never", "without", "n't", "none", "lack", and verbs that deny their complement ("failed to
 * respond", "unable to test"); "No." is a number.
 */
const NEGATION =
  /\bno\b(?!\.)|\b(not|never|without|none|nor|neither|lacks?|lacking|lacked|unable|fail(?:s|ed|ing)? to)\b|n['’]t\b|没有|未|不|无/i;

/** Words in -est that are no superlative ("interest", "request", "forest"). */
const NOT_SUPERLATIVE =
  /^(?:interest|test|request|rest|protest|invest|suggest|contest|forest|harvest|manifest|honest|guest|digest|arrest|quest|chest|west|nest|pest|vest|crest|modest|earnest|conquest|inquest|behest|attest|detest|midwest|southwest|northwest|est|priest|fest|zest|ingest|congest|divest|infest|unrest)$/i;
/**
 * A superlative degree: "best", "worst", "the most", "weakest", "highest", "top", "leading", a comparison with every
 * other ("more than any other", "ranked first", "a record high", "reached a new high", "peaked"), 最 (not 最后 "finally",
 * 最近 "lately"…).
 */
const SUPERLATIVE_WORD =
  /\b(?:best|worst|most|least|top|leading|\p{L}{2,}est|than (?:any|all) other|number one|ranked first|first place|(?:record|new|all[- ]time)[- ](?:high|low)|peak(?:ed)?)\b|最(?![后終终近新初])/giu;

/**
 * "Most" as "the majority of" ("most infants", "most of the agencies"), not "the most vulnerable"; "leading" as a verb
 * ("leading to panic-buying"), not "a leading provider".
 */
const NOT_AN_EXTREME = /\bmost\s+(?:of\b|(?!\p{L}*(?:ous|ss)\b)\p{L}+s\b)|\bleading\s+(?:to|up)\b/giu;

/**
 * True when a text holds a superlative ("the lowest among ICT categories", "the weakest area", "ranked seventh among
 * the world's top 10"). Capitalised words inside a sentence are names ("Best Meets exceptions"), and a range
 * ("lowest to highest") names no extreme, nor does "in the first place" ("why was it needed in the first place?") or
 * "most" as the majority ("as most infants depend on formula") or "leading" as a verb ("leading to panic-buying").
 */
export function hasSuperlative(text: string): boolean {
  const plain = text
    .replace(/\b(?:lowest|highest|smallest|largest) to (?:highest|lowest|largest|smallest)\b/gi, ' ')
    .replace(/\bin the first place\b/gi, ' ')
    .replace(NOT_AN_EXTREME, ' ');
  for (const m of plain.matchAll(SUPERLATIVE_WORD)) {
    const word = m[0];
    if (NOT_SUPERLATIVE.test(word)) continue;
    if (/^\p{Lu}/u.test(word) && m.index > 0 && !/[.!?]\s*$/.test(plain.slice(Math.max(0, m.index - 4), m.index)))
      continue;
    return true;
  }
  return false;
}

/** True when a question or sentence is negated: what it says is not done or not there. */
export function isNegated(text: string): boolean {
  return NEGATION.test(text);
}

/** A figure said as a change: "53% increase in …", "up 8.5 percentage points", "increased by 21%". */
const CHANGE_FIGURE = new RegExp(
  String.raw`[+-]?\d[\d,.]*\s*(?:%|percent(?:age points?)?|times)?\s+(?:increase|decrease|rise|drop|decline|growth|reduction|jump|fall|gain|improvement)\b` +
    String.raw`|\b(?:up|down|(?:increas|decreas|ris|fell|grew|dropp|declin|improv|reduc|rais)\w*(?:[^.;\d]{0,60}?\bby)?)\s+` +
    String.raw`(?:an average of\s+|about\s+|over\s+|nearly\s+|more than\s+)?[+-]?\d[\d,.]*\s*(?:%|percent(?:age points?)?)?`,
  'gi',
);

/**
 * True when every figure a text gives (years aside) is a change ("53% increase in customer satisfaction from the
 * relaunch of SSA.gov in December 2022 to September 2023"): it gives no level of anything.
 */
export function onlyChanges(text: string): boolean {
  const plain = text.replace(/\b(?:19|20)\d{2}\b/g, ' ');
  const figures = [...plain.matchAll(/\d[\d,.]*/g)].length;
  if (!figures) return false;
  const inChanges = [...plain.matchAll(CHANGE_FIGURE)].reduce((n, m) => n + (m[0].match(/\d[\d,.]*/g)?.length ?? 0), 0);
  return inChanges >= figures;
}

/** Verbs of a change of amount, as word beginnings for a pattern ("fell", "doubled", "declining"). */
export const CHANGE_VERBS = String.raw`increas|decreas|ris(?:e|es|en|ing)\b|rose\b|fell\b|fall(?:s|en|ing)?\b|grew\b|shr[iau]nk|dropp?|declin|climb|jump|plummet|soar|doubl|halv`;

const STATES_CHANGE = new RegExp(
  String.raw`\b(?:${CHANGE_VERBS}|grow|up from|down from|compared|more than|fewer|less than|higher|lower|from\s[^.;]{0,40}\sto\s|reduc|expand|improv|gain|loss|lost|added|cut)`,
  'i',
);

/**
 * True when a text states a change of something: a verb or noun of change ("fell", "growth", "doubled"), a comparison
 * ("fewer", "compared", "up from") or a span ("from 160 to 152").
 */
export function statesChange(text: string): boolean {
  return STATES_CHANGE.test(text);
}

/** Numbers written as words, as index terms ("nine supervision circulars"). */
export const NUMBER_TERMS = new Set(
  'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million dozen half twice'
    .split(' ')
    .map((w) => processTerm(w) ?? w),
);

/** Units of time, as index terms: what a length of time is measured in. */
export const TIME_UNITS = new Set(tokenize('year years month months week weeks day days hour hours minute minutes'));
/** The unit of a share written out ("12 percent"): what a "what percentage" figure is counted in. */
export const SHARE_UNITS = new Set(tokenize('percent'));
/** Units a figure may be counted in: time and measures. */
export const UNIT_TERMS = new Set(
  tokenize(
    'year years month months week weeks day days hour hours minute minutes second seconds percent kilometre kilometres kilometer kilometers km metre metres meter meters hectare hectares square tonne tonnes ton tons',
  ),
);

/**
 * A sum's currency by its sign, keyed by the unit a question asks it in (question.ts `unit`): "$19,574,746" is in
 * dollars, not in yuan; "950 yuan", "¥950", "RMB 950" and "950元" are in yuan.
 */
const CURRENCY_SIGNS: Record<string, RegExp> = {
  yuan: /(?:[¥￥]|\bRMB\s?)\d|\d\s*元/,
  dollar: /\$\s?\d/,
  pound: /£\s?\d/,
  euro: /€\s?\d/,
};

/** True when the text states a sum in the currency asked by its sign ("$100 million" for "in dollars"). */
export function signedIn(text: string, unit: string): boolean {
  return CURRENCY_SIGNS[unit]?.test(text) ?? false;
}

/** True when a number in the terms is followed, within two words, by the unit ("400K working hours", "2 000 tonnes"). */
export function measuredIn(terms: string[], unit: string): boolean {
  return terms.some(
    (t, i) => (/^\d/.test(t) || NUMBER_TERMS.has(t)) && terms.slice(i + 1, i + 3).some((n) => n.startsWith(unit)),
  );
}

/**
 * A length of time said without a number, after a word that takes one: "within a week", "in a few days", "within hours,
 * not months", "take weeks rather than months". (Not "a week" alone: "twice a week" is a rate.)
 */
export const LENGTH_IN_WORDS =
  /\b(?:within|in|over|under|take|takes|took|taking)\s+(?:(?:just|only|about|less than)\s+)?(?:an?\s+(?:few\s+|couple\s+of\s+|matter\s+of\s+)?|several\s+|few\s+)?(?:years?|months?|weeks?|days?|hours?|minutes?)\b/gi;

/** True when a text says a length of time in words (LENGTH_IN_WORDS). */
export function saysLength(text: string): boolean {
  return text.search(LENGTH_IN_WORDS) >= 0;
}

/** A frequency said in words: "monthly", "on a weekly basis", "every quarter", "once a year", "twice a month". */
export const FREQUENCY_IN_WORDS =
  /\b(?:daily|weekly|fortnightly|monthly|quarterly|annually|yearly|biannually|(?:every|each|once a|twice a|per)\s+(?:day|week|month|quarter|year))\b/gi;

/** True when a text says a frequency in words (FREQUENCY_IN_WORDS). */
export function saysFrequency(text: string): boolean {
  return text.search(FREQUENCY_IN_WORDS) >= 0;
}

/** True when a number in the terms is followed by a unit of time ("nine hours", "6.1 years"): a length of time. */
export function statesDuration(terms: string[]): boolean {
  return [...TIME_UNITS].some((unit) => measuredIn(terms, unit));
}
