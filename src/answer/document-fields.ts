/**
 * Questions about the report itself — when it came out, whom it was submitted to, who signed it — are answered by its
 * header and signature lines (corpus/parse.ts fieldOf), whatever else the question says: "this report" names the
 * document, not a report its text mentions ("When did Zuoyun put this report out?" is not asking about "the annual
 * report on … 2022" a meeting listened to). Pure.
 */
import type { TextField } from '../corpus/parse.js';
import type { ParsedReport } from '../corpus/types.js';

/** The document itself, named: "this report", "the address", 本报告 — not "the annual report on 2022", another one. */
const THE_DOCUMENT =
  /\b(?:this|the|your) (?:[\p{L}-]+ )?(?:report|document|address|assessment|paper|letter|note|foreword|preface|publication)\b(?! (?:on|of|for|about)\b)|本报告|该报告|这份报告|这个报告|本文件|这份文件|该文件/iu;
/** What is done to a document as a document: issued, published, put out, submitted, signed, written, authored. */
const ISSUING =
  /\b(?:publish(?:ed|es|ing)?|release[ds]?|issu(?:e|ed|es|ing)|put\b.{0,30}\bout|c[oa]me out|submit(?:ted)?|sign(?:ed|s|ing)?|wr[io]te|written|authored|prepared|produced|dated|sent|send|deliver(?:ed)?|present(?:ed)?)\b|发布|印发|发出|出台|签|提交|报送/i;
/** The document's own particulars named as such: "the author", "the publication date" (not "… of" another one). */
const THE_AUTHOR = /\bthe (?:author|authors|publisher|issuer)\b(?! of\b)/i;
const PUBLICATION_DATE =
  /\b(?:publication|release|issue) date\b(?! of\b)|\bdate of (?:publication|release|issue)\b(?! of\b)/i;
/** Its title asked for: "what's the report called?", "the name of this report", "report title". */
const TITLE = /\b(?:called|entitled|titled|title|name)\b|标题|题目|名称|叫什么/i;
/** The date a document bears, asked for: "what date", "the date on …". */
const ITS_DATE = /\bwhat date\b|\bthe date\b|日期/i;
/** What the document says, rather than what it is: "what date does the report give for …". */
const REPORTED = /\b(?:say|says|said|give|gives|mention|mentions|state|states|set|sets)\b/i;
/** "Which agency …": a body asked for, as "who" asks. */
const WHICH_BODY =
  /\bwhich (?:agency|department|office|body|bureau|ministry|government|authority|organi[sz]ation)\b|哪个(?:部门|机构|单位)/i;
const WHEN = /\b(?:when|what (?:date|day)|which (?:date|day)|what time)\b|什么时候|何时|哪天|哪一天|日期/i;
const TO_WHOM =
  /\b(?:submitted|addressed|sent|delivered|presented|written|directed) to\b|\bto whom\b|\bwho\b.{0,40}\bfor\b|报送|呈报|提交给|报给|上报|致/i;
const WHO = /\bwho\b|谁/i;
const SIGNING = /\bsign(?:ed|s|ing)?\b|签/i;
/**
 * The issuer's address asked for: "what's cds's street address?", "their mailing address", "the address of the usds
 * office" — not "the address" alone (a policy address is a speech), nor "address the backlog", nor headquarters (a
 * topic: "regional headquarters").
 */
