/**
 * What a question asks for, read from its words alone. Pure.
 */
import type { TextField } from '../corpus/parse.js';
import { asksOverview, documentFieldsAsked } from './document-fields.js';
import { keepReadings, type Concept } from '../search/concept.js';
import { processTerm, tokenize, tokenizeWithOffsets } from '../search/tokenize.js';
import {
  CHANGE_VERBS,
  hasSuperlative,
  isNegated,
  isYear,
  monthsIn,
  NOT_A_COUNT,
  relativeYearsIn,
  SHORT_YEAR,
  yearsIn,
  type FigureKind,
} from './figures.js';
import { PARTICLES, SYNONYM_CREDIT } from '../search/vocabulary.js';
import {
  conflatedAgent,
  countedAsOf,
  countedHeadOf,
  countedOf,
  countedWordsOf,
  countsEvents,
  definedTermOf,
  isAdverb,
  nounPhrase,
  PEOPLE_TERMS,
} from './noun-phrases.js';

export interface QuestionAnalysis {
  /** The question's own processed terms (stemmed, stop words removed), in order: for phrases and highlights. */
  terms: string[];
  /** Words the question quotes ("the 'four ones' approach"): the report's own name for something, as index terms. */
  quoted: string[][];
  /** What the question asks about: each own term once, plus translated concepts. */
  concepts: Concept[];
  /** "How many / how much / what percentage / what rate…": prefer sentences with a figure. */
  wantsFigure: boolean;
  /**
   * The kind of figure asked for: a count ("how many cases"), a share ("what percentage", "what
   * proportion") or an amount of money ("how much did they spend"). A share answers no "how many"
   * ("82.5% of days" is not the number of days); counts may answer a share ("27 of 60 agencies").
   */
  figureKind?: FigureKind | undefined;
  /** "When / what date / which year…": prefer sentences with a date. */
  wantsDate: boolean;
  /** "Who… / what's the name of… / what is X called?": asks for a name. */
  wantsName: boolean;
  /** "Which states …?", "which city …": the answer is a place, named. */
  wantsPlace?: boolean | undefined;
  /** It asks for places, plural ("which countries …", 哪些国家): a passage naming several answers it. */
  wantsPlaces?: boolean | undefined;
  /**
   * The kind of body a "which X" question asks for, as a body's name is headed ("which departments …" → Department): a
   * passage naming one ("the Department of the Interior") answers it.
   */
  bodyAsked?: string | undefined;
  /** "Last year" is asked of (not compared with): the year before the report's own. */
  lastYear?: boolean | undefined;
  /** The question asks about a change ("did it improve?", "up or down", "how much more …"), not only a level. */
  asksChange?: boolean | undefined;
  /**
   * "Is training mandatory in most agencies?", "do most agencies have a policy?": a yes-or-no question about a proportion
   * of some group, answered by the share that does ("only 27% of agencies").
   */
  proportion?: boolean | undefined;
  /** Says something changed ("why did the number go down"): a passage stating no change does not answer. */
  changeVerb?: boolean | undefined;
  /**
   * The office a "who" question names and the rank said before it ("who is the administrator" → administrator; "the
   * deputy director" → director, deputy): a deputy's office is another office.
   */
  office?: { title: string; rank?: string | undefined; initials?: string | undefined } | undefined;
  /**
   * The chief officers any question names, by their initials ("how many agencies have a chief accessibility officer?"
   * → cao): a passage naming only other chief officers names none of them.
   */
  chiefs?: string[] | undefined;
  /**
   * The name question asks who someone is ("who is the current Financial Secretary?", "what's the name of the county
   * head?", "局长是谁？"): only a person's name answers it, not the office the question names.
   */
  asksIdentity: boolean;
  /**
   * A "who" question a class of persons answers as well as a name ("who were court forms designed for?" — "with lawyers
   * in mind"; "who are the portal's target users?" — "technologists, City employees, and residents"): not one asking
   * who holds an office, nor for a name, nor who does something ("who is piloting it?": the persons a passage names may
   * be those it is done for).
   */
  personsAnswer?: boolean | undefined;
  /** "Who is Lu Dongliang?": the term of the one a "who is …" question asks about, when it names someone. */
  whoIs?: string | undefined;
  /**
   * Asks about something not done or not there ("how many agencies have no tracking process?", "were any not
   * resolved?").
   */
  negated: boolean;
  /** Asks for the extreme of some degree ("which area is weakest", "the best coverage", 最低): a superlative answers it. */
  superlative?: boolean;
  /** The abbreviation whose meaning is asked ("What does OMB stand for?": "OMB"), answered by where it is defined. */
  defines?: string | undefined;
  /** "What is GC Notify?": the terms of the name or noun phrase whose definition is asked (question.ts definedTermOf). */
  definedTerm?: string[] | undefined;
  /** "Why …?" asks for a cause; "what is eFolder Express for?", a purpose (reasonAsked). */
  asksReason?: 'cause' | 'purpose' | undefined;
  /** The words a definite determiner opens ("the county", "this city"), as terms: what the asker takes as known. */
  definite?: string[] | undefined;
  /** "What is X called?", "what do they call X?": asks what something is called (NAMING_STATED answers). */
  asksNaming?: boolean | undefined;
  /**
   * Asks about the document itself (who issued or signed it, when it came out, what it is called): header lines may
   * answer.
   */
  aboutDocument: boolean;
  /**
   * The header or signature fields that answer it, best first, when it asks when the document came out, whom it was
   * submitted to or who signed it (document-fields.ts); else none.
   */
  documentFields: TextField[];
  /** Asks what the document as a whole is about ("what is this report about?"): its self-description answers. */
  asksOverview?: boolean | undefined;
  /**
   * The paragraph the question points at by its number ("what does paragraph 48 say?", "para 120", "¶210", 第48段):
   * the report's own number where it numbers its paragraphs, else the citation's ¶ (rank.ts linesAsked).
   */
  paragraphAsked?: number | undefined;
  /** Four-digit years named in the question, to prefer the report of that year. */
  years: string[];
  /**
   * The year the question says relative to its reader: 0 "this year", −1 "last year", 1 "next year" (not a comparison's
   * baseline: "up on last year"); undefined when it says none or several.
   */
  yearSaid?: number | undefined;
  /**
   * "What's planned for next year?" asks about what a report says will be done; "how many … did" about what was done.
   */
  timeFrame?: 'future' | 'past' | undefined;
  /**
   * Terms of time said relative to now that stay topic words ("next year": a report's section on the year ahead says
   * it) or a yearly rate ("per year"), never what a figure is about (TIME_AHEAD, YEAR_RATE).
   */
  timeTerms?: string[];
  /** Asks when something is to happen ("when will …", "what date is the forum next year?"). */
  asksDateAhead?: boolean;
  /** Asks when something came to be: founded, set up, how long it has been around (ORIGIN_ASKED). */
  asksOrigin?: boolean;
  /** Asks about the year before the report's own ("the year before", "a year earlier"; not a comparison's baseline). */
  yearBefore?: boolean;
  /** The asker's own day or week ("this weekend", "tomorrow", 今天): a time no report speaks of (ASKERS_DAY). */
  aboutAskersDay?: boolean;
  /** "How many X …": the terms of X, what is counted ("administrative cases", "PRH flats"); empty when unsaid. */
  counted: string[];
  /** The months (1–12) the question names as months ("in may 2022" → 5; figures.ts monthsIn). */
  monthsNamed?: number[] | undefined;
  /** "What is the CEO's salary?": the term of whose it is asked (ownerOf). */
  owner?: string | undefined;
  /** "Who designed the logo?": the term of the doing a "who" question asks the doer of (doingOf). */
  doing?: string | undefined;
  /** Who does that, by English's agent suffixes: "who directs …" → director (personNounsOf), as index terms. */
  doers?: string[] | undefined;
  /** The plural head of what a "how many" question counts ("how many testing sites use …" → site), when found. */
  countedHead?: string | undefined;
  /**
   * What a sum of money asked is for, as index terms: the words after its verb ("spend on travel" → travel, "cost to run
   * these transactional services" → transact, servic).
   */
  spentOn?: string[] | undefined;
  /**
   * A noun of the "how many" phrase that Porter's stemmer reads as another word ("officers" and "office" are both
   * "offic"): the quote must write it ("officer", singular), or it counts something else.
   */
  countedAgent?: string | undefined;
  /** A "how many" question counts what happened ("how many websites moved …?"), not what there is (countsEvents). */
  countsEvents?: boolean | undefined;
  /**
   * Numbers of two digits or more the question names ("users over 65", "under 100 staff"), not years, dates or ordinals:
   * they say which, as a name does.
   */
  numbers: string[];
  /** The period of a rate asked for ("how many users a month": month; RATES). */
  rate?: string | undefined;
  /** The unit a measure is asked in ("… in minutes?", "how many hectares …"), as an index term. */
  unit?: string | undefined;
  /** A length of time is asked for ("how long is the wait?", 多久): years, months or days are its unit, not what is counted. */
  duration?: boolean;
  /** "How often do they meet?": a frequency is asked, a number of times or a period ("on a monthly basis"). */
  often?: boolean;
}

/**
 * A rate asked for, by its period ("how many users a month", "avg daily turnover", 每周), and how a text states a rate of
 * that period (statesRateOf).
 */
export const RATES: { period: string; said: RegExp }[] = [
  { period: 'day', said: /\b(?:daily|a day|per day|each day|every day|(?:a|per) working day)\b|每天|每日|日均/i },
  { period: 'week', said: /\b(?:weekly|a week|per week|each week|every week)\b|每周|每星期/i },
  { period: 'month', said: /\b(?:monthly|a month|per month|each month|every month)\b|每月|月均/i },
  { period: 'year', said: /\b(?:annually|yearly|a year|per year|each year|every year|per annum)\b|每年|年均/i },
];

/** Whether a text says a rate of that period in words ("every year", "monthly", 每年). Pure. */
export function saysRateOf(text: string, period: string): boolean {
  return RATES.find((r) => r.period === period)!.said.test(text);
}

/**
 * Whether a text gives a rate of the period asked: one said so, or for a year's, a figure said by no other period (an
 * annual report's figures are a year's without saying so; "8.90 hours … per week" is not a year's hours). Pure.
 */
export function statesRateOf(text: string, period: string): boolean {
  if (saysRateOf(text, period)) return true;
  return period === 'year' && !RATES.some((r) => r.period !== 'year' && r.said.test(text));
}

/**
 * What a question refers to as known: the document itself ("this report", its date or number asked) and the words a
 * definite determiner opens ("the county", "this city"), as terms.
 */
function referencesOf(
  question: string,
): Pick<QuestionAnalysis, 'aboutDocument' | 'documentFields' | 'asksOverview' | 'definite'> {
  return {
    aboutDocument: DOCUMENT_CUES.test(question),
    documentFields: documentFieldsAsked(question),
    asksOverview: asksOverview(question),
    definite: [...question.matchAll(/\b(?:the|this|that|our|your)\s+(\p{L}+)/giu)].flatMap((m) => tokenize(m[1]!)),
  };
}

/**
 * What a "why" question asks: a cause ("why was it taken offline?", 为什么); "what is X (used) for?", "what's the
 * purpose of X?", "what was the point of X?", 用途: a purpose.
 */
