/**
 * Telegram HTML for replies. Pure. Every piece of report text goes through escapeHtml;
 * every title, heading and quote is clipped to a budget at a sentence or word boundary
 * (clipText, clipQuote: each side of the "…" verbatim), and long replies are split
 * between self-contained pieces (paragraphs, then sentences, then words, closing and
 * re-opening any tag at the cut), so no message exceeds 4096 characters and no tag or
 * entity is ever cut.
 */
import { markQuote } from '../answer/format.js';
import type { Answer, AnswerItem, Quote } from '../answer/types.js';
import { splitSentences } from '../corpus/sentences.js';
import type { ParsedReport } from '../corpus/types.js';
import type { Strings } from './i18n.js';

export const MAX_MESSAGE = 4096;
/** Budgets (characters of plain text) that keep one answer card well under MAX_MESSAGE. */
export const MAX_QUOTE = 1500;
export const MAX_TITLE = 200;
export const MAX_SECTION = 300;
/** A heading line in an outline, or one nearest-section line of a refusal. */
export const MAX_LABEL = 160;

/**
 * `text` clipped to at most `max` characters at the last sentence end, else word break,
 * before the limit, with "…" appended. Text that fits is returned unchanged.
 */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  const sentenceEnd = Math.max(head.lastIndexOf('. '), head.lastIndexOf('。'), head.lastIndexOf('; '));
  const space = head.lastIndexOf(' ');
  let cut = sentenceEnd >= max / 2 ? sentenceEnd + 1 : space >= max / 2 ? space : max - 1;
  // Never split a surrogate pair (an emoji would become an invalid character).
  if (/[\uD800-\uDBFF]/.test(text.charAt(cut - 1))) cut--;
  return `${text.slice(0, cut).trimEnd()}…`;
}

/**
 * A quote clipped to `max` characters for display: a window at word boundaries around
 * its first highlight, "…" marking each side cut. The text either side stays verbatim.
 */