const ADDRESS_ASKED =
  /\b(?:street|postal|mailing|office|physical|contact)\s+address(?:es)?\b|['’]s\s+address\b|\b(?:the|its|their|an?)\s+address\s+(?:of|for)\b|地址/i;
/** Its number asked for: "the document number", 文号 — a particular of a document whatever else the question says. */
const DOCUMENT_NUMBER = /\b(?:document|file|reference|doc)\s+(?:number|no\b\.?|#)|文号|发文字号|文件编号/i;
const INDEX_NUMBER = /\bindex\s+(?:number|no\b\.?)|索引号/i;
/** "Issued" asks for the date of issue ("Date of issue: …") before the date published. */
const ISSUED = /\bissu(?:e|ed|es|ing)\b|印发/i;

/**
 * The header and signature fields that answer a question about the document itself, best first; none for any other
 * question.
 */
export function documentFieldsAsked(question: string): TextField[] {
  const who = WHO.test(question) || WHICH_BODY.test(question);
  // "Who is the author?", "publication date?": the particular names the document whose it is.
  if (who && THE_AUTHOR.test(question)) return ['issuer', 'signature'];
  if (PUBLICATION_DATE.test(question)) return whenIssued(question);
  if (ADDRESS_ASKED.test(question)) return ['address'];
  if (INDEX_NUMBER.test(question)) return ['indexNumber'];
  if (DOCUMENT_NUMBER.test(question)) return ['documentNumber', 'indexNumber'];
  if (!THE_DOCUMENT.test(question)) return [];
  if (TO_WHOM.test(question)) return ['addressee'];
  if (/\bwhat\b|什么/i.test(question) && TITLE.test(question)) return ['title'];
  // "What date is the report from?", "what's the date on this report?": the date it bears (not one it gives).
  if (ITS_DATE.test(question) && !REPORTED.test(question)) return whenIssued(question);
  if (!ISSUING.test(question)) return [];
  if (WHEN.test(question)) return whenIssued(question);
  if (who) return SIGNING.test(question) ? ['signature', 'issuer'] : ['issuer', 'signature'];
  return [];
}

/** The dates a "when" question about the document asks for, best first: signed, issued or published. */
function whenIssued(question: string): TextField[] {
  if (SIGNING.test(question)) return ['signedDate', 'date', 'published'];
  return ISSUED.test(question) ? ['date', 'published', 'signedDate'] : ['published', 'date', 'signedDate'];
}

/** Nouns a report is called by, in a question or in its own text ("this report", "the Policy Address"). */
const DOCUMENT_NOUN = String.raw`(?:report|document|address|assessment|paper|publication|review|speech|plan|strategy)`;

/**
 * What the document as a whole is about, asked: "what is this report about?", "the main themes of the address", "sum up
 * the report", "what are the 2 big themes the whole address is built around", 这份报告主要讲了什么.
 */
const OVERVIEW = new RegExp(
  [
    String.raw`\bwh?at(?:'s|’s|s| is| are| was)? (?:this|the|that|your|it)\b(?: (?:whole |entire |annual |policy |impact )?${DOCUMENT_NOUN})? (?:all )?about\b`,
    String.raw`\bwhat does (?:this|the) (?:[\p{L}-]+ )?${DOCUMENT_NOUN} (?:cover|deal with|focus on|talk about)\b`,
    String.raw`\b(?:main|key|big|central|overall|core|major) (?:themes?|points?|messages?|topics?|focus|ideas?|takeaways?|pillars?|priorities)\b.*\b(?:this|the|that) (?:whole |entire )?(?:[\p{L}-]+ )?${DOCUMENT_NOUN}\b`,
    String.raw`\b(?:summari[sz]e|sum up|summary of|gist of|overview of)\b.*\b(?:this|the|that) (?:[\p{L}-]+ )?${DOCUMENT_NOUN}\b`,
    String.raw`\b(?:this|the) (?:whole |entire )?${DOCUMENT_NOUN} (?:is )?(?:built|based|centred|centered|structured|organi[sz]ed) around\b`,
    String.raw`\bpurpose of (?:this|the) (?:[\p{L}-]+ )?${DOCUMENT_NOUN}\b`,
    '(?:报告|文件)(?:主要)?(?:讲|说|写|谈)了?(?:什么|些什么|哪些)|(?:报告|文件)的?(?:主要内容|主题|要点|重点)|是关于什么的',
  ].join('|'),
  'iu',
);

/**
 * Whether a question asks what the document as a whole is about (its lead's self-description answers: selfDescribed).
 * (A message that is only such a request, "what is this report about?", is read before as one: message.ts
 * asksForOverview; the bot shows the report's contents.)
 */
export function asksOverview(question: string): boolean {
  return OVERVIEW.test(question);
}

/** What a document does when it describes itself ("This report covers …", "The Policy Address … is anchored in …"). */
const CONTENT_VERBS = [
  'covers?',
  'describes?',
  'sets out',
  'outlines?',
  'presents?',
  'summari[sz]es?',
  'reports on',
  'reviews?',
  'examines?',
  'establishes',
  'focus(?:es)? on',
  'serves as',
  'builds on',
  'takes a',
  'looks at',
  'highlights?',
  'elaborates? on',
  'concludes with',
  'encompasses',
  'is (?:anchored|built|centred|centered|structured|organi[sz]ed|based|about|divided)',
  'aims?',
  'seeks?',
  'explores?',
  'documents',
  'details',
].join('|');

/** Body paragraphs from the top in which a report may say what it is about: an introduction's. */
const INTRODUCTION = 12;

/**
 * The paragraphs near its top in which a report describes itself — names itself as "this report", "the Policy Address
 * this year", "the FY 2025 … Assessment", or introduces itself as "the report … is as follows" — in their order: what
 * the document is about, in its own words, for a question asking so. Pure.
 */
export function selfDescribed(report: ParsedReport): number[] {
  const ownNouns = (report.meta.title.match(new RegExp(String.raw`\b${DOCUMENT_NOUN}\b`, 'giu')) ?? []).map((w) =>
    w.toLowerCase(),
  );
  // (Its kind of document in either case; between "this" and it only the words of a name or a year — "the FY 2025
  // Governmentwide Section 508 Assessment", "This Policy Address" — or "annual": not "the county government will
  // report one normative document", a verb.)
  const nouns = [...new Set(['report', 'document', ...ownNouns])].flatMap((n) => [n, n[0]!.toUpperCase() + n.slice(1)]);
  // …and says what it does: covers, sets out, is anchored in (not "GSA prepared this report, in consultation with …").
  const itself = new RegExp(
    String.raw`\b(?:[Tt]his|[Tt]he|[Oo]ur)\s+(?:(?:\p{Lu}[\p{L}\d-]*|\d+|annual|present|whole)\s+){0,6}(?:${nouns.join('|')})\b(?!\s+(?:of|for|to|from)\b)[^.;:!?]{0,60}?\b(?:${CONTENT_VERBS})\b|\bas follows\s*[:：]`,
    'u',
  );
  return report.paragraphs
    .filter((p) => p.role === 'body')
    .slice(0, INTRODUCTION)
    .filter((p) => itself.test(report.text.slice(p.start, p.end)))
    .map((p) => p.n);
}