export function reasonAsked(question: string): QuestionAnalysis['asksReason'] {
  if (/\bwhy\b|为什么|为何|什么原因/i.test(question)) return 'cause';
  return /\bwhat(?:'s|’s|\s+is|\s+are|\s+was|\s+were)\s.*\bfor\s*[?.!]*\s*$|\bpurpose of\b|\bwhat(?:'s|’s|\s+is|\s+was)\s+the\s+point\s+of\b|用途|做什么用/i.test(
    question,
  )
    ? 'purpose'
    : undefined;
}

/**
 * A query typed as keywords, with no question word, asks for what its last noun names (the head of an English noun
 * compound comes last): "SSA USDS engagement start year" a date, "covid testing software build time" a length of time,
 * "direct file user research studies count" a figure (not "… in the last year": a time said, not asked).
 */
function keywordAsked(question: string): 'date' | 'length' | 'figure' | undefined {
  const q = question.replace(/[?？!.\s]+$/u, '');
  if (/\b(?:what|whats|when|how|which|who|whom|whose|where|why|whether)\b|[吗呢谁哪几多少什么怎]/iu.test(q))
    return undefined;
  if (/^\s*(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)\b/i.test(q)) return undefined;
  if (KEYWORD_LENGTH.test(q)) return 'length';
  if (KEYWORD_DATE.test(q)) return 'date';
  return /\b(?:count|number|total|tally)$/i.test(q) ? 'figure' : undefined;
}
/** A keyword query's last noun naming a date ("start year", "launch date"; not "last year", "each year", "a day"). */
const KEYWORD_DATE =
  /(?<!\b(?:last|next|this|each|every|per|a|an|one|fiscal|financial|calendar|school|academic|leap|that|the|same|working|business)\s+)\b(?:date|day|year|month)$/i;
/** …or the length of a doing ("build time", "wait time", "processing time"). */
const KEYWORD_LENGTH =
  /\b(?:build|building|wait|waiting|processing|response|turnaround|delivery|development|completion|lead|setup|approval|review|decision|resolution|handling|onboarding|hiring|implementation|rollout)\s+(?:time|duration|timeline|timeframe)$/i;

/**
 * "How long" (not "how long ago", a date), 多久, 多长时间: a length of time; "how old", an age, is one too ("more than 20
 * years old"), or the date it began (ORIGIN_ASKED); so is "how quickly" something was done ("in just four days"), not
 * how fast something goes ("how fast can it send emails?": a rate).
 */
const DURATION = /\bhow (?:long\b(?!\s+ago)|old\b|(?:quickly|fast)\b(?=.*\b(?:did|was|were|had)\b))|多久|多长时间/i;

/** "How often", "how frequently": a frequency is asked (a number of times, or a period said in words). */
const HOW_OFTEN = /\bhow (?:often|frequently)\b/i;

/** A unit of measure the figure is asked in: "in minutes", "how many hectares", "the number of days". */
const ASKED_UNIT =
  /\b(?:in|how many|number of)\s+(minutes?|hours?|seconds?|days?|km|kilomet(?:re|er)s?|met(?:re|er)s?|hectares?|tonnes?|tons?|yuan|rmb|renminbi|dollars?|pounds?|euros?)\b/i;
/** Other names of a currency a question may ask a sum in: the yuan is the renminbi's unit. */
const CURRENCY_NAMES: Record<string, string> = { rmb: 'yuan', renminbi: 'yuan' };

/** The unit a measure is asked in ("in minutes", "how many hectares", "in RMB": yuan), as an index term. */
function unitAsked(question: string): string | undefined {
  const said = ASKED_UNIT.exec(question)?.[1]?.toLowerCase();
  return said ? tokenize(CURRENCY_NAMES[said] ?? said)[0] : undefined;
}

/**
 * A place in an order is asked for: "where does Hong Kong rank", "what ranking", 第几, 排名 — answered by an ordinal
 * ("ranked fourth among the world's shipping centres"), not by any figure. Hong Kong hit@1 0.800 → 0.815 (0.785 →
 * 0.800 with all three in one index), one Chinese answer low → high; the other reports ask no rank.
 */
const RANK_CUES =
  /\b(?:where does .{1,60} rank|what (?:rank|ranking|place|position)|ranks?|ranked|ranking)\b|第几|排名/i;
/**
 * "How many…", "how old…", "what percentage…" ("what % of": a per cent sign after no number), "how" and an adjective
 * of a quality reports measure as a rate ("how available is Sign In Canada?": "a 99.9% availability"; "how satisfied are
 * users": "a 92% user satisfaction rate"), "what figure did they arrive at" (not "what figure shows …", a chart), and
 * nouns that name a quantity ("the population", "the unemployment rate", "the conformance score", "the fee for
 * filing"): a figure is asked for (or a rank: RANK_CUES).
 */