export function clipQuote(quote: Quote, max = MAX_QUOTE): Quote {
  const text = quote.text;
  if (text.length <= max) return quote;
  const first = quote.highlights.length ? Math.min(...quote.highlights.map((h) => h.start)) : 0;
  let start = first > max / 3 ? text.lastIndexOf(' ', first - Math.floor(max / 4)) + 1 : 0;
  if (start < 0) start = 0;
  const lead = start > 0 ? '…' : '';
  const body = clipText(text.slice(start), max - lead.length);
  const shift = lead.length - start;
  const end = start + body.length - (body === text.slice(start) ? 0 : 1);
  const highlights = quote.highlights.filter((h) => h.start >= start && h.end <= end).map((h) => ({ start: h.start + shift, end: h.end + shift }));
  return { ...quote, text: lead + body, highlights };
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * One quote with its marked words and citation.
 * @param header a line above the quote ("Match 2 of 3")
 * @param caveat an italic line saying these are only the closest passages (low confidence)
 */
export function answerHtml(item: AnswerItem, header = '', caveat = ''): string {
  const quote = markQuote(clipQuote(item.quote), '<b>', '</b>', escapeHtml);
  const c = item.citation;
  return `${caveat ? `<i>${escapeHtml(clipText(caveat, MAX_LABEL))}</i>\n` : ''}${header ? `${escapeHtml(clipText(header, MAX_LABEL))}\n\n` : ''}«<i>${quote}</i>»\n\n— <b>${escapeHtml(clipText(c.reportTitle, MAX_TITLE))}</b>\n${escapeHtml(clipText(c.section, MAX_SECTION))} · ¶${c.paragraph}`;
}

/** The refusal, with the nearest sections listed (buttons are added by the caller). */
export function refusalHtml(answer: Answer, t: Strings): string {
  if (!answer.nearestSections.length) return escapeHtml(t.notCovered);
  return `${escapeHtml(t.notCovered)}\n\n${escapeHtml(t.nearest)}\n${answer.nearestSections.map((s) => `• ${escapeHtml(clipText(s.section, MAX_LABEL))} · ¶${s.paragraph}`).join('\n')}`;
}

/**
 * Packs self-contained HTML pieces into messages of at most `limit` characters, joining
 * pieces with `separator`. A piece longer than `limit` on its own is cut on whitespace
 * (pieces are escaped text without tags when that can happen, see paragraphPieces).
 */
export function packMessages(pieces: string[], limit = MAX_MESSAGE, separator = '\n\n'): string[] {
  const messages: string[] = [];
  let current = '';
  for (const piece of pieces.flatMap((p) => (p.length > limit ? hardSplit(p, limit) : [p]))) {
    if (!current) current = piece;
    else if (current.length + separator.length + piece.length <= limit) current += separator + piece;
    else {
      messages.push(current);
      current = piece;
    }
  }
  if (current) messages.push(current);
  return messages;
}

/**
 * Cuts one HTML piece into parts of at most `limit` characters: at whitespace outside tags
 * and entities when there is some, else between characters; tags open at a cut are closed
 * at the end of the part and re-opened at the start of the next, so each part is valid alone.
 */
export function hardSplit(html: string, limit: number): string[] {
  const out: string[] = [];
  let open: string[] = [];
  let rest = html;
  while (reopen(open).length + rest.length > limit) {
    const prefix = reopen(open);
    const { cut, stack } = safeCut(rest, open, limit - prefix.length);
    out.push(prefix + rest.slice(0, cut).trimEnd() + close(stack));
    open = stack;
    rest = rest.slice(cut).trimStart();
  }
  if (rest) out.push(reopen(open) + rest);
  return out;
}

const reopen = (stack: string[]): string => stack.join('');
const close = (stack: string[]): string =>
  stack
    .map((tag) => `</${/^<(\w+)/.exec(tag)![1]}>`)
    .reverse()
    .join('');

/** The last safe cut within `budget` (room left for closing tags) and the tags open there. */
function safeCut(html: string, openAtStart: string[], budget: number): { cut: number; stack: string[] } {
  const stack = [...openAtStart];
  let best = { cut: 0, stack: [...stack], space: false };
  let i = 0;
  while (i < html.length) {
    const tag = html[i] === '<' ? /^<\/?(\w+)[^>]*>/.exec(html.slice(i)) : null;
    const entity = html[i] === '&' ? /^&[#\w]+;/.exec(html.slice(i)) : null;
    const width = tag?.[0].length ?? entity?.[0].length ?? (/[\uD800-\uDBFF]/.test(html[i]) ? 2 : 1);
    if (i + width + close(stack).length > budget) break;
    if (tag) {
      if (tag[0][1] === '/') stack.pop();
      else stack.push(tag[0]);
    }
    i += width;
    const space = /\s/.test(html[i] ?? '');
    if (!tag && (space || !best.space)) best = { cut: i, stack: [...stack], space };
  }
  // A budget too small for even one character still makes progress.
  if (best.cut === 0) best = { cut: Math.max(1, i), stack: [...stack], space: false };
  return { cut: best.cut, stack: best.stack };
}

/** A paragraph as message pieces: the whole escaped paragraph, or its sentences when it is too long. */
export function paragraphPieces(report: ParsedReport, n: number, limit = MAX_MESSAGE - 200): string[] {
  const p = report.paragraphs[n - 1];
  const text = report.text.slice(p.start, p.end).replace(/\s+/g, ' ');
  const label = `¶${n} `;
  if (label.length + escapeHtml(text).length <= limit) return [`<b>${label}</b>${escapeHtml(text)}`];
  const sentences = splitSentences(text).map((s) => escapeHtml(text.slice(s.start, s.end)));
  return [`<b>${label}</b>`, ...sentences];
}

/** Messages showing paragraphs `from`…`to` of a report with a heading line. */
export function contextMessages(report: ParsedReport, from: number, to: number): string[] {
  const first = Math.max(1, from);
  const last = Math.min(report.paragraphs.length, to);
  const section = report.paragraphs[first - 1]?.section.join(' › ') ?? '';
  const head = `<b>${escapeHtml(clipText(report.meta.title, MAX_TITLE))}</b>${section ? `\n${escapeHtml(clipText(section, MAX_SECTION))}` : ''}`;
  const pieces = [head];
  for (let n = first; n <= last; n++) pieces.push(...paragraphPieces(report, n));
  return packMessages(pieces);
}

/**
 * The outline of the section holding paragraph `n`: its path, then the headings and
 * item labels inside its top-level part, with paragraph numbers; the current one marked.
 */
export function sectionOutlineHtml(report: ParsedReport, n: number, t: Strings): string[] {
  const here = report.paragraphs[n - 1];
  const part = here.section[0];
  const lines = [`<b>${escapeHtml(t.sectionOutline)}</b> — ${escapeHtml(clipText(report.meta.title, MAX_TITLE))}`];
  let last = '';
  for (const p of report.paragraphs) {
    if (!part || p.section[0] !== part) continue;
    const label = p.section.at(-1)!;
    if (label === last) continue;
    last = label;
    const indent = '  '.repeat(p.section.length - 1);
    const line = `${escapeHtml(clipText(label, MAX_LABEL))} · ¶${p.n}`;
    lines.push(indent + (p.section.join('\u0000') === here.section.join('\u0000') ? `<b>${line}</b>` : line));
  }
  return packMessages(lines, MAX_MESSAGE, '\n');
}

/** One line per report for /reports and /start. */
export function reportLine(report: { meta: ParsedReport['meta'] }): string {
  const m = report.meta;
  const details = reportDetails(m);
  return `• <b>${escapeHtml(clipText(m.title, MAX_TITLE))}</b>${details ? `\n  ${details}` : ''}`;
}

/** Issuer · date · document number, escaped and clipped (empty when none is known). */
export function reportDetails(m: ParsedReport['meta']): string {
  return [m.issuer, m.date?.slice(0, 10), m.documentNumber]
    .filter((s): s is string => !!s)
    .map((s) => escapeHtml(clipText(s, MAX_LABEL)))
    .join(' · ');
}
