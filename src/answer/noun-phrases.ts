/**
 * The noun phrases of a question and of a text, read by their words: what a "how many" question counts (its head and
 * modifiers), what a figure in a text counts, what "what is X?" asks to have defined and whether a sentence defines it,
 * an agent noun the stemmer conflates with its verb. Pure.
 */
import { processTerm, tokenize, tokenizeWithOffsets } from '../search/tokenize.js';
import { figuresOfKind } from './figures.js';

/**
 * What a "how many" question counts: the words of the noun phrase after "how many", up to the verb, preposition,
 * determiner or adverb that ends it ("How many public rental housing flats will be completed …" → public, rental,
 * hous, flat; "how many standing (executive) meetings did …" → stand, meet). "How many times" counts occurrences,
 * whatever they are called: nothing then, as when the phrase is empty ("how many of them").
 */
export function countedOf(question: string): string[] {
  // "有多少人参观？" (how many people visited?) counts people, as "how many people" does.
  if (PEOPLE_COUNTED_ZH.test(question)) return tokenize('people');
  const words = countedWordsOf(question);
  // The phrase ends in its head, the plural the count is of, unless another plural or a conjunction follows ("sports
  // facilities", "rights and responsibilities items"): a word after it is the question's verb ("how many people work
  // at …", "how many pages use …").
  const continues = (w: string | undefined): boolean =>
    w !== undefined && (PLURAL_HEAD.test(w) || /^(?:and|or|&)$/i.test(w));
  let end = words.findIndex((w) => PLURAL_HEAD.test(w));
  while (end >= 0 && continues(words[end + 1])) end++;
  const phrase = end >= 0 ? words.slice(0, end + 1) : words;
  const terms = tokenize(phrase.join(' '));
  return terms.every((t) => t === 'time') ? [] : terms;
}

/**
 * The words before the head of what a "how many" question counts, as index terms: the modifiers that say which of them
 * ("how many visa applications" → visa; "how many French-speaking employees" → french, speak). English noun phrases end
 * in their head, the plural the count is of: the words after it are the question's verb ("how many agencies didn't
 * respond"). Empty when no plural head is found.
 */
export function countedModifiersOf(question: string): string[] {
  const words = countedWordsOf(question);
  const head = headAt(words);
  return head > 0 ? tokenize(words.slice(0, head).join(' ')) : [];
}

/**
 * The head of what a "how many" question counts, as an index term ("how many schools use …" → school; "how many usds
 * alumni …" → alumnus: the phrase's last plural, not a name written in lower case before it).
 */
export function countedHeadOf(question: string): string | undefined {
  const words = countedWordsOf(question);
  const head = headAt(words);
  return head < 0 ? undefined : tokenize(words[head]!)[0];
}

/**
 * Whether a "how many" question counts what happened, not what there is: the word after its counted noun is a verb in
 * the past ("how many websites moved to GOV.UK this quarter?", "how many agencies joined?"), not a form of "be" or
 * "have" ("how many services are on Sign In Canada?").
 */
export function countsEvents(question: string): boolean {
  const words = countedWordsOf(question);
  const head = headAt(words);
  return head >= 0 && PAST_VERB.test(words[head + 1] ?? '');
}

/** A verb in the past: a regular "-ed" or a common irregular one. */
const PAST_VERB =
  /^(?:\p{L}{2,}ed|won|made|built|began|came|went|left|got|took|grew|rose|fell|sent|sold|gave|became)$/iu;

/** Where the head of a question's counted phrase stands: its last plural before any word that is none. */
function headAt(words: string[]): number {
  let head = -1;
  for (const [i, w] of words.entries()) {
    if (isPlural(w)) head = i;
    else if (head >= 0) break;
  }
  return head;
}

/** "多少人", "几个人", "多少名…人": how many people (not 人次 visits, 人口 population, 人员 personnel, 人民 the people). */
const PEOPLE_COUNTED_ZH = /(?:多少|几)(?:个|位|名)?人(?![次口员民数])/u;