const FIGURE_CUES =
  /\b(how (many|much|often|long|big|large|old|fast|quickly|satisfied|happy|pleased|available|reliable|accurate|popular|successful)|what (percentage|percent|proportion|share|fraction|number|rate|amount)|what figure (?=(?:did|do|does|was|is|were|has|have|had|would|will|could)\b)|(?:number|count) of|percent(age)?|how many times|what(?:'s|’s|s| is| was| are| were)? the (?:total|average|overall|avg))\b|\b(headcount|budget|cost|fee|price|population|gdp|rate|ratio|score|rating|salary|salaries|wages?|income|revenue|savings|concentration)s?\b|\b(spend|spent|spending|paid)\b|多少|几[个件次名户份起人]?|比例|百分之|多久|多长时间|(?<!\d ?)[%％]/i;
/**
 * A quantity's noun as the topic of what is asked ("what did they learn about budget cycles?", "what was the notice
 * about administrative costs?"): the question asks what was said of it, not its figure ("how much did they spend on
 * salaries?" asks one by its other words).
 */
const QUANTITY_AS_TOPIC =
  /\b(?:about|regarding|concerning|on)\s+(?:\S+\s+){0,3}?(?:headcount|budget|cost|fee|price|population|gdp|rate|ratio|score|rating|salary|salaries|wages?|income|revenue|savings|concentration)s?\b/gi;
/** Words about a document as a document: its issue, publication, signature, title, numbers, addressee. */
const DOCUMENT_CUES =
  /\b(reports?|documents?|docs?|papers?|issu(e|ed|ing)|publish(ed|ing)?|release[ds]?|came out|come out|sign(ed|s|ing|ature)?|submitted|addressed|author|wrote|written|title[ds]?|called|index (number|no)|classification|number of the)\b|报告|文件|发布|印发|签|标题|题目|文号/i;
const SHARE_CUES =
  /\b(percentage|proportion|share|fraction|percent|ratio|rate|how much of)\b|(?<!\d ?)[%％]|比例|占多少|百分之|占比|比率|率/i;
const AMOUNT_CUES =
  /\b(spend|spends|spent|spending|cost|costs|costing|budget|budgets|funding|funds?|funded|invest|invested|investment|pay|paid|fees?|price|salary|salaries|wages?|revenue|income|money|allocated|allocation|earmarked)\b|多少钱|工资|薪|节省|节约|省钱|省下|能省|省了?多少|花了|花费|投入|资金|经费|预算|拨款|资助|补助|补贴|费用|开支|支出|成本|收入/i;
/** A noun of money before 是多少 / 为多少: its value is a sum (工资是多少, 年度预算是多少). */
const MONEY_VALUE_ZH = /(?:工资|薪水|薪酬|薪资|预算|经费|资金|费用|开支|支出|成本|收入|价格|金额)[是为]多少/u;
/**
 * "How much could the government save?", "how much has HMRC saved": a saving whose measure the question does not name
 * is a sum of money ("how much time …", "how much productivity does it save" name theirs).
 */
const SAVING_UNNAMED =
  /\bhow much\s+(?:could|can|will|would|did|does|do|has|have|had|is|was|might|may|should)\b.*\bsav(?:e|es|ed|ing)\b/i;
const COUNT_CUES = /\b(how many|(?:number|count) of|how often|how many times)\b|多少|几/i;
/**
 * "By how much", and in Chinese 多少 after a verb of change (升了多少 "rose by how much") or before a unit of measure
 * (多少公顷 "how many hectares"): a change or a measure, given as any figure ("up over 20%", "210 hectares"); and 是多少
 * closing a clause, "what is the value of" the noun before it (信任分数是多少 "what is the trust score": "79.3%"). (多少
 * alone still counts: 解决了多少 "how many were resolved" leaves out the classifier of the question before it.)
 */
const CHANGE_OR_MEASURE =
  /\bby how much\b|(?:升|涨|增长|增加|提高|上升|下降|降低|减少|下跌|跌)了?多少|多少(?:公顷|平方米|平方公里|公里|千米|米|吨|公斤|千克|亩)|[是为]多少(?=[？?。，,！!\s呢]|$)/i;
/**
 * "Which countries …", "what city …", 哪个国家: a place asked for by its kind; in the plural ("countries", 哪些), several
 * (its kind or 些 captured).
 */
const PLACE_ASKED =
  /\b(?:which|what)\s+(?:\w+\s+)?(states?|countr(?:y|ies)|cit(?:y|ies)|provinces?|nations?)\b(?!\s+(?:agenc|department|office|law|level))|哪(个|些)?(?:国家|城市|省|州)/i;

/** "Which departments …", "what agency …", 哪些部门: the kind of body asked for (its plural aside). */
const BODY_ASKED =
  /\b(?:which|what)\s+(?:\w+\s+)?(agenc(?:y|ies)|departments?|ministr(?:y|ies)|bureaus?|offices?|councils?|committees?|commissions?|organi[sz]ations?|compan(?:y|ies)|foundations?)\b|哪(?:个|些|一个|家)?(部门|机构|委员会|公司)/i;
/** The English head of a body a Chinese question asks for: 部门 names a Department, 机构 an Agency. */
const BODY_IN_CHINESE: Record<string, string> = {
  部门: 'department',
  机构: 'agency',
  委员会: 'committee',
  公司: 'company',
};

/** The head word of the bodies a "which X" question asks for, capitalised and singular ("Department", "Agency"). */
function bodyAskedOf(question: string): string | undefined {
  const m = BODY_ASKED.exec(question);
  const kind = m?.[1]?.toLowerCase() ?? (m?.[2] && BODY_IN_CHINESE[m[2]]);
  if (!kind) return undefined;
  const singular = kind.replace(/ies$/, 'y').replace(/s$/, '');
  return singular[0]!.toUpperCase() + singular.slice(1);
}

/**
 * "Where is the CDS office?", "where are they based?", "where's USDS headquartered?": where a body is, a place or an
 * address, asked by a question opening on "where" (not "where can I find …", nor a clause: "the change where you only pay
 * based on …").
 */
const LOCATION_ASKED =
  /(?:^|[,;:!?]\s*)where\b[^?.]{0,60}?\b(?:located|based|headquartered|situated)\b|(?:^|[,;:!?]\s*)where(?:['’]s|\s+is|\s+are)\b[^?.]{0,40}?\b(?:office|offices|headquarters|hq)\b/i;

/** Words asking about a change rather than a level, or comparing two ("than", "compared with", "vs"). */
const CHANGE_ASKED =
  /\b(chang\w*|increas\w*|decreas\w*|ris(e|es|en|ing)|rose|grow\w*|grew|fall\w*|fell|drop\w*|declin\w*|improv\w*|reduc\w*|up or down|compar\w*|than|vs|versus|by how much|difference|more|fewer|less|gain\w*|jump\w*)\b|变化|增长|增加|减少|下降|降低|上升|缩短|翻番|翻倍|提高|同比|相比|比上/i;

/** A verb of change: the question asks how or why something changed ("go down", "increased"). */
const CHANGE_VERB = new RegExp(
  String.raw`\b(?:number|amount|count|total|share|percentage|rate|level|figure|score)s?\b(?:\s+[\p{L}-]+){0,4}?\s+(?:go(?:es|ing)?|went|gone)\s+(?:up|down)\b|\b(?:${CHANGE_VERBS}|grow(?:s|n|ing)?\b)`,
  'iu',
);
/** A yes-or-no question (an auxiliary first) about most, the majority, half or few of a group ("… in most agencies?"). */
const PROPORTION_ASKED =
  /^\s*(?:is|are|was|were|do|does|did|have|has|can|will)\b.*\b(?:most|the majority of|half(?: of)?|few)\s+(?:of\s+(?:the\s+)?)?(?:[\p{L}-]+\s+)?[\p{L}-]+s\b/iu;

/** Titles of an office one person holds. */
const PERSONAL_OFFICE =
  'secretary|director|chief|minister|commissioner|chairman|chairperson|chair|officer|president|governor|mayor|magistrate|administrator|controller|manager|ceo|cio|cto';
/** Kinds of body or doer a "which …" question asks for by name ("which agency", "which vendor"). */
const BODY_KINDS =
  'agency|agencies|department|departments|ministry|bureau|body|bodies|organi[sz]ations?|company|companies|firms?|vendors?|contractors?|suppliers?|providers?|partners?|officials?';
/** "What is the new tool called?", "what was X called before", "what do they call the old model?": a naming asked. */
const NAMING_ASKED = /\bwhat(?:'s|’s| is| was| are| were) [^?.!]{1,60}? called\b|\bwhat (?:do|does|did) \w+ call\b/i;
/** A naming stated: "a project called Notifications-as-a-Service", "formerly known as …", "We call this “10x Classic.”" */
export const NAMING_STATED = /\b(?:called|named|known as|dubbed|call (?:this|these|it|them))\b/i;
const NAME_CUES = new RegExp(
  String.raw`\b(who|whom|whose|name of|named)\b|\bwhich (${BODY_KINDS}|person|people|country|countries|city|county|province|state)\b|(what|which)('s| is| was| are| were)? (the|their|his|her) names?\b|${NAMING_ASKED.source}|谁|名字|叫什么`,
  'i',
);
/** "Who", "whom", "whose", 谁: a person asked for. */
const WHO_ASKED = /\b(?:who|whom|whose)\b|谁/i;
/** Ranks said before an office that make it another office ("the deputy director"). */
const RANKS = 'deputy|vice|assistant|associate|acting|former';
/** An office held by one person, after a determiner, with the rank before it if any ("the deputy director"). */
const OFFICE_ASKED = new RegExp(
  String.raw`\b(?:the|a|an|its|their|his|her|our)\s+(?:(${RANKS})[\s-]+)?(${PERSONAL_OFFICE})\b`,
  'i',
);
/** A person's office as a noun, with the rank said before it. */
const OFFICE_IN_TEXT = new RegExp(String.raw`\b(?:(${RANKS})[\s-]+)?(${PERSONAL_OFFICE})\b`, 'gi');

const AN_OFFICE = new RegExp(String.raw`\b(?:${PERSONAL_OFFICE})\b`, 'i');

/** True when a text names an office one person holds ("Chief Executive Officer", "Director General"). */
export function namesAnOffice(text: string): boolean {
  return AN_OFFICE.test(text);
}

function officeAsked(question: string): QuestionAnalysis['office'] {
  const m = OFFICE_ASKED.exec(question);
  if (m) return { title: m[2]!.toLowerCase(), rank: m[1]?.toLowerCase(), initials: chiefOfficersIn(question)[0] };
  // "首席执行官是谁？": a chief officer asked in Chinese, by the English initials the reports write.
  const chief = CHIEF_ZH.exec(question)?.[1];
  if (chief) return { title: 'chief', initials: `c${CHIEF_OF_ZH[chief]}o` };
  return asksLeader(question) ? { title: LEADER } : undefined;
}

/**
 * "The head of USDS", "its leader", "in charge of", "who runs …", "who leads USDS" (a body, not "who led the
 * development of …"), 负责人: whoever holds a body's top office, by any
 * title ("Administrator"). The word itself frames the question, as "how many" does: a report names the office, not the
 * "head".
 */
const LEADER_ASKED =
  /\b(?:the|its|their|our)\s+(?:head|leader|boss)\b|\bin charge of\b|\bwho\s+runs\b|\bwho\s+(?:leads|heads)\s+(?:(?:the|its|their)\s+)?(?:[\p{L}&.-]+\s+){0,3}(?:agency|office|department|ministry|bureau|team|committee|council|unit|service|commission|board|group|division|branch)\b|负责人|领导人|一把手/iu;
/** "Who leads USDS?", "who heads cds": a body by its abbreviation (in capitals, or a short word ending the question). */
const LEADS_NAMED = /\b[Ww]ho\s+(?:leads|heads)\s+(?:(?:the|its|their)\s+)?(?:[A-Z]{2,}\b|[a-z]{2,5}\s*[?？.!]*$)/u;
/** "Who is the head of USDS?", "who's in charge of …" (not "what did the head of the office say?"). */
function asksLeader(question: string): boolean {
  return NAME_CUES.test(whWords(question)) && (LEADER_ASKED.test(question) || LEADS_NAMED.test(question));
}

/** The office title standing for any (LEADER_ASKED). */
export const LEADER = 'head';

/**
 * True when a text names the office asked for only at another rank ("Deputy Administrator" for "the administrator"):
 * false when it names it at the rank asked, or not at all (then the text's names decide, as for any "who" question).
 */
export function namesOnlyAnotherRank(text: string, office: NonNullable<QuestionAnalysis['office']>): boolean {
  // "The chief technology officer" is not the Chief Executive Officer: a chief officer is named by what he is chief of.
  if (office.initials && namesOtherChiefsOnly(text, [office.initials])) return true;
  const said = [...text.matchAll(OFFICE_IN_TEXT)].filter(
    (m) => office.title === LEADER || m[2]!.toLowerCase() === office.title,
  );
  return said.length > 0 && said.every((m) => m[1]?.toLowerCase() !== office.rank);
}

/** Whether a text names chief officers, none of them one of `chiefs` (initials: "cfo" is no "cao"). */
export function namesOtherChiefsOnly(text: string, chiefs: string[]): boolean {
  const named = chiefOfficersIn(text);
  return named.length > 0 && !named.some((c) => chiefs.includes(c));
}

/**
 * The chief officers a text names, by their initials: "Chief Technology Officer" and "CTO" → cto, "Chief Executive
 * Officer" → ceo (one or two words between "chief" and "officer").
 */
export function chiefOfficersIn(text: string): string[] {
  const spelled = [...text.matchAll(/\bchief\s+(\p{L}+)(?:\s+(\p{L}+))?\s+officer\b/giu)].map(
    (m) => `c${m[1]![0]}${m[2]?.[0] ?? ''}o`,
  );
  // ("CEO", "cto"; four letters in capitals only: "CISO".)
  const short = [...text.matchAll(/\bc[a-z]o\b|\bC[A-Z]{2}O\b/gi)]
    .map((m) => m[0])
    .filter((w) => w.length === 3 || w === w.toUpperCase());
  return [...spelled, ...short].map((i) => i.toLowerCase());
}

/** What a chief officer is chief of, in Chinese (首席执行官 chief executive officer), by its English initial. */
const CHIEF_OF_ZH: Record<string, string> = { 执行: 'e', 信息: 'i', 技术: 't', 财务: 'f', 运营: 'o', 数据: 'd' };
const CHIEF_ZH = new RegExp(`首席(${Object.keys(CHIEF_OF_ZH).join('|')})官`, 'u');

/** "Who is/was X": X's first word (a function word when the question asks for someone: "who is the …"). */
const WHO_IS = /\bwho(?:'s|’s|\s+is|\s+was|\s+are|\s+were)\s+(\p{L}+)/iu;

/**
 * The term of the one a "who is …" question asks about ("who is Lu Dongliang?" → "lu"); none for "who is the …", nor for
 * "who's heading up …", which asks who does something.
 */
function whoIsOf(question: string): string | undefined {
  const word = WHO_IS.exec(question)?.[1];
  return word === undefined || /\p{L}{2,}ing$/u.test(word) ? undefined : processTerm(word);
}
/**
 * "Who does better …", "who has more …": "who" ranges over the groups the question names ("organisations with
 * components vs without"), answered by a comparison, not a name. GSA answered only low 11 → 10, nothing else moved.
 */
const WHO_COMPARES =
  /\bwho(?:['’]s| is| are| was| were| does| do| did| has| have)?\s+(?:\w+\s+)?(?:better|worse|more|less|higher|lower|faster|slower|bigger|smaller|best|worst|most|least)\b/i;

/**
 * Asking who someone is rather than who did something: "who is/was the …", "who was CDS's CEO", "who was CEO before
 * …", "the name of", "是谁" (a copula, then the role asked about), against "who's heading up …", "who chairs …", "由谁主持"
 * (an action: its agent may be an office).
 */
const IDENTITY_CUES = new RegExp(
  String.raw`\bwho(?:'s|’s| is| was| are| were)\s+(?:the|a|an|our|their|his|her|this|that|current|present|[a-z.&-]+['’]s|(?:(?:${RANKS})[\s-]+)?(?:${PERSONAL_OFFICE}))\b|\bnames?\b|是谁|叫什么`,
  'i',
);

/**
 * "The name of" a thing, not of a person ("what's the name of EPA's public facing system?", "the names of the tools"):
 * any name answers, an abbreviation's too ("ECHO"), as for "which system …"; the noun it names the name of says which.
 */
const NAME_OF_THING =
  /\bnames?\s+of\s+(?:(?:the|a|an|this|that|their|its|our|[\w.&-]+['’]s)\s+)?(?:[\w-]+\s+){0,3}?(?:system|tool|app|application|platform|program|programme|project|product|site|website|portal|service|initiative|database|fund|scheme|report|plan|law|act|campaign|team|office|agency|department|bureau|unit|organi[sz]ation|company|vendor|firm|model|framework|standard|form|pilot|process)e?s?\b/i;

/**
 * Asking for a date: "when" as a question word (before an auxiliary, or last: "published when?"), not "when people
 * sued…, did…"; or what a date is called, asked for ("what's the deadline for …", "the target date", 截止日期是什么), not a
 * deadline as a topic ("remediation deadlines - do agencies set them?").
 */
const DATE_CUES =
  /\bhow long ago\b|\bwhen(['’](s|re|ll)\b|\s+(did|does|do|was|were|is|are|will|would|has|have|had|can|could|should|shall)\b)|\bwhen\s*\?|\b(what (dates?|days?|months?|years?|time)|which (dates?|days?|months?|years?))\b|\bwhat(?:['’]?s| is| was| are| were)? (?:the |their |its )?(?:deadlines?|due dates?|target dates?|cut-?off dates?)\b|何时|什么时候|哪一?年|几月|(?:截止日期|期限)是什么/i;

/** Words in quotation marks: straight or curly, single or double, opening after a space and closing before one. */
const QUOTED = /(?<![\p{L}\d])['"“‘]([^'"“”‘’]{2,60})['"”’](?![\p{L}\d])/gu;

/** The phrases of two to six words a question quotes, as index terms; quoted Chinese is read by its glosses. */
function quotedPhrases(question: string): string[][] {
  return [...question.matchAll(QUOTED)]
    .map((m) => tokenize(m[1]!))
    .filter((t) => t.length >= 2 && t.length <= 6 && !t.some((x) => HAN.test(x)));
}

/**
 * Verbs that only say an event occurs, in a date question ("when's the next forum happening?"): the event is what it
 * is about. Nor is the date asked for a topic ("on what date did the IRS say …" is not about a "launch date").
 */
const DATE_FRAME = new Set(tokenize('happen happens happened happening occur occurs occurred occurring date dates'));
/**
 * A question asking what an abbreviation stands for: "What does OMB stand for?", "what is PRH?", "full name of FTE",
 * "NM是什么意思？" — the abbreviation, as written (a plural's "s" off: "PMs" → "PM"). Only capitals: "what is ai?" may
 * be a word.
 */
const DEFINITION = new RegExp(
  String.raw`^\s*what\s+(?:does|do|did)\s+(?:the\s+)?(?:term\s+|abbreviation\s+|acronym\s+)?["“']?([\p{L}&]{2,10})["”']?\s+(?:stand\s+for|mean|refer\s+to)\b` +
    String.raw`|^\s*what(?:['’]s|\s+is|\s+are)\s+(?:an?\s+|the\s+)?["“']?([\p{L}&]{2,10})["”']?\s*[?？.]*\s*$` +
    String.raw`|\b(?:full\s+(?:name|form)|long\s+form|meaning|definition)\s+of\s+(?:the\s+)?["“']?([\p{L}&]{2,10})\b` +
    String.raw`|^\s*["“']?([\p{L}&]{2,10}?)["”']?\s*(?:stands\s+for|means|meaning|=|是什么意思|的全称|指的是什么|代表什么)\s*[?？.]*\s*$`,
  'iu',
);
/** An abbreviation as written: capitals, perhaps a small letter among them ("PhD"), two letters or more. */
const ABBREVIATION = /^[A-Z][A-Za-z&]*[A-Z]$/;
/** Words of a question asking who heads a body (LEADER_ASKED), as index terms. */
const LEADER_FRAME = new Set(tokenize('head heads leader leads boss charge person responsible runs'));
/**
 * What is done to a document as a document, in a question asking who made it ("who wrote the letter?", "who signed
 * this report?"): its signature answers, whose lines never say "wrote".
 */
const AUTHORING_FRAME = new Set(tokenize('write wrote written author authored sign signed signs prepared'));
/** The words such a question frames its abbreviation with: not what it is about. */
const DEFINITION_FRAME = new Set(
  tokenize('stand stands mean means meaning refer term abbreviation acronym full name form long definition'),
);

/**
 * The question without what it says of time — a comparison's baseline, "the year before", parts of the year (read as
 * their months), a figure's period (read as its words), time relative to now — and without contractions and light
 * frames ("been around" too); with the months and periods as concepts, its years and whether it asks of the year before.
 */
function withoutTimeSaid(
  question: string,
  wantsFigure: boolean,
): {
  content: string;
  times: Concept[];
  yearBefore: boolean;
  years: string[];
} {
  const times: Concept[] = [];
  let content = question.replace(COMPARISON_BASELINE, ' ');
  const yearBefore = SAYS_YEAR_BEFORE.test(content);
  content = content.replace(YEAR_BEFORE, ' ');
  for (const [phrase, names] of PARTS_OF_YEAR) {
    const without = content.replace(phrase, ' ');
    if (without === content) continue;
    content = without;
    times.push({ senses: names.map((m) => [tokenize(m)]), weight: 1 });
  }
  const years = yearsIn(content);
  // "How much does GSA buy every year?": the period of a figure asked is one word however it is said ("annual
  // purchases", "each year", "yearly"), not its words ("every").
  if (wantsFigure)
    content = content.replace(RATE_SAID, (said) => {
      const period = RATES.find((r) => r.said.test(said))?.period;
      if (period) times.push(periodConcept(period));
      return ' ';
    });
  content = content
    .replace(RELATIVE_TIME, ' ')
    .replace(EDGE_OF_PERIOD, ' ')
    .replace(CONTRACTION, ' ')
    .replace(LIGHT_FRAME, ' ')
    .replace(BEEN_AROUND, ' ');
  return { content, times, yearBefore, years };
}

/**
 * Keeps a term unless it frames a kind of question that is asked ("number" of "the number of", "head" of "who is the
 * head of", "long" of "how long").
 */
function notFraming(
  question: string,
  wantsFigure: boolean,
  wantsDate: boolean,
  defines: string | undefined,
): (term: string) => boolean {
  const frames: [asked: boolean, words: Set<string>][] = [
    [wantsFigure, FIGURE_FRAME],
    [wantsDate, DATE_FRAME],
    [defines !== undefined, DEFINITION_FRAME],
    [asksLeader(question), LEADER_FRAME],
    [documentFieldsAsked(question).includes('signature'), AUTHORING_FRAME],
  ];
  const framing = [...frames.filter(([asked]) => asked).map(([, words]) => words), degreeAsked(question)];
  return (t) => !framing.some((words) => words.has(t));
}

/** The abbreviation whose meaning a question asks (DEFINITION), or undefined. Pure. */
export function abbreviationAsked(question: string): string | undefined {
  const asked = DEFINITION.exec(question)
    ?.slice(1)
    .find(Boolean)
    ?.replace(/(?<=[A-Z])s$/, '');
  return asked && ABBREVIATION.test(asked) ? asked : undefined;
}

/**
 * Words that only frame a figure question ("how many … in total", "overall", "what number of …"): not what it is about.
 * ("How many agencies has USDS worked with overall?" had read "overall" as "general" too, and a sentence with no count
 * came first.)
 */
const FIGURE_FRAME = new Set(tokenize('total overall altogether number amount percentage proportion figure count'));
/**
 * A comparison asked by how much or how many times ("how many times cheaper is an online transaction than a phone
 * call?", "how much faster is it?"): a factor or a difference is asked ("almost 20 times lower"), nothing counted. (Its
 * "times" stays a word of the question: the answer says it too.)
 */
const COMPARES_BY =
  /\bhow many times (?:more|less|fewer|[a-z]{2,}er)\b|\bhow much (?:better|worse|cheaper|faster|quicker|slower|bigger|larger|smaller|higher|lower|greater|longer|shorter|easier|harder)\b/i;
/** "How long", "how big", "how fast": a measure asked for by its adjective. */
const DEGREE_ASKED = /\bhow\s+(long|big|large|small|high|fast|far|wide|deep|tall|heavy|quickly|soon)\b/gi;
/**
 * "How long", "how big", "how fast": the adjective after "how" names the measure asked for, as "how many" asks a count,
 * and is no topic word ("how big will the team get?" is not about anything "larger"; "long-term care" in another
 * question is its topic). Each of a two-part question's ("how big was the team and how long did they work on it?").
 */
function degreeAsked(question: string): Set<string> {
  return new Set(tokenize([...question.matchAll(DEGREE_ASKED)].map((m) => m[1]!).join(' ')));
}

const HAN = /\p{Script=Han}/u;

/**
 * Words that frame a chat question rather than say what it is about ("I'm curious, does the
 * report say anything about …", "can you tell me …"): not looked up.
 */
export const FRAMING = new Set(
  tokenize(`hi hello hey thanks thank please curious wondering wonder tell know want need looking anyone anybody anything something
  someone actually really exactly basically like just kind sort bit stuff thing things lot lots mention mentioned mentions say says
  said mate guys quick question ok okay yeah yes pls plz gonna wanna get gets got getting go goes going
  gone often way ways whatever anywhere somewhere anyway anyways`),
);

/**
 * "Knew" is someone's knowing that the question asks about ("what share of clients knew what to do next?"): the asker's
 * frame is in the present ("do you know", "I want to know").
 */
const KNEW = /^knew$/i;

/** "Been around", "been in existence", "been operating": how long something has existed, said without a verb of origin. */
const BEEN_AROUND = /\bbeen (?:around|in existence|existing|in operation|operating)\b/i;

/**
 * Words that only frame what is asked: a modal "supposed to" / "meant to" ("what are CIOs supposed to do?" asks what
 * they do), "the point of" asking a purpose ("what was the point of the theme?": reasonAsked), and the light verb of
 * "play a role" / "play a part" ("what role do CIOs play?": the role is the topic, "play" says nothing of it). "what role are CIOs supposed to play?" was refused (its three framing words outweighed
 * "CIO"): GSA hit@1 0.538 → 0.554 alone; no other answer of the three reports, alone or together, or off-topic moved.
 */
const LIGHT_FRAME =
  /\b(supposed|meant)(?= to\b)|(?<=\bwhat(?:['’]s|\s+is|\s+was)\s+the\s+)point(?=\s+of\b)|\bplay(s|ed|ing)?\b(?=.*\b(role|part)s?\b)|(?<=\b(role|part)s?\b.*)\bplay(s|ed|ing)?\b/gi;

/** The particle right after a word, as in a phrasal verb ("set up", "carry out", "look into"). */
const PARTICLE = new RegExp(`^[\\s-]+(${[...PARTICLES].join('|')})\\b`, 'i');

/** Clitics of contractions ("they're", "we'll"): left alone they become the words "re" and "ll". */
const CONTRACTION = /['’](re|ll|ve|d|m|s)\b|n['’]t\b/gi;
/** The ending of "2nd", "3rd", "8th": not a word of its own. */
const ORDINAL_SUFFIX = /^(st|nd|rd|th)\b/i;

/**
 * A time to come: "next year", "going forward", "the next forum" (the next one is still to come: with sections headed
 * "Upcoming …" read as forward-looking, GSA hit@1 0.492 → 0.508, nothing else moved), 明年.
 */
const FUTURE_TIME =
  /\b(next|coming|following) (year|years|stage|phase)\b|\bthe next (?!(few|several|two|three|\d+) )\w+|\b(going forward|in (the )?future|from now on|upcoming|year ahead)\b|明年|下一步|今后|将来|未来/i;
/** A plan or intention: "what's planned for", "are they going to", "trying to", a question opening with "will", 打算. */
const INTENTION =
  /\b(plans?|planning|planned|intends?|intending|going|trying|hoping|wants?|wanting) (for|to)\b|\bwhat('s| is) planned\b|^\s*(will|shall)\b|打算/i;
/** Asking about what was done: past auxiliaries and past time ("did they", "was it", "last year"). */
const PAST_CUES = /\b(did|was|were|had|last year|so far)\b|去年|了/i;

/**
 * The baseline of a comparison ("compared with 2022", "than last year", "up or down on 2022",
 * "versus the year before"): a report gives such changes as "year-on-year" figures of its own year, so the
 * baseline is neither a topic nor the year asked about.
 */
const COMPARISON_BASELINE =
  /(\b(compared (with|to)|in comparison (with|to)|relative to|versus|vs\.?|than( in| during)?)|(?<=\b(up|down|higher|lower|better|worse) )(on|from|over))( the same period (of|in))? ((19|20)\d{2}|last year|the (previous|prior|preceding) year|the year before|a year (earlier|before|ago))\b/gi;
/**
 * "Can I compare this year's numbers with last year's?": two years compared, neither the one asked about.
 */
const COMPARES_YEARS =
  /\bcompare\b[^?.]{0,60}\s(?:with|to|and) (?:last year|the (?:previous|prior|preceding) year|the year before)\b/i;

/**
 * The year before the one spoken of, outside a comparison: "what was the budget for the year before?" asks about the
 * year before the report's own.
 */
const YEAR_BEFORE = /\b(?:the year before|a year (?:earlier|before|ago)|the year prior)\b|前一年/gi;
/** YEAR_BEFORE for a test: a global pattern's test() moves its lastIndex. */
const SAYS_YEAR_BEFORE = new RegExp(YEAR_BEFORE.source, 'i');

/** A date asked of what is to come: "when will …", "when's it going to …", 什么时候会 / 将. */
const WHEN_WILL =
  /\bwhen(?:['’]s| is| are)?\s+(?:will|shall|\S+(?:\s+\S+)?\s+going to)\b|什么时候(?:会|将|能)|何时(?:会|将|能)/i;

/**
 * Asks when something came to be, not when it did something: "when was USDS started?", "when were they set up?", "how
 * long has CDS been around?", "when did Notify first launch?", "how old is …" (a passive "was started" means founded;
 * "Starting in June 2023, USDS led …" dates another beginning).
 */
const ORIGIN_ASKED =
  /\b(?:when|what year|which year)\b.*\b(?:was|were)\b.*\b(?:started|founded|established|created|formed|set up|launched|begun|born)\b|\bhow long (?:has|have)\b.*\bbeen (?:around|in existence|existing|in operation|operating)\b|\bwhen did\b.*\bfirst (?:launch|start|begin|open)\b|\bhow old (?:is|are)\b|\bsince when\b|成立|创立|创办/i;

/** Verbs of coming to be, as index terms: "when was it started / set up / created", 成立. */
export const ORIGIN_TERMS = tokenize('started founded established created formed set launched begun originated');
/** Those that say little else in a report ("form" is a noun of forms, "start" and "launch" of any beginning). */
const ORIGIN_READINGS = tokenize('founded established created');

/** "Before" with nothing after it, an adverb: "who could use it before?" asks what was so previously. */
const BEFORE_NOW = /\bbefore(?=\s*(?:now\b|then\b|[?？.!]|$))/i;

/**
 * What was so before now, in the report's words ("Previously, only federal employees could visit the Gateway"): each
 * word of that time, as the question's "before" (a stop word) is none.
 */
const BEFORE_NOW_READINGS: Concept = {
  senses: tokenize('previously formerly prior').map((t) => [[t]]),
  weight: 1,
};

/**
 * "How long has CDS been around?" names its coming to be in no word of the report's: the verbs of origin stand for
 * "been around", each credited as a synonym, as they would for "set up" ("Formed in 2017, CDS was created …").
 */
const BEEN_AROUND_READINGS: Concept = {
  senses: ORIGIN_READINGS.map((t) => [[t]]),
  credits: ORIGIN_READINGS.map(() => SYNONYM_CREDIT),
  weight: 1,
};

/**
 * For a question about an origin, its verb of coming to be read as the others too: "when was CDS set up?", 成立
 * ("establish"), answered by "Formed in 2017" or "was founded in 2014" (the same event, in other verbs). Credited as a
 * synonym.
 */
function withOriginReadings(c: Concept): Concept {
  const terms = c.senses.flat(2);
  if (!terms.some((t) => ORIGIN_TERMS.includes(t))) return c;
  const added = ORIGIN_READINGS.filter((t) => !terms.includes(t));
  return {
    ...c,
    senses: [...c.senses, ...added.map((t) => [[t]])],
    credits: [...(c.credits ?? c.senses.map(() => 1)), ...added.map(() => SYNONYM_CREDIT)],
    glosses: c.glosses && [...c.glosses, ...added.map(() => '')],
  };
}

/**
 * A number of two digits or more that is no date ("11月", "30th") nor part of a longer one, nor of a name written with
 * letters ("10x", the program's name; "A380"); a magnitude's letter is the number's ("18.25M", "10k").
 */
const NAMED_NUMBER = /(?<![\d.,a-z])\d[\d.,]*\d(?!\d|\s*(?:月|日|号|年|st\b|nd\b|rd\b|th\b)|(?!(?:k|m|bn?)\b)[a-z])/gi;

/** A yearly rate: "what does it cost per year" says how often, not what the figure is about ("$150 … each year"). */
const YEAR_RATE = /\b(?:per|a|each|every) (years?)\b/gi;

/** Time ahead said relative to now: "next year", "the coming months". */
const TIME_AHEAD = /\b(?:next|coming|following) (years?|months?|weeks?)\b/gi;

/**
 * The asker's own day or week: "today", "tonight", "tomorrow", "this weekend", "next week", 今天, 明天. A report speaks of
 * its own period, written before the asker's day: "what films are showing this weekend?" is about something else,
 * whatever a passage says of films. (A year or a month may be the report's own: "this year" is read as its period.)
 */
const ASKERS_DAY =
  /\b(today|tonight|tomorrow|yesterday|this (?:weekend|week|morning|afternoon|evening)|(?:next|last) (?:week|weekend))\b|今天|今晚|明天|昨天|本周|这周|下周|周末/i;

/**
 * Parts of a year said in words, read as the months a report would name ("at the start of the
 * year" → January or February: "In January 2023, …").
 */
const PARTS_OF_YEAR: [RegExp, string[]][] = [
  [
    /\b(at |in )?(the )?(start|beginning|outset) of (the|this|that) year\b|\bearly (in )?(the|this|that) year\b/gi,
    ['January', 'February'],
  ],
  [/\b(in |around )?(the )?middle of (the|this|that) year\b|\bmid-?year\b/gi, ['June', 'July']],
  [
    /\b(at |by |towards? )?(the )?end of (the|this|that) year\b|\blate (in )?(the|this|that) year\b|\byear[- ]end\b/gi,
    ['November', 'December'],
  ],
];

/** The words of a period a figure is per: "daily logins", "logins a day". */
const PERIOD_WORDS: Record<string, string[]> = {
  day: ['day', 'daily'],
  week: ['week', 'weekly'],
  month: ['month', 'monthly'],
  year: ['year', 'annual', 'yearly'],
};

/** A period a figure is per, as one concept of its words. */
const periodConcept = (period: string): Concept => ({
  senses: PERIOD_WORDS[period]!.map((w) => [tokenize(w)]),
  weight: 1,
});

/** A Chinese word of a figure's period (每年 "every year") read as the period's words, as the English are. */
function periodAsked(c: Concept, wantsFigure: boolean): Concept | undefined {
  const period = wantsFigure && c.source ? RATES.find((r) => r.said.test(c.source!))?.period : undefined;
  return period ? periodConcept(period) : undefined;
}

/** The period of a rate, in English words: RATES' English phrases in one pattern (RATES reads which period it is). */
const RATE_SAID =
  /\b(?:(?:a|per|each|every) (?:working )?(?:day|week|month|year)|daily|weekly|monthly|annually|yearly|per annum)\b/gi;

/**
 * Time said relative to now ("last year", "this year", "currently", "the current CEO", "over the years", "to date", "how
 * long ago": a date asked, DATE_CUES): for a report it is the report's own period, not a topic. ("Years ago" stays: a
 * report's "nearly a decade ago" answers "what did GAO find about DTS years ago?".)
 */
const RELATIVE_TIME =
  /\b(last|this|past|previous|the same|that) year('s)?\b|\b(next|past|last|coming|previous) (few|several|\d+|two|three|four|five|six|seven|eight|nine|ten) (years|months)\b|\bso far\b|\bthese days\b|\bnowadays\b|\bright now\b|\bat the moment\b|\brecently\b|\bcurrently\b|\bat present\b|\b(?:the|its|their|our) current\b|\b(?:over|through|throughout) the years\b|\bto date\b|\bhow long ago\b/gi;

/**
 * The edge of a named period ("by the end of September", "at the start of 2016", "the close of FY 2024"): the period is
 * the date asked and stays; "end" or "start" is no topic ("by the end of September" is not the "end" of a pilot).
 */
const EDGE_OF_PERIOD =
  /\b(?:the\s+)?(?:end|start|beginning|middle|close)\s+of\s+(?=(?:the\s+)?(?:jan(?:uary)?|feb(?:ruary)?|march|apr(?:il)?|may|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:19|20)\d{2}|fy\s*\d|fiscal\s+(?:year|\d)|(?:the\s+)?(?:fiscal\s+)?(?:quarter|month)\b))/gi;

/**
 * The question with "WHO" in capitals put aside where other words are in lower case ("when did WHO declare a
 * pandemic?"): it is the World Health Organization there, not the question word (a message in capitals throughout is
 * read in lower case before this: engine.ts inOwnCase). A relative "who" is put aside too ("are the officers who enforce
 * rules up to speed?" asks no one's name): a question's "who" opens its clause, after a stop, a conjunction or a verb
 * that takes a question ("do you know who …", "tell me who …"), never right after a noun.
 */
function whWords(question: string): string {
  const asked = /\p{Ll}/u.test(question) ? question.replace(/\bWHO\b/g, ' ') : question;
  return asked.replace(RELATIVE_WHO, (m, before: string) => (EMBEDS_QUESTION.test(before) ? m : before));
}

/** "who" right after a word (not a stop): relative unless the word opens a clause or takes a question (EMBEDS_QUESTION). */
const RELATIVE_WHO = /([\p{L}'’]+)\s+who\b/giu;
const EMBEDS_QUESTION =
  /^(?:and|or|but|so|then|also|ok|okay|hey|hi|anyway|know|knows|knew|known|tell|told|ask|asked|asking|wonder|wondering|wondered|say|says|said|see|show|explain|guess|sure|idea|clue|out|me|us|remind|figure|decide|decided|is|was|are|were|exactly|just|than|of|about|on|to|as|by|from|with|for|in)$/i;

/**
 * The tokens of a question's content that say what it is about: not its framing words, unless one opens an idiom the
 * dictionary reads ("go" frames "how did it go?", but "go live" is launching), nor its Chinese characters when a
 * glossary reads them, nor an ordinal's suffix ("1st").
 */
function contentTokens(
  content: string,
  keep: (term: string) => boolean,
  synonymsOf: (word: string) => string[][][],
  glossed: boolean,
): { term: string; start: number; end: number }[] {
  const all = tokenizeWithOffsets(content);
  return all.filter(
    (t, i) =>
      keep(t.term) &&
      (!FRAMING.has(t.term) ||
        KNEW.test(content.slice(t.start, t.end)) ||
        lightVerbIdiom(t, all[i + 1], content, keep, synonymsOf) !== undefined) &&
      !(glossed && HAN.test(t.term)) &&
      !(/\d$/.test(content.slice(0, t.start)) && ORDINAL_SUFFIX.test(content.slice(t.start))),
  );
}

/**
 * Reads the concepts and the kind of answer a question wants.
 * @param translated concepts from translating the question (Chinese words glossed into English);
 *   when given, the question's raw Han characters are left to them
 * @param synonymsOf synonym readings of one question word (each a list of index terms), credited
 *   SYNONYM_CREDIT (see src/search/vocabulary.ts)
 * @param glossed whether Chinese is read through a glossary (the translated concepts, none when every Chinese word is
 *   grammar: "notaries 多少?"), so its characters are never index terms themselves
 */
export function analyzeQuestion(
  question: string,
  translated: Concept[] = [],
  synonymsOf: (word: string) => string[][][] = () => [],
  glossed = translated.length > 0,
): QuestionAnalysis {
  const keywords = keywordAsked(question);
  const wantsFigure =
    FIGURE_CUES.test(question.replace(QUANTITY_AS_TOPIC, ' ')) ||
    RANK_CUES.test(question) ||
    keywords === 'length' ||
    keywords === 'figure';
  const wantsDate = DATE_CUES.test(question) || keywords === 'date';
  const timeFrame = timeFrameOf(question);
  const defines = abbreviationAsked(question);
  const keep = notFraming(question, wantsFigure, wantsDate, defines);
  const { content, times, yearBefore, years } = withoutTimeSaid(question, wantsFigure);
  const tokens = contentTokens(content, keep, synonymsOf, glossed);
  const counted = countedOf(question);
  const own = ownConcepts(tokens, content, keep, synonymsOf, counted);
  const asksOrigin = ORIGIN_ASKED.test(question);
  const concepts: Concept[] = [
    ...own,
    ...(BEEN_AROUND.test(question) ? [BEEN_AROUND_READINGS] : []),
    ...(BEFORE_NOW.test(question) ? [BEFORE_NOW_READINGS] : []),
    ...times,
    ...translated.map((c) => periodAsked(c, wantsFigure) ?? withoutWords(c, keep)).filter((c) => c.senses.length),
  ].map((c) => (asksOrigin ? withOriginReadings(c) : c));
  return {
    terms: tokens.map((t) => t.term),
    concepts,
    wantsFigure,
    wantsDate,
    figureKind: wantsFigure ? figureKindOf(question) : undefined,
    wantsName: NAME_CUES.test(whWords(question)) && !WHO_COMPARES.test(question) && !defines, // (not "the full name of OLA")
    asksIdentity: IDENTITY_CUES.test(question) && !NAME_OF_THING.test(question),
    whoIs: whoIsOf(question),
    // ("Total FTEs across agencies (not components)": a bracketed "not" narrows the topic; it asks nothing negated.)
    negated: isNegated(question.replace(/\([^)]*\)/g, ' ')),
    superlative: asksSuperlative(question),
    defines,
    definedTerm: defines ? undefined : definedTermOf(question),
    asksReason: reasonAsked(question),
    ...referencesOf(question),
    quoted: quotedPhrases(question),
    years,
    monthsNamed: onlySome(monthsIn(question)),
    timeFrame,
    aboutAskersDay: ASKERS_DAY.test(question),
    yearBefore,
    asksDateAhead: wantsDate && (timeFrame === 'future' || WHEN_WILL.test(question)),
    asksOrigin,
    timeTerms: [...question.matchAll(TIME_AHEAD), ...question.matchAll(YEAR_RATE)].flatMap((m) => tokenize(m[1]!)),
    ...countedPhrase(question, counted, translated),
    ...rolesAsked(question),
    chiefs: onlySome(chiefOfficersIn(question)),
    ...measures(question, wantsFigure, keywords),
  };
}

/**
 * The numbers a question names (and the paragraph it points at by one), whether it asks about a change, and for a figure
 * question the unit and the rate's period it asks the figure in.
 */
function measures(
  question: string,
  wantsFigure: boolean,
  keywords: ReturnType<typeof keywordAsked>,
): Pick<
  QuestionAnalysis,
  | 'numbers'
  | 'paragraphAsked'
  | 'unit'
  | 'rate'
  | 'duration'
  | 'often'
  | 'asksChange'
  | 'changeVerb'
  | 'proportion'
  | 'lastYear'
  | 'yearSaid'
  | 'wantsPlace'
  | 'wantsPlaces'
  | 'bodyAsked'
  | 'asksNaming'
  | 'spentOn'
> {
  const yearsSaid = COMPARES_YEARS.test(question) ? [] : relativeYearsIn(question.replace(COMPARISON_BASELINE, ' '));
  const place = PLACE_ASKED.exec(question);
  return {
    spentOn: spentOnOf(question),
    asksChange: CHANGE_ASKED.test(question),
    changeVerb: CHANGE_VERB.test(question),
    proportion: PROPORTION_ASKED.test(question),
    wantsPlace: !!place || LOCATION_ASKED.test(question),
    wantsPlaces: !!place && (place[1]?.endsWith('s') || place[2] === '些'),
    bodyAsked: bodyAskedOf(question),
    asksNaming: NAMING_ASKED.test(question),
    lastYear: yearsSaid.includes(-1),
    yearSaid: onlyOne(yearsSaid),
    duration: wantsFigure && (DURATION.test(question) || keywords === 'length'),
    often: HOW_OFTEN.test(question),
    numbers: [...question.replace(SHORT_YEAR, ' ').replace(NOT_A_COUNT, ' ').matchAll(NAMED_NUMBER)].map((m) =>
      processTerm(m[0])!,
    ),
    paragraphAsked: paragraphAskedOf(question),
    unit: wantsFigure ? unitAsked(question) : undefined,
    rate: wantsFigure ? RATES.find((r) => r.said.test(question))?.period : undefined,
  };
}

/** A paragraph named by its number: "paragraph 48", "para. 120", "¶210", "§ 52" (as a reader cites one), 第48段. */
const PARAGRAPH_NUMBER = /(?:\b(?:paragraph|para\.?)\s*|[¶§]\s*)(\d{1,5})\b|第\s*(\d{1,5})\s*段/i;

/** The number of the paragraph a question points at (PARAGRAPH_NUMBER), if it points at one. */
export function paragraphAskedOf(question: string): number | undefined {
  const m = PARAGRAPH_NUMBER.exec(question);
  return m ? Number(m[1] ?? m[2]) : undefined;
}

/** A list, or undefined when it is empty. */
function onlySome<T>(values: T[]): T[] | undefined {
  return values.length ? values : undefined;
}

/** The one value of a list; undefined when it has none or several. */
function onlyOne<T>(values: T[]): T | undefined {
  return values.length === 1 ? values[0] : undefined;
}

/** The question's own words as concepts, each once, with its synonyms (a phrasal verb's first: "set up" = establish). */
function ownConcepts(
  tokens: { term: string; start: number; end: number }[],
  content: string,
  keep: (term: string) => boolean,
  synonymsOf: (word: string) => string[][][],
  counted: string[] = [],
): Concept[] {
  const own = new Map<string, Concept>();
  const countsPeople = counted.some((t) => PEOPLE_TERMS.has(t));
  const idioms = new Set<number>();
  for (const [i, t] of tokens.entries()) {
    if (own.has(t.term) || idioms.has(i)) continue;
    const word = content.slice(t.start, t.end);
    // A light verb with its noun is one idiom, read by what it means ("take part" = participate, "take place" = occur),
    // not a taking nor a part.
    const idiom = lightVerbIdiom(t, tokens[i + 1], content, keep, synonymsOf);
    if (idiom) {
      idioms.add(i + 1);
      own.set(t.term, idiom);
      continue;
    }
    // "82 percent" is "82%", and "82%" is "82 percent", however the report writes it.
    const percent = percentConcept(t, tokens[i + 1], content);
    if (percent) {
      if (percent.spansNext) idioms.add(i + 1);
      own.set(t.term, percent.concept);
      continue;
    }
    // "How many people does CDS employ?": the people counted are its employees (personNounsOf).
    const persons = countsPeople && !PEOPLE_TERMS.has(t.term) ? personNounsOf(word, t.term).map((p) => [[p]]) : [];
    // A phrasal verb means what its verb alone does not ("set up" = establish, "hand out" = distribute).
    const particle = PARTICLE.exec(content.slice(t.end))?.[1]?.toLowerCase();
    const forms = [t.term, ...numeralTwin(t.term, content.slice(0, t.start), content.slice(t.end))];
    // …and its synonyms say it in other words: what it means, in full (a verb's own synonyms are one reading of many).
    const phrasal = (particle ? synonymsOf(`${word}_${particle}`) : []).filter((reading) => reading.flat().every(keep));
    // An ordinal counts a place in an order ("when did they first …"): WordNet's "number one", "basic" are other words.
    const synonyms = ORDINAL_WORDS.includes(word.toLowerCase())
      ? []
      : synonymsOf(word).filter((reading) => reading.flat().every(keep));
    const readings = [...phrasal, ...synonyms, ...persons];
    own.set(
      t.term,
      readings.length
        ? {
            senses: [[forms], ...readings],
            // (The verb alone, of a phrasal verb the dictionary reads: "found that …" is not "found out".)
            credits: [
              phrasal.length ? SYNONYM_CREDIT : 1,
              ...phrasal.map(() => 1),
              ...[...synonyms, ...persons].map(() => SYNONYM_CREDIT),
            ],
            weight: 1,
          }
        : { senses: [[forms]], weight: 1 },
    );
  }
  return [...own.values()];
}

/** A number's "percent" or "per cent" after it, as it follows the number. */
const PERCENT_WORD = /^\s+(?:per\s?cent|percent)$/i;

/**
 * A percentage as one concept, however it is written: "82%" (one term) or "82 percent" / "82 per cent" (two), each
 * reading the other ("why did they pick 82 percent" — "defined as 82% take-up"). `spansNext`: the word after the number
 * is its "percent" (or "cent").
 */
function percentConcept(
  t: { term: string; end: number },
  next: { term: string; end: number } | undefined,
  content: string,
): { concept: Concept; spansNext: boolean } | undefined {
  const number = /^(\d[\d.]*)%$/.exec(t.term)?.[1];
  const spansNext =
    number === undefined && /^\d[\d.]*$/.test(t.term) && !!next && PERCENT_WORD.test(content.slice(t.end, next.end));
  if (number === undefined && !spansNext) return undefined;
  const n = number ?? t.term;
  return { concept: { senses: [[[`${n}%`]], [[n], ['percent', 'cent']]], weight: 1 }, spansNext };
}

/** Verbs that say little by themselves ("take", "get", "make", "give"), as index terms: no doing a figure counts. */
export const LIGHT_VERBS = new Set(tokenize('take get make give'));
/** …and those that say much with their noun: "take part", "take place", "make sure", "keep track", "pay attention". */
const IDIOM_VERBS = new Set([...LIGHT_VERBS, ...tokenize('keep put set pay come go')]);

/**
 * The concept of a light verb and the word after it when the dictionary knows the two as one idiom whose readings the
 * reports hold: the two words side by side, or what they mean ("took part" → participants).
 */
function lightVerbIdiom(
  t: { term: string; start: number; end: number },
  next: { term: string; start: number; end: number } | undefined,
  content: string,
  keep: (term: string) => boolean,
  synonymsOf: (word: string) => string[][][],
): Concept | undefined {
  if (!next || !IDIOM_VERBS.has(t.term) || !/^\s+$/.test(content.slice(t.end, next.start))) return undefined;
  const phrase = `${content.slice(t.start, t.end)}_${content.slice(next.start, next.end)}`;
  const readings = synonymsOf(phrase).filter((reading) => reading.flat().every(keep));
  if (!readings.length) return undefined;
  return { senses: [[[t.term], [next.term]], ...readings], credits: [1, ...readings.map(() => 1)], weight: 1 };
}

/**
 * Whose thing a question asks about, the doing whose doer it asks for, the office whose holder, and whether a class of
 * persons answers it (a "who" question asking for none of these nor a name).
 */
function rolesAsked(
  question: string,
): Pick<QuestionAnalysis, 'owner' | 'doing' | 'doers' | 'office' | 'personsAnswer'> {
  const asked = whWords(question);
  const office = NAME_CUES.test(asked) ? officeAsked(question) : undefined;
  // ("Who runs USDS?": running it is holding its office, which the office itself says.)
  // ("Who is Lu Dongliang?" asks who someone is: no doing.)
  const word = office?.title === LEADER || whoIsOf(question) ? undefined : doingWordOf(asked);
  const doing = word && tokenize(word)[0];
  return {
    owner: ownerOf(question),
    doing,
    doers: doing ? personNounsOf(word.toLowerCase().replace(/(?:ing|ed|(?<!s)s)$/, ''), doing) : undefined,
    office,
    personsAnswer: WHO_ASKED.test(asked) && !/\bnam(?:e|es|ed)\b/i.test(question) && !office && !doing,
  };
}

/**
 * "Which company made …", "which agency runs …", "which official is steering …": a body asked for by its kind, then the
 * doing, after an auxiliary when a participle follows it (not "which agency is responsible …").
 */
const WHICH_BODY_DID = new RegExp(
  String.raw`\bwhich\s+(?:${BODY_KINDS})\s+(?:(?:is|are|was|were|has|have|had|will\s+be)\s+(?=\p{L}+(?:ing|ed)\b))?(?!(?:is|are|was|were|will|would|has|have|had|did|does|do)(?:n['’]?t)?\b)([\p{L}-]+)`,
  'iu',
);

/**
 * "How many people applied …", "how many people have downloaded …": the doing of the people counted (not "how many
 * people are there", nor a light verb that says little by itself: "get the tips", "sit on the commission").
 */
const PEOPLE_DID =
  /\bhow many (?:people|persons|individuals)\s+(?:(?:have|had|has|did|do|does|will|would|were|are|was)\s+)?([\p{L}-]+)/iu;
/**
 * Words after "how many people" that name no doing of theirs: places, relatives, light verbs, and "work", which asks
 * for the staff ("how many people work at USDS?" — "230 people currently serving at USDS", "269 employees").
 */
const NO_DOING = new Set(
  `there in at of on from with who that
  get gets got have has had make makes made take takes took do does did give gives gave go goes went
  come comes came sit sits sat stand stands stood keep keeps kept put puts be been being
  work works worked working`.split(/\s+/),
);

/**
 * "Who designed …", "who's heading up …", "which company made …", "how many people applied …": the word of the doing
 * asked about.
 */
function doingWordOf(question: string): string | undefined {
  // "Who did CDS thank?", "who does the agency partner with?": "who" is the object, and the doing comes after the subject.
  const objectAsked = DO_SUPPORT.exec(question)?.[1];
  if (objectAsked) {
    const verb = objectAsked
      .split(/\s+/)
      .filter((w) => !/^(?:the|a|an|its|their|this|that)$/i.test(w))
      .at(-1);
    return verb && tokenize(verb)[0] ? verb : undefined;
  }
  const after =
    /\bwho(?:['’]s|\s+(?:is|are|was|were|will|would|has|have|had|did|does|do)(?:n['’]?t)?)?(?:\s+(?:going\s+to|to))?\s+([\p{L}-]+)/iu.exec(
      question,
    )?.[1] ??
    WHICH_BODY_DID.exec(question)?.[1] ??
    [PEOPLE_DID.exec(question)?.[1] ?? countedAsOf(question)].find((w) => w && !NO_DOING.has(w.toLowerCase()));
  const doing = after && complementOf(question, after);
  return doing && tokenize(doing)[0] && !/^(?:the|a|an)$/i.test(doing) && !GETTING.test(doing) ? doing : undefined;
}

/**
 * A verb that takes another as its complement ("who helped write the playbook?", "who tried to fix it?", "who started
 * building it?"): the doing asked is the complement's, the writing, not the helping.
 */
const CATENATIVE =
  /^(?:help(?:s|ed|ing)?|tr(?:y|ies|ied|ying)|manag(?:e|es|ed|ing)|attempt(?:s|ed|ing)?|start(?:s|ed|ing)?|beg(?:in|ins|an|un)|continu(?:e|es|ed|ing)|decid(?:e|es|ed|ing)|agree(?:s|d|ing)?|offer(?:s|ed|ing)?|fail(?:s|ed|ing)?)$/i;

/** What follows a catenative verb: "to" and a verb, an -ing form, or (after "help") a bare verb. */
function complementOf(question: string, verb: string): string {
  if (!CATENATIVE.test(verb)) return verb;
  const next = new RegExp(String.raw`\b${verb}\s+(to\s+)?([\p{L}-]+)`, 'iu').exec(question);
  const [, to, word] = next ?? [];
  if (!word || /^(?:the|a|an|this|that|these|those|its|their|our|his|her|them|him|us|me|you|it)$/i.test(word))
    return verb;
  const bareAfterHelp = /^help/i.test(verb) && !/s$/i.test(word);
  return to || /ing$/i.test(word) || bareAfterHelp ? word : verb;
}

/**
 * "Which departments got new digital leaders?", "who's getting the contract?": "get" says only that something came to
 * them, however the passage words it ("have appointed new Digital Leaders"); the thing got is what is asked about. So
 * does "work on" of a part taken ("which agencies worked on the Benefits.gov discovery?" — "In collaboration with DOL,
 * OMB and USA.gov, the 10x team led a discovery effort").
 */
const GETTING = /^(?:get|gets|got|gotten|getting|work|works|worked|working)$/i;

/** "Who did/does/do" and the subject and verb after it, up to a preposition, a particle or the end of the clause. */
const DO_SUPPORT =
  /\bwho\s+(?:did|does|do)\s+((?:[\p{L}.&-]+\s+){0,3}?[\p{L}-]+)(?=\s+(?:with|to|for|in|on|at|about|from|by|as|up|out|into|during|after|before|when|over)\b|\s*[?？.!,;]|\s*$)/iu;

/** Kinds of body a report is by or about, which "the …'s" refers back to. */
const SUBJECT_KINDS =
  /^(?:agency|department|government|organi[sz]ation|office|administration|ministry|bureau|service|team|unit|company|county|city|town|state|province|country|region)$/i;

/**
 * The owner a question names in the possessive before what it asks about ("the CEO's salary" → ceo), as an index term;
 * not a time ("last year's", "today's"), a question word ("what's"), nor the kind of body a report is by ("the agency's
 * employees", "the county's budget": the report's own subject, which its passages need not name).
 */
function ownerOf(question: string): string | undefined {
  // The first that is none of these ("what's the CEO's salary?" → ceo).
  const owner = [...question.matchAll(/(\b(?:the|this|its|our|their)\s+)?\b([\p{L}][\p{L}.-]*)['’]s\s+\p{L}/giu)].find(
    (m) =>
      !/^(?:what|who|where|when|how|that|it|there|here|let|he|she|year|today|yesterday|week|month)$/i.test(m[2]!) &&
      !(m[1] && SUBJECT_KINDS.test(m[2]!)),
  )?.[2];
  return owner === undefined ? undefined : tokenize(owner)[0];
}

/**
 * The nouns naming who does or undergoes what a verb says, made by English's agent and patient suffixes (-er, -or, -ee):
 * "employ" → employer, employee; "use" → user; "visit" → visitor; "attend" → attendee. As index terms, not the word's
 * own; those no report holds simply match nothing.
 */
function personNounsOf(word: string, term: string): string[] {
  // (Not a name or an abbreviation written in capitals: "CDS".)
  if (!/^\p{Ll}{3,}$/u.test(word)) return [];
  const base = word.endsWith('e') ? word.slice(0, -1) : word;
  const nouns = tokenize(['ee', 'er', 'or'].map((suffix) => base + suffix).join(' '));
  return [...new Set(nouns)].filter((n) => n !== term);
}

/** Small numbers written as words, stemmed as the index holds them: "two" for 2 … "twelv" for 12. */
const NUMERAL_WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelv'];
const ORDINAL_WORDS = 'first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth'.split(' ');

/**
 * A small number a question writes in figures, as the word a report may write instead ("2 big themes" are "two
 * pillars", the "8th five-year plan" the "Eighth Five Year Plan"): another form of the same word. Not "1" ("one" is
 * also a pronoun), not past twelve (written in figures), not a part of a decimal or a code ("PM2.5"); nor the other
 * way, a word as a figure ("five-year" is not "5"). Zuoyun's hit@1 with all three reports in one index 0.827 → 0.836
 * (a Chinese answer up too); no other answer of the three reports, alone or together, or of the off-topic set moved.
 */
function numeralTwin(term: string, before: string, after: string): string[] {
  if (!/^\d+$/.test(term) || /[\w.,]$/.test(before)) return [];
  if (ORDINAL_SUFFIX.test(after)) return ORDINAL_WORDS.slice(Number(term) - 1, Number(term)).filter(Boolean);
  const word = NUMERAL_WORDS[Number(term) - 2];
  return word && !/^[.,]?\w/.test(after) ? [word] : [];
}

/** "What" as the subject of a verb: "what comes after …", "what happens if …", "what goes into …". */
const WHAT_DOES =
  /^what\s+[a-z]+(?:s|ed)\s+(?:after|before|next|if|when|to|into|with|about|between|during|from|on|in|out|up|first|then|now)\b/i;

/** Words after "which" / "what" that name no kind of thing: a figure, a part, a time, a pronoun. */
const NOT_A_KIND =
  /^(?:percentage|percent|proportion|share|fraction|number|amount|rate|ratio|total|average|part|kind|type|sort|way|time|year|month|day|date|else|other|one|ones|sections?)$/i;

/**
 * The kind of thing a "which X" / "what X" question asks for, as an index term ("which browser do agencies use?" →
 * browser; "what kind of events" → event); undefined for a verb or a word naming no kind ("what is", "what fraction").
 */
export function askedKindOf(question: string): string | undefined {
  const m = /\b(?:which|what)\s+(?:(?:kinds?|types?|sorts?)\s+of\s+)?([a-z][\w-]*)\b(?!\s+of\b)/i.exec(question);
  const word = m?.[1];
  if (!word || NOT_A_KIND.test(word) || isAdverb(word)) return undefined;
  // "What comes after the foundational stage?", "what happens if …": "what" is the subject of a verb, no kind asked.
  if (WHAT_DOES.test(question.slice(m.index))) return undefined;
  return FRAMING.has(processTerm(word) ?? '') ? undefined : tokenize(word)[0];
}

/**
 * The head of the noun phrase a "what is the X (of …)" question asks for, as an index term ("what's the average age of
 * CDS employees" → age, "the uptime of the new site" → uptim); undefined when it is a word that only frames a figure
 * ("number", "total").
 */
export function askedHeadOf(question: string): string | undefined {
  const words = nounPhrase(/\bwhat(?:['’]s|s| is| was| are| were)?\s+(?:the|a|an)\s+(.*)/iu.exec(question)?.[1] ?? '');
  return measuredHead(words.flatMap((w) => tokenize(w)));
}

/**
 * The head of a noun phrase's terms, what a figure of it measures: its last term, but a word that frames a figure says
 * what is measured by the noun before it ("the conformance number" → conformance).
 */
function measuredHead(terms: string[]): string | undefined {
  let at = terms.length - 1;
  while (at >= 0 && FIGURE_FRAME.has(terms[at]!)) at--;
  return at >= 0 ? terms[at] : undefined;
}

/** "How big is the …", "how much was the …": the size of a thing asked, the noun phrase after. */
const SIZE_OF =
  /\bhow\s+(?:big|large|much|long|high|wide|deep|tall|heavy|old)\s+(?:is|was|are|were|will\s+be)\s+(?:the|a|an|this|that|its|their|our)\s+(.*)/iu;

/** Words after a thing whose size is asked that are not of its name: a time, a comparison, a verb of a clause. */
const SIZE_PHRASE_END = /^(?:now|then|today|currently|compared|vs|versus|than|gave|made|took|said|used|been)$/i;

/**
 * The head of the noun phrase whose size a "how big / how much / how long … is the X" question asks ("how big is the
 * government's budget deficit this year?" → deficit), as an index term; undefined for any other question. A report
 * that never mentions the thing cannot give its size.
 */
export function sizedHeadOf(question: string): string | undefined {
  // (A comparison or a time after the thing ends it too: "the inventory now vs originally", "the plan usds gave".)
  const phrase = nounPhrase(SIZE_OF.exec(question)?.[1] ?? '');
  const end = phrase.findIndex((w) => SIZE_PHRASE_END.test(w));
  return measuredHead((end < 0 ? phrase : phrase.slice(0, end)).flatMap((w) => tokenize(w)));
}

/**
 * What the words of a "how many" phrase say: the terms counted (for a Chinese question, those of its glosses:
 * countedInChinese), its head, an agent noun in it, whether it counts what happened.
 */
function countedPhrase(
  question: string,
  counted: string[],
  translated: Concept[],
): Pick<QuestionAnalysis, 'counted' | 'countedHead' | 'countedAgent' | 'countsEvents'> {
  if (COMPARES_BY.test(question)) return { counted: [], countsEvents: false };
  const chinese = counted.length ? undefined : countedInChinese(question, translated);
  return {
    counted: chinese?.terms ?? counted,
    countedHead: countedHeadOf(question) ?? chinese?.head,
    countedAgent: countedWordsOf(question).map(conflatedAgent).find(Boolean),
    countsEvents: countsEvents(question),
  };
}

/**
 * A verb or noun of money and what it is for: "spend on travel", "cost of the new system", "cost to run all these
 * services" (the verb after "to" is skipped, with the determiners), "funding for schools"; up to two words.
 */
const SPENT_ON =
  /\b(?:spend|spends|spent|spending|cost|costs|costing|pay|paid|invest|invested|budget|funding|funds?|funded)\s+(?:on|for|of|to\s+[\p{L}-]+)\s+(?:(?:the|a|an|all|these|those|this|that|its|their|our|his|her)\s+)*([\p{L}-]+(?:\s+[\p{L}-]+)?)/iu;

/** What a sum of money asked is for, as index terms (SPENT_ON), or undefined. */
function spentOnOf(question: string): string[] | undefined {
  const words = SPENT_ON.exec(question)?.[1];
  const terms = words ? tokenize(words).filter((t) => !isYear(t)) : [];
  return terms.length ? terms : undefined;
}

/** "有多少用户" (how many users), "多少起投诉": what follows 多少 or 几 and a measure word is what is counted. */
const COUNTED_ZH = /(?:多少|几)(?:个|位|名|项|家|次|件|份|条|所|款|台|种|起|户)?(\p{Script=Han}+)/u;

/**
 * What a Chinese question counts, as the English terms of the glosses of its noun phrase: the words after 多少 (and
 * its measure word) up to the first one the dictionary reads as a verb ("to …"), as "how many X" is read up to its verb
 * ("有多少个氢能试验项目" → hydrogen energy, trial, project). A passage naming none of them gives no count of it
 * (confidence.ts countsWhatIsAsked).
 */
function countedInChinese(question: string, translated: Concept[]): { terms: string[]; head?: string | undefined } {
  let rest = COUNTED_ZH.exec(question)?.[1];
  if (!rest) return { terms: [] };
  const terms: string[] = [];
  let head: string | undefined;
  for (const c of translated) {
    if (c.source === undefined || !rest.startsWith(c.source)) {
      if (terms.length) break;
      continue;
    }
    if (c.verb) break;
    // (Its dictionary readings, not those made of its characters' own glosses: 用户 is "user", not "use" + "household".)
    terms.push(...c.senses.flatMap((sense, i) => (c.glosses?.[i] ? sense.flat() : [])));
    // A Chinese noun phrase ends in its head (示范服务: a service): its first gloss, when one word.
    const first = c.senses[0]?.flat();
    head = first?.length === 1 && !HAN.test(first[0]!) ? first[0] : undefined;
    rest = rest.slice(c.source.length);
  }
  return { terms: [...new Set(terms.filter((t) => !HAN.test(t)))], head };
}

/**
 * The question as a model reads it. A model of English words cannot read Chinese: a translated question is given
 * as its words other than Chinese and the English glosses of its concepts' readings the reports bear
 * ("有多少个机构…回应…评估" → "agency respond assess evaluate …").
 */
export function modelReading(question: string, concepts: Concept[]): string {
  const translated = concepts.filter((c) => c.translated);
  if (!translated.length) return question;
  const glosses = translated.flatMap((c) => c.glosses?.find(Boolean) ?? []);
  return [question.replace(/\p{Script=Han}+/gu, ' '), ...glosses].join(' ').replace(/\s+/g, ' ').trim();
}

/** A translated concept without the words `keep` rejects (a reading left empty goes, with its gloss). */
function withoutWords(c: Concept, keep: (term: string) => boolean): Concept {
  // A Chinese word whose first two readings frame the question frames it in every reading (总体 "overall", "total" of
  // 总体满意度是多少 is not "completely", its fourth); one whose first alone does may mean something else too.
  const frames = (sense: string[][] | undefined): boolean => sense?.length === 1 && !sense[0]!.every(keep);
  if (c.translated && frames(c.senses[0]) && frames(c.senses[1])) return { ...c, senses: [] };
  const senses = c.senses.map((sense) => sense.filter((forms) => forms.every(keep)));
  return keepReadings({ ...c, senses }, (i) => senses[i]!.length > 0);
}

/**
 * Whether a question asks about what is to come or about what was done (undefined when it
 * says neither). A plan word in a past question ("was the plan for … approved?") names a
 * document, not an intention; an explicit future time wins over past auxiliaries.
 */
export function timeFrameOf(question: string): 'future' | 'past' | undefined {
  if (FUTURE_TIME.test(question) || (INTENTION.test(question) && !PAST_CUES.test(question))) return 'future';
  return PAST_CUES.test(question) ? 'past' : undefined;
}

/**
 * True when a section path is about what is to come ("Main arrangements for … the next
 * year", "Next steps", "Work plan for 2024"): where a report answers questions about plans.
 */
export function isForwardLooking(sectionPath: string[]): boolean {
  return sectionPath.some((h) =>
    /\b(next|coming|following) (year|stage|phase)\b|\bnext steps?\b|\b(upcoming|looking ahead|future (work|plans?|efforts?|actions?))\b|\b(arrangements?|plans?|tasks?) for (the )?(next|coming|following|(19|20)\d{2})\b|\boutlook\b|下一步|明年|下一年|工作(安排|打算|计划|思路)/i.test(
      h,
    ),
  );
}

/** "How many agencies", "how many new accounts": a plural noun counted, not a currency. */
const COUNTED_PLURAL =
  /\bhow many\s+(?:[a-z-]+\s+){0,3}?(?!(?:dollars|euros|pounds|yuan|cents|rmb)\b)[a-z-]*[^su\W]s\b/i;

/**
 * 多少小时, 几个人, 多少家, 多少个 (the classifier of countable things): a measure word or unit after "how many" says what
 * is counted, as a plural noun does ("10x投入了多少小时" counts hours, whatever 投入 "invest" says of money; 资助了多少个
 * 项目 counts projects, whatever 资助 "fund" says); not a sum (多少元).
 */
const COUNTED_UNIT_ZH =
  /(?:多少|几)个?(?:小时|钟头|分钟|天|日|周|星期|月|年|人|次|家|项|份|名|位|所|条|件|台|部|种|批|场|篇|张|户|辆)|(?:多少|几)个(?!百分点)/u;

/** "How many rate tables": a share's word before the plural noun a "how many" counts (kept: what precedes it). */
const SHARE_WORD_MODIFYING = /\b(how many\s+(?:[a-z]+\s+){0,2}?)(?:rate|ratio|share|percentage)\s+(?=[a-z]+s\b)/gi;

/** What kind of figure a figure question asks for; undefined when it does not say ("what was the total"). */

export function figureKindOf(question: string): FigureKind | undefined {
  if (RANK_CUES.test(question)) return 'rank';
  // "How many times cheaper is …": a factor ("20 times lower"), any figure, not a count of times.
  if (COMPARES_BY.test(question)) return undefined;
  // "How many rate tables …" counts tables: a share's word that modifies the plural noun counted asks for no share.
  if (SHARE_CUES.test(question.replace(SHARE_WORD_MODIFYING, '$1'))) return 'share';
  // "How often" is answered by a count ("seven times") or a share ("only 30% reported standardized testing"): GSA
  // answered only low 12 → 11, nothing else moved.
  if (HOW_OFTEN.test(question)) return undefined;
  // 是多少 after a noun of money asks its sum (平均工资是多少 "what is the average wage"), as "what is the budget" does.
  if (MONEY_VALUE_ZH.test(question)) return 'amount';
  if (CHANGE_OR_MEASURE.test(question)) return undefined;
  // "How many agencies got help … in the 2025 budget?" counts agencies: a plural noun after "how many" says what is
  // counted, whatever money the question names after it (not a currency: "how many dollars").
  if (COUNTED_PLURAL.test(question) || COUNTED_UNIT_ZH.test(question)) return 'count';
  // "How long did DDS spend building Move.mil?" asks for a length of time, not a sum spent.
  if ((AMOUNT_CUES.test(question) || SAVING_UNNAMED.test(question)) && !DURATION.test(question)) return 'amount';
  return COUNT_CUES.test(question) ? 'count' : undefined;
}

/**
 * A question asking for an extreme: a superlative adjective ("which part are they worst at?", "the best coverage"),
 * "the most / least …", "most" after its verb ("what did people complain about most in …?", "use most?") — not "most"
 * as "the majority of", before its noun ("in most agencies"), nor "top" as "senior" ("the county's top
 * leaders"), nor "the latest" (the report's figure is its latest), nor a word of a quoted name (the “最佳满足”, "Best
 * Meets" exceptions).
 */
function asksSuperlative(question: string): boolean {
  const q = question
    .replace(/["“][^"“”]*["”]/g, ' ')
    .replace(/\bthe (?:most|least)\b/gi, 'the best')
    .replace(
      /\b(?:most|least)\b(?!-| (?:common|popular|used|important|effective|frequent)\b|\s*(?:[?.!,;]|$)|\s+(?:in|on|at|for|from|with|about|during|among|across|when|often|overall)\b)/gi,
      ' ',
    )
    .replace(/\b(?:top|leading|latest|newest)\b/gi, ' ');
  return hasSuperlative(q);
}
