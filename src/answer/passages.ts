/**
 * From ranked sentences to what the reader is shown: the best passages as quote spans (a sentence grown to its
 * neighbours, a list's lead-in with its first item; a table row, a list item, an attribution or a signature's title
 * with what opens it), their citations, and a refusal's nearest sections. Pure.
 */
import {
  introOf,
  isAttribution,
  isLeadIn,
  isTableRow,
  paragraphText,
  parentItemOf,
  statCardOf,
  tableHeaderAt,
} from '../corpus/lists.js';
import type { ParsedReport } from '../corpus/types.js';
import { namesAnOffice } from './question.js';
import { selectSentences, type Sentence } from './quote.js';
import type { Answer, AnswerItem, Quote } from './types.js';

/** A sentence as ranked for a question, in its paragraph. */
export interface RankedSentence {
  report: ParsedReport;
  paragraph: number;
  /** All sentences of its paragraph (scored), and its own position among them. */
  sentences: Sentence[];
  index: number;
  score: number;
  coverage: number;
  literal: number;
  /** Relatedness of the sentence's dense similarity (see confidence.ts), when a model ran. */
  related?: number | undefined;
  /**
   * The header or signature line a question about the document asks for (rank.ts linesAsked), of the report
   * it means.
   */
  field?: boolean | undefined;
  /**
   * A line asked for by what it is, of one of several reports none of which the question names ("what are the main
   * themes of the report?" among three): which report is meant is unknown, so it is shown with low confidence at most.
   */
  unsure?: boolean | undefined;
}

/**
 * The best `limit` quotes: each grown around a top sentence (selectSentences), skipping sentences already inside a
 * chosen quote and quotes whose words were quoted already, so "other matches" are other passages, even from the same
 * paragraph. (Other paragraphs first was tried: the answer is often the next sentence of the same paragraph, and
 * hit@3 fell by 0.04 on both dev sets.) Each span opens with what it is read with (withIntro); two items of one list,
 * each quoted from the lead-in, are one quote: the earlier one grows to hold the later.
 */
export function pickQuotes(
  ranked: RankedSentence[],
  limit: number,
): { s: RankedSentence; span: { start: number; end: number } }[] {
  const picked: { s: RankedSentence; own: { start: number; end: number }; span: { start: number; end: number } }[] = [];
  const texts = new Set<string>();
  const overlapping = (s: RankedSentence, start: number, end: number, of: 'own' | 'span') =>
    picked.find((p) => p.s.report === s.report && start < p[of].end && end > p[of].start);
  for (const s of ranked) {
    if (picked.length >= limit) break;
    const sentence = s.sentences[s.index]!;
    if (overlapping(s, sentence.start, sentence.end, 'span')) continue;
    const own = ownSpan(s);
    if (overlapping(s, own.start, own.end, 'own')) continue;
    // The same words twice (a title repeated in a report's header) are one match, not two.
    const text = s.report.text.slice(own.start, own.end).replace(/\s+/g, ' ');
    if (texts.has(text)) continue;
    texts.add(text);
    const span = withIntro(s.report, s.paragraph, own);
    const shared = overlapping(s, span.start, span.end, 'span');
    if (shared) {
      shared.span = { start: Math.min(shared.span.start, span.start), end: Math.max(shared.span.end, span.end) };
      continue;
    }
    picked.push({ s, own, span });
  }
  return picked.map(({ s, span }) => ({ s, span }));
}

/**
 * The span a top sentence is quoted with, before what opens it (withIntro): one to three sentences of its paragraph
 * (selectSentences) and what completes it (withWhatFollows); a table row whole, up to MAX_LEAD_IN_QUOTE characters, its
 * cells being read together ("Day from Conditional Offer to Final Offer = 16 days | In progress. Time reduced from 67
 * days in Q4 2015 to 20 days in Q3 2016.").
 */
export function ownSpan(s: RankedSentence): { start: number; end: number } {
  const p = s.report.paragraphs[s.paragraph - 1]!;
  const row = p.end - p.start <= MAX_LEAD_IN_QUOTE && isTableRow(paragraphText(s.report, s.paragraph));
  return withWhatFollows(s.report, s.paragraph, row ? p : selectSentences(s.sentences, s.index));
}

/** Longest quote that a list's lead-in grows to with its first item. */
const MAX_LEAD_IN_QUOTE = 500;
/** Longest quote of a quotation with the attribution line under it: who said it is read with what was said. */
const MAX_QUOTATION = 800;

/**
 * A quote ending its paragraph runs on to the paragraph after it when that completes it: the first item of the list it
 * leads into ("Of the 15 agencies that received complaints …:"), the item nested under it ("1. Veterans will generally
 * agree …" / "2. PARTLY TRUE: …"), or the attribution line under a quotation ("… with as
 * little friction as possible." / "– Cori Zarek, Deputy Administrator …": who said it is part of what it says). Up to
 * MAX_LEAD_IN_QUOTE characters in all, MAX_QUOTATION for a quotation and its attribution.
 */