/** Words that count people whoever they are, as index terms. */
export const PEOPLE_TERMS = new Set(tokenize('people persons individuals'));

/**
 * What a figure in a text counts: the first plural noun of the noun phrase after it, as an index term ("3 300 national
 * security education district tutors have …" → tutor); undefined when the phrase has none ("one agency").
 */
export function countedAfter(text: string): string | undefined {
  const words = nounPhrase(text.trim());
  // "$150 preparing their taxes": a verb after the figure, not a noun it counts ("1.5M+ Registered users": a past
  // participle before its noun describes it); a possessive opens another phrase.
  const first = words[0] ?? '';
  if (/ing$/i.test(first) || (/ed$/i.test(first) && !isPlural(words[1] ?? ''))) return undefined;
  const own = words.findIndex((w) => /^(?:their|its|our|his|her|my|your)$/i.test(w));
  return pluralHead(own < 0 ? words : words.slice(0, own));
}

/**
 * What each count in digits of a text counts (countedAfter), in order; undefined where it cannot tell. A stat card's
 * "1.5M+" or "670K+" is one count, its letter the thousands or millions ("1.5M+ Registered users" counts users).
 */
export function countedByFigures(text: string): (string | undefined)[] {
  return textAfterCounts(text).map(countedAfter);
}

/** The text after each count in digits of a text, in order (a stat card's "1.5M+" is one count). */
function textAfterCounts(text: string): string[] {
  const counts = figuresOfKind(text, 'count');
  return [...counts.matchAll(/\d+(?:[.,]\d+)*(?:[KMB](?!\p{L}))?\+?/gu)].map((m) =>
    counts.slice(m.index + m[0].length),
  );
}

/**
 * The words before what each count in digits of a text counts (countedByFigures), as index terms, in order: "60 agency
 * and sub-agency collaborators" → agency, sub-agency (collaborators that are agencies); empty where it cannot tell.
 */
export function countModifiers(text: string): string[][] {
  return textAfterCounts(text).map((after) => {
    const words = nounPhrase(after.trim());
    const head = words.findIndex(isPlural);
    return head > 0 ? tokenize(words.slice(0, head).join(' ')) : [];
  });
}

/**
 * What each percentage of a text is a share of, as an index term ("50.2% of SSA customers start …" → custom, "67%
 * Percentage of partners who …" → partner); only a share followed by "of" and a plural noun says.
 */
export function sharesOf(text: string): string[] {
  return [...text.matchAll(SHARE_OF)].flatMap((m) => countedAfter(text.slice(m.index + m[0].length)) ?? []);
}

/** A percentage and the "of" that opens the whole it is a share of (the article after it aside). */
const SHARE_OF =
  /\d[\d.,]*\s*(?:%|％|percent\b|per cent\b)\s*(?:(?:percentage|share|proportion)\s+)?of\s+(?:the\s+|all\s+|our\s+|their\s+)?/gi;

function pluralHead(words: string[]): string | undefined {
  const head = words.find(isPlural);
  return head === undefined ? undefined : tokenize(head)[0];
}

/**
 * "How many usds staff are veterans?": what those counted are said to be, a plural noun after a copula, as written; a
 * count of the staff is no count of the veterans among them. Undefined for any other question (what they do is said in
 * other words too often to be required: "how many agencies sent in data" — "submissions from 212 agencies").
 */