export function withWhatFollows(
  report: ParsedReport,
  n: number,
  span: { start: number; end: number },
): { start: number; end: number } {
  const p = report.paragraphs[n - 1]!;
  const next = report.paragraphs[n];
  if (span.end !== p.end || !next) return span;
  const signed = p.role === 'body' && isAttribution(paragraphText(report, n + 1));
  // (An item's quote runs on to the item under it that elaborates it: a hypothesis to its verdict.)
  const completes = introOf(report, n + 1) === n || parentItemOf(report, n + 1) === n || signed;
  const limit = signed ? MAX_QUOTATION : MAX_LEAD_IN_QUOTE;
  return completes && next.end - span.start <= limit ? { start: span.start, end: next.end } : span;
}

/**
 * A table row's or list item's quote opens with what it is read with: its table's header row or label ("ICT Type | … |
 * Percentage tested that fully conform Public-Facing Web Pages | 41 | 1,683,529* | 37% | 72%"), or its list's lead-in
 * ("Sixty agencies submitted data, comprising: 8 very large agencies …"): a row or an item alone says little. The
 * quote stays one span of the report, so the rows or items between come too, up to 500 characters in all; past that
 * the span is left as it is.
 */
export function withIntro(
  report: ParsedReport,
  n: number,
  span: { start: number; end: number },
): { start: number; end: number } {
  const limit = isAttribution(paragraphText(report, n)) ? MAX_QUOTATION : MAX_LEAD_IN_QUOTE;
  const intro = introsQuotedWith(report, n)
    .map((k) => report.paragraphs[k - 1]!)
    .find((p) => p.start < span.start && span.end - p.start <= limit);
  return intro ? { start: intro.start, end: span.end } : span;
}

/**
 * The paragraphs a quote of paragraph `n` may open with, the farthest first: a table's header row or label, a list's
 * lead-in, for an attribution line the quotation it signs, or for a sub-item the item it elaborates, itself read with
 * its own lead-in ("Working with partners across the GC:" / "■ GC Design System team developed …" / "❏ DTO team …").
 */
function introsQuotedWith(report: ParsedReport, n: number): number[] {
  const k = introQuotedWith(report, n);
  if (k === undefined) return [];
  return parentItemOf(report, n) === k ? [...introsQuotedWith(report, k), k] : [k];
}

/** The paragraph a quote of paragraph `n` opens with, if any (introsQuotedWith). */
function introQuotedWith(report: ParsedReport, n: number): number | undefined {
  const header = tableHeaderAt(report, n);
  if (header !== undefined) return header;
  const text = (k: number): string => paragraphText(report, k);
  if (n > 1 && report.paragraphs[n - 2]!.role === 'body' && isAttribution(text(n))) return n - 1;
  // A signature's title line ("Chief Executive Officer, Canadian Digital Service") under the name it is of.
  if (n > 1 && isNameLine(text(n - 1)) && namesAnOffice(text(n).split(',')[0]!)) return n - 1;
  // A bulleted line under a stat card ("■ SCCs receive higher satisfaction ratings …" under "72% Overall satisfaction").
  const card = statCardOf(report, n);
  if (card !== undefined) return card;
  // A sub-item or a description under the item it elaborates ("■ Canadian Armed Forces (CAF)" over "Mandated that …").
  const item = parentItemOf(report, n);
  if (item !== undefined) return item;
  const k = introOf(report, n);
  return k !== undefined && isLeadIn(text(k)) ? k : undefined;
}

/** A line that is only a person's name: two to four capitalised words or initials ("Paul N. Wagner"). */
function isNameLine(text: string): boolean {
  return text.length <= 40 && /^(?:\p{Lu}[\p{L}'’-]*\.?\s+){1,3}\p{Lu}[\p{L}'’-]*,?$/u.test(text.trim());
}

/** The first sentence of each paragraph, up to `limit` paragraphs. */
export function distinctParagraphs(ranked: RankedSentence[], limit: number): RankedSentence[] {
  const seen = new Set<string>();
  return ranked
    .filter((s) => {
      const key = `${s.report.id}#${s.paragraph}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, limit);
}

/**
 * A refusal's nearest sections: only where some word of the question is (an off-topic question gets none, not whatever
 * ranked first).
 */
export function nearestSections(ranked: RankedSentence[]): Answer['nearestSections'] {
  return distinctParagraphs(
    ranked.filter((s) => s.coverage > 0),
    3,
  ).map((s) => ({ reportId: s.report.id, section: sectionLabel(s.report, s.paragraph), paragraph: s.paragraph }));
}

/** One quoted passage with its citation. */
export function answerItem(s: RankedSentence, quote: Quote): AnswerItem {
  const p = s.report.paragraphs[s.paragraph - 1]!;
  return {
    quote,
    score: Math.round(s.score * 1000) / 1000,
    citation: {
      reportId: s.report.id,
      reportTitle: s.report.meta.title,
      reportShortTitle: s.report.meta.shortTitle,
      reportUrl: s.report.meta.url,
      section: sectionLabel(s.report, s.paragraph),
      paragraph: s.paragraph,
      page: p.page,
    },
    sectionPath: p.section,
  };
}

/** Section path of a paragraph for citations; paragraphs outside any section are cited by role. */
export function sectionLabel(report: ParsedReport, n: number): string {
  const p = report.paragraphs[n - 1]!;
  return p.section.length ? p.section.join(' › ') : 'Opening';
}