export function countedAsOf(question: string): string | undefined {
  const after = /\bhow many\s+(.*)/iu.exec(question)?.[1];
  if (!after) return undefined;
  const words = after.split(/\s+/).map((w) => w.replace(/[^\p{L}'’-]/gu, ''));
  const copula = words.findIndex((w, i) => i > 0 && i <= MAX_PHRASE && /^(?:are|were|is|was)$/i.test(w));
  if (copula < 0 || !isPlural(words[copula - 1]!)) return undefined;
  const said = words[copula + 1];
  return said && isPlural(said) ? said : undefined;
}

/** Words of a counted phrase looked at for the copula after its head. */
const MAX_PHRASE = 5;

/** A plural noun (an abbreviation in capitals is none: "OAS", "USDS"). */
function isPlural(word: string): boolean {
  return PLURAL_HEAD.test(word) && !/^\p{Lu}+$/u.test(word);
}

/** A plural noun: a word in -s (not -ss, -us, -is) or an irregular plural. */
const PLURAL_HEAD =
  /^(?:\p{L}[\p{L}'’-]*[^sui's]s|people|children|men|women|staff|personnel|police|alumni|criteria|phenomena|curricula|indices|analyses)$/iu;

/**
 * "What is GC Notify?", "what are digital credentials", "GC Notify是什么？": the terms of what the question asks to have
 * defined, a noun phrase of up to four words and nothing after it; undefined for any other question ("what is the plan
 * for …").
 */
export function definedTermOf(question: string): string[] | undefined {
  // "What do the government's legal advisers actually do?": an adverb of emphasis and a possessor say nothing of what is
  // defined.
  question = question.replace(/\s+(?:actually|really|exactly|basically|even|anyway|anyways)\b/gi, '');
  question = question.replace(/\b(what\s+(?:does|do)\s+)(?:the\s+)?[\p{L}-]+['’]s\s+/iu, '$1');
  // ("What is rapid response at USDS?": where it is done says whose it is, not what it is.)
  question = question.replace(/\s+at\s+(?:the\s+)?[\p{L}.&-]+[\s?？.!]*$/iu, '');
  const said =
    // ("What's Notify.gov used for?", "what is the office responsible for?" ask what it does, as "what does it do" does.)
    /^\s*what(?:['’]s|\s+is|\s+are)\s+(?:an?\s+|the\s+)?(.+?)\s+(?:used\s+|responsible\s+)?for[\s?？.!]*$/iu.exec(
      question,
    )?.[1] ??
    /^\s*what(?:['’]s|\s+is|\s+are)\s+(?:an?\s+|the\s+)?(.+?)[\s?？.!]*$/iu.exec(question)?.[1] ??
    /^\s*what\s+(?:does|do)\s+(?:an?\s+|the\s+)?(.+?)\s+(?:do|mean)[\s?？.!]*$/iu.exec(question)?.[1] ??
    DEFINITION_ZH.exec(question)?.slice(1).find(Boolean);
  const words =
    said
      ?.replace(/["“”‘’']/g, ' ')
      .trim()
      .split(/\s+/) ?? [];
  if (!words.length || words.length > 4 || nounPhrase(words.join(' ')).length !== words.length) return undefined;
  const terms = tokenize(words.join(' '));
  return terms.length ? terms : undefined;
}

/** "GC Notify是什么？", "什么是GC Notify？": the name, in Latin letters, whose definition is asked. */
const DEFINITION_ZH =
  /^\s*([A-Za-z][\w .&'’-]*?)\s*是什么[\s?？。!！]*$|^\s*什么是\s*([A-Za-z][\w .&'’-]*?)[\s?？。!！]*$/u;

/**
 * A sentence defining what `terms` name: it opens with them (an article or an owner's name before them aside), perhaps
 * with its abbreviation after, and goes on with a copula and a noun phrase — "GC Notify is a cloud-based platform …",
 * "The Digital Service (USDS) is a group …"; or sets a description or examples off after them with a comma, or a gloss
 * in brackets.
 */
export function definesTerm(sentence: string, terms: string[]): boolean {
  // A gloss in brackets inside the term defines it as one after it does ("the ex parte (automatic) renewal process").
  const unglossed = sentence.replace(GLOSS, '');
  if (unglossed !== sentence && holds(unglossed, terms) && !holds(sentence, terms)) return true;
  const tokens = tokenizeWithOffsets(sentence);
  return tokens.some((start, at) => {
    if (!terms.every((t, i) => tokens[at + i]?.term === t)) return false;
    const after = sentence.slice(tokens[at + terms.length - 1]!.end);
    // The subject, perhaps after its owner's name ("The Federal Communications Commission's (FCC) Affordable
    // Connectivity Program (ACP) helps households …"), then a copula or a verb saying what it does.
    if ((at === 0 || OWNER.test(sentence.slice(0, start.start))) && COPULA_NOUN.test(after)) return true;
    // A relative clause set off by a comma describes what it follows ("employs legal advisers, who will participate
    // in …"), as an apposition does ("the GC Task Success Survey (TSS), a continuously-running website exit survey").
    // So does a gloss in brackets right after it ("the ex parte (automatic) renewal process"; not its abbreviation,
    // "(ACP)"), and examples set off after it ("“life events,” such as losing a loved one, …").
    // An apposition set off by a dash after the term's noun phrase says what it is ("The human-centered design research
    // process that USDS contributed—a problem-solving method that prioritizes research …").
    // A term set before a colon, opening its line, is defined after it ("Rapid response: In response to urgent
    // situations, USDS deploys teams …"): a list of definitions.
    if (at === 0 && /^\s*:\s*\S/.test(after)) return true;
    // A thing described and then named ("a new system that tracks and processes paperless appeals, called Caseflow").
    if (NAMED_AS.test(sentence.slice(0, start.start))) return true;
    return (
      DASH_APPOSITION.test(after) ||
      MEMBERS_LISTED.test(after) ||
      /^\s*(?:\([^)]*\)\s*)?,\s*(?:who|which|an?)\s/i.test(after) ||
      /^\s*\(\s*\p{Ll}[^)]*\)/u.test(after) ||
      /^["”’']?\s*,\s*["”’']?\s*such as\s/iu.test(after)
    );
  });
}

/** A dash in the same clause as the term (within 100 characters), then "a"/"an", a noun phrase and what it does ("—a method that …"). */
const DASH_APPOSITION = /^[^.;:—–]{0,100}?\s*[—–]\s*an?\s+[\p{L}-]+(?:\s+[\p{L}-]+){0,3}\s+(?:that|which|to|for)\s/u;

/**
 * Names listed after the term, in its clause, set off by a dash (or two hyphens) or a colon or introduced by "such as"
 * ("Trusted Traveler Programs (TTP)—Global Entry, NEXUS, SENTRI, and FAST—that …", "the three Action links at the top
 * of the page--Make an appointment, Ask a benefit question, and Check claim status"): a class is defined by its members.
 */
const MEMBERS_LISTED =
  /^[^.;:—–]{0,60}?(?:[—–:]|--|,?\s*(?:such as|including|namely)\s)\s*\p{Lu}[\p{L}\d .&'’-]*(?:,\s*\p{Lu}[\p{L}\d .&'’-]*)*,?\s+(?:and|or)\s+\p{Lu}/u;

/** A gloss in brackets, in lower case, with the space before it ("ex parte (automatic) renewal"; not "(ACP)"). */
/** A naming verb set off after what it names, right before the name: ", called", ", known as", ", dubbed". */
const NAMED_AS = /,\s*(?:called|known as|named|dubbed)\s+["“‘']?(?:the\s+)?$/i;

const GLOSS = /\s*\(\s*\p{Ll}[^)]*\)/gu;

/** True when `terms` stand side by side in a text. */
function holds(text: string, terms: string[]): boolean {
  const words = tokenize(text);
  return words.some((_, at) => terms.every((t, i) => words[at + i] === t));
}

/** A capitalised owner's name in the possessive, its abbreviation after it if any, opening a sentence. */
const OWNER = /^\s*(?:[Tt]he\s+)?(?:\p{Lu}[\p{L}.&-]*\s+){0,6}\p{Lu}[\p{L}.&-]*['’]s\s+(?:\([^)]*\)\s*)?$/u;

/**
 * A copula and the noun phrase it defines by, or the duty it names ("is responsible for …"), or a verb saying what it
 * does, after the abbreviation in brackets ("CDS is doing …" is no definition). A verb taking an infinitive says what it
 * needs or means to do ("needs to grow"); one with "to" and a noun phrase says what it does ("contributes to the …").
 */
const COPULA_NOUN =
  /^\s*(?:\([^)]*\)\s*)?(?:(?:is|are)\s+(?:a|an|the|one\s+of|(?:responsible|tasked|charged)\s+(?:for|with))|refers\s+to|means|(?!is\b|was\b|has\b)[a-z]{2,}s\b(?!\s+been\b)(?!\s+to\s+(?!(?:the|an?|its|their|our|this|these)\s))(?!\s+to\s*$))\s/i;

/** The words of the noun phrase after "how many" (or "the number of"), as written. */
export function countedWordsOf(question: string): string[] {
  // ("The number of X" asks how many X.)
  return nounPhrase(/\b(?:how many|number of)\s+(.*)/iu.exec(question.replace(/\([^)]*\)/g, ' '))?.[1] ?? '');
}

/** The words of the noun phrase a text begins with, as written: up to a verb, preposition, pronoun or adverb. */
export function nounPhrase(text: string): string[] {
  const words: string[] = [];
  // ("villages/communities": a slash joins alternatives, each a word.)
  for (const word of text.split(/\s+|(?<=\p{L})\/(?=\p{L})/u)) {
    const bare = word.replace(/[^\p{L}\d'’-]/gu, '');
    // "they've", "we'd": the pronoun ends it, as "they" does.
    if (!bare || NOUN_PHRASE_END.test(bare.replace(/['’](?:ve|re|ll|d|m)$/i, '')) || isAdverb(bare)) break;
    words.push(bare);
    // Punctuation after it ends the phrase; a dot inside it does not ("Canada.ca web pages").
    if (bare !== word.replace(/(?<=[\p{L}\d])\.(?=[\p{L}\d])/gu, '') || words.length === 5) break;
  }
  return words;
}

/**
 * An adverb in -ly ("actually", "newly", "currently"), which no noun phrase holds; not a noun or adjective that ends so
 * ("supply kits", "family doctors", "daily logins", "monthly users": a -ly made from a noun of time or kin is an
 * adjective).
 */
export function isAdverb(word: string): boolean {
  return /ly$/i.test(word) && !NOT_ADVERBS.test(word);
}

/** Nouns and adjectives in -ly. */
const NOT_ADVERBS =
  /^(?:supply|apply|family|assembly|ally|reply|rally|anomaly|monopoly|butterfly|(?:bi)?(?:daily|weekly|monthly|quarterly|yearly|hourly|nightly)|elderly|early|friendly|costly|lonely|homely|orderly|lowly|holy|jelly|belly|bully|lily|italy|july)$/i;

/**
 * An agent noun in -er that Porter's stemmer reads as the word it is made from ("officers" → "offic", as "office";
 * "managers" → "manag", as "manage"), singular and lower case; undefined for any other word ("workers" stays "worker").
 */
export function conflatedAgent(word: string): string | undefined {
  const singular = /^(\p{L}{3,}er)s?$/u.exec(word.toLowerCase())?.[1];
  if (!singular) return undefined;
  const stem = processTerm(singular);
  return stem && stem === processTerm(singular.slice(0, -2)) && !stem.endsWith('er') ? singular : undefined;
}

/** Words that end the noun phrase after "how many": verbs, prepositions, pronouns, determiners ("hours a week"). */
const NOUN_PHRASE_END =
  /^(did|do|does|were|was|are|is|have|has|had|will|would|can|could|should|got|get|gets|of|in|at|on|for|from|by|about|with|to|that|which|who|whose|across|during|over|under|per|into|through|between|among|there|they|we|you|it|he|she|a|an|the|each|every|this|these|those)$/i;
