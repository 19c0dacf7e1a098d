/**
 * Telegram HTML for replies. Pure. Every piece of report text goes through escapeHtml;
 * every title, heading and quote is clipped to a budget at a sentence or word boundary
 * (clipText, clipQuote: each side of the "…" verbatim), and long replies are split
 * between self-contained pieces (paragraphs, then sentences, then words, closing and
 * re-opening any tag at the cut), so no message exceeds 4096 characters and no tag or
 * entity is ever cut.
 */
import { markQuote } from '../answer/format.js';
import { ORDINALS } from '../corpus/parse.js';
import { deriveShortTitle } from '../corpus/short-title.js';
import type { Answer, AnswerItem, Citation, Quote } from '../answer/types.js';
import { splitSentences } from '../corpus/sentences.js';
import type { ParsedReport } from '../corpus/types.js';
import type { Strings } from './i18n.js';
import { paragraphLink } from './callback-data.js';

export const MAX_MESSAGE = 4096;
/** Budgets (characters of plain text) that keep one answer card well under MAX_MESSAGE. */
const MAX_QUOTE = 1500;
export const MAX_TITLE = 200;
const MAX_SECTION = 300;
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
  const highlights = quote.highlights
    .filter((h) => h.start >= start && h.end <= end)
    .map((h) => ({ start: h.start + shift, end: h.end + shift }));
  return { ...quote, text: lead + body, highlights };
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Longest citation line under a quote (plain text). */
export const MAX_CITATION = 120;

/** The numbering a heading opens with: "1、", "(3)", "一、", "（二）", "Sixth,", "The second is". */
const NUMBERING = new RegExp(
  `^\\s*(?:(\\d{1,2})(?:\\s*[、．.]|\\s+(?=\\S))|([一二三四五六七八九十]{1,3})、|([(（](?:\\d{1,2}|[一二三四五六七八九十]{1,3})[)）])|(?:the\\s+)?(${ORDINALS})\\b)`,
  'iu',
);

/**
 * A section path by its numbers: ["1、 Main Measures…", "(3) The system…", "Sixth, consciously…"]
 * → "§1 › (3) › Sixth". A heading without a number is shown clipped; no path is "Opening".
 */
export function sectionNumbers(path: string[]): string {
  if (!path.length) return 'Opening';
  return path
    .map((heading, i) => {
      const m = NUMBERING.exec(heading);
      if (!m) return clipText(heading, 40);
      const number = m[1] ?? m[2] ?? m[3] ?? `${m[4]![0]!.toUpperCase()}${m[4]!.slice(1).toLowerCase()}`;
      return i === 0 && (m[1] || m[2]) ? `§${number}` : number;
    })
    .join(' › ');
}

/** "Zuoyun County 2023 Rule of Law Report · §1 › (3) › Sixth · ¶26": at most MAX_CITATION characters, plain text. */
export function shortCitation(c: Citation, sectionPath: string[]): string {
  const where = ` · ${clipText(sectionNumbers(sectionPath), 60)}${c.page ? ` · p. ${c.page}` : ''} · ¶${c.paragraph}`;
  // A report without a short name of its own is named by who issued it, its year and kind ("Zuoyun County 2023 Annual
  // Report").
  return (
    clipText(c.reportShortTitle ?? deriveShortTitle(c.reportTitle) ?? c.reportTitle, MAX_CITATION - where.length) +
    where
  );
}

/** The citation line of a card; with the bot's username its ¶ links to the paragraph (a deep link anyone can open). */
function citationHtml(c: Citation, sectionPath: string[], bot?: string): string {
  const line = escapeHtml(shortCitation(c, sectionPath));
  const label = `¶${c.paragraph}`;
  if (!bot || !line.endsWith(label)) return `📄 ${line}`;
  return `📄 ${line.slice(0, -label.length)}<a href="${escapeHtml(paragraphLink(bot, c.reportId, c.paragraph))}">${label}</a>`;
}

/** The text with lone surrogates (half a character, as a reader's client may send) replaced by U+FFFD. */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/**
 * One answer card: the quote in a blockquote with the question's distinctive words bold,
 * then a one-line citation. A low-confidence card opens with a warning line.
 * @param header a line above the quote ("Match 2 of 3", or the question an inline card answers)
 * @param caveat the warning that these are only the closest passages (low confidence)
 * @param bot the bot's username: the ¶ of the citation links to the paragraph
 */
export function answerHtml(item: AnswerItem, header = '', caveat = '', bot?: string): string {
  const quote = markQuote(clipQuote(item.quote), '<b>', '</b>', escapeHtml);
  const lines = [
    caveat ? `⚠️ <i>${escapeHtml(clipText(caveat, MAX_LABEL))}</i>` : '',
    // The header may echo what a reader typed (inline mode): lone surrogates become U+FFFD, as Telegram requires valid
    // UTF-16.
    header ? `<i>${escapeHtml(wellFormed(clipText(header, MAX_LABEL)))}</i>` : '',
    `<blockquote>${quote}</blockquote>`,
    citationHtml(item.citation, item.sectionPath, bot),
  ];
  return lines.filter(Boolean).join('\n');
}

/** The refusal, with the nearest sections listed (buttons are added by the caller). */
export function refusalHtml(answer: Answer, t: Strings): string {
  if (answer.notAQuestion) return escapeHtml(t.notAQuestion);
  // The nearest sections are the buttons under this text: listed once, there.
  return answer.nearestSections.length
    ? `${escapeHtml(t.notCovered)}\n${escapeHtml(t.nearest)}`
    : escapeHtml(t.notCovered);
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
    const width = tag?.[0].length ?? entity?.[0].length ?? (/[\uD800-\uDBFF]/.test(html[i]!) ? 2 : 1);
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
function paragraphPieces(report: ParsedReport, n: number, limit = MAX_MESSAGE - 200): string[] {
  const p = report.paragraphs[n - 1]!;
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
 * Section outline items shown at once (each a button; with ◀ ▶ and Less · Contents, 8 rows), and how long a label may
 * be there: the view stays under 1,000 characters.
 */
export const OUTLINE_WINDOW = 6;
const OUTLINE_LABEL = 90;

export interface OutlineWindow {
  html: string;
  /** The items shown, each opening its first body paragraph. */
  items: OutlineItem[];
  /** Where the windows before and after this one are centred (undefined: none). */
  earlier?: number | undefined;
  later?: number | undefined;
}

/**
 * The outline of the section holding paragraph `n`: the report's title, then up to
 * OUTLINE_WINDOW headings and item labels of its top-level part around `around` (default `n`),
 * with paragraph numbers, the one holding `n` marked, and how many come before and after.
 */
export function sectionOutline(report: ParsedReport, n: number, t: Strings, around = n): OutlineWindow {
  const here = report.paragraphs[n - 1]!.section.join('\u0000');
  const all = partItems(report, n);
  let centre = 0;
  all.forEach((item, i) => {
    if (item.start <= around) centre = i;
  });
  const start = Math.max(0, Math.min(centre - Math.floor(OUTLINE_WINDOW / 2) + 1, all.length - OUTLINE_WINDOW));
  const items = all.slice(start, start + OUTLINE_WINDOW);
  const lines = [
    `<b>${escapeHtml(t.sectionOutline)}</b> — ${escapeHtml(clipText(report.meta.shortTitle ?? report.meta.title, OUTLINE_LABEL))}`,
  ];
  if (start > 0) lines.push(`… ${t.outlineEarlier(start)}`);
  for (const item of items) {
    const line = `${escapeHtml(clipText(item.label, OUTLINE_LABEL))} · ¶${item.start}`;
    lines.push(
      '  '.repeat(Math.min(3, item.path.length - 1)) + (item.path.join('\u0000') === here ? `<b>${line}</b>` : line),
    );
  }
  const after = all.length - start - items.length;
  if (after > 0) lines.push(`… ${t.outlineLater(after)}`);
  return {
    html: packMessages(lines, MAX_MESSAGE, '\n')[0] ?? '',
    items,
    // Centred so that the next window starts where this one ends (or ends where it starts).
    earlier:
      start > 0 ? all[Math.max(0, start - OUTLINE_WINDOW + Math.floor(OUTLINE_WINDOW / 2) - 1)]!.start : undefined,
    later:
      after > 0
        ? all[Math.min(all.length - 1, start + items.length + Math.floor(OUTLINE_WINDOW / 2) - 1)]!.start
        : undefined,
  };
}

/** One line per report for /reports and /start. */
export function reportLine(report: { meta: ParsedReport['meta'] }): string {
  const m = report.meta;
  const details = [reportDetails(m), sourceLink(m.url)].filter(Boolean).join(' · ');
  return `• <b>${escapeHtml(clipText(m.title, MAX_TITLE))}</b>${details ? `\n  ${details}` : ''}`;
}

/** Longest web address linked: a longer one is no page address a publisher gives. */
const MAX_URL = 500;

/** Where the report is published, as a link named by its site ("🌐 www.section508.gov"); '' without a web address. */
function sourceLink(url: string | undefined): string {
  if (!url || url.length > MAX_URL) return '';
  let host: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return '';
    host = parsed.hostname;
  } catch {
    return '';
  }
  return `<a href="${escapeHtml(url)}">🌐 ${escapeHtml(host)}</a>`;
}

/** Issuer · date · document number, escaped and clipped (empty when none is known). */
export function reportDetails(m: ParsedReport['meta']): string {
  return [m.issuer, m.date?.slice(0, 10), m.documentNumber]
    .filter((s): s is string => !!s)
    .map((s) => escapeHtml(clipText(s, MAX_LABEL)))
    .join(' · ');
}

/** Room for a paragraph view inside one message, leaving space for the citation and tags. */
const VIEW_BUDGET = MAX_MESSAGE - 400;

/** Plain text of a span of the report, whitespace collapsed. */
const plain = (report: ParsedReport, start: number, end: number): string =>
  report.text.slice(start, end).replace(/\s+/g, ' ');

/** The last `max` characters of a text, cut at a word break, with "…" in front. */
function clipStart(text: string, max: number): string {
  if (text.length <= max) return text;
  const tail = text.slice(text.length - max + 1);
  const space = tail.indexOf(' ');
  return `…${space >= 0 && space < max / 2 ? tail.slice(space + 1) : tail}`;
}

/**
 * Paragraph `n` of a report as escaped HTML with the span `mark` (the quoted sentences) in
 * bold, clipped around the mark to `max` characters of text.
 */
function markedParagraph(
  report: ParsedReport,
  n: number,
  mark: { start: number; end: number } | undefined,
  max: number,
): string {
  const p = report.paragraphs[n - 1]!;
  if (!mark || mark.end <= p.start || mark.start >= p.end)
    return escapeHtml(clipText(plain(report, p.start, p.end).trim(), max));
  const start = Math.max(mark.start, p.start);
  const end = Math.min(mark.end, p.end);
  const marked = clipText(plain(report, start, end), max);
  const room = Math.max(0, max - marked.length);
  const before = clipStart(plain(report, p.start, start).trimStart(), Math.floor(room / 2));
  const after = clipText(plain(report, end, p.end).trimEnd(), room - before.length);
  return `${escapeHtml(before)}<b>${escapeHtml(marked)}</b>${escapeHtml(after)}`;
}

/**
 * An answer's paragraph, or its paragraph with the one before and after (`wider`), in one
 * message: the quoted sentences bold, the citation line below.
 */
export function paragraphViewHtml(report: ParsedReport, item: AnswerItem, wider: boolean, bot?: string): string {
  // Budgets count plain text; escaping ("&" → "&amp;") can make it longer, so shrink until it fits.
  let budget = VIEW_BUDGET;
  for (;;) {
    const html = renderParagraphView(report, item, wider, budget, bot);
    if (html.length <= MAX_MESSAGE || budget < 200) return html;
    budget = Math.floor((budget * (MAX_MESSAGE - 100)) / html.length);
  }
}

function renderParagraphView(
  report: ParsedReport,
  item: AnswerItem,
  wider: boolean,
  viewBudget: number,
  bot?: string,
): string {
  const n = item.citation.paragraph;
  const mark = { start: item.quote.start, end: item.quote.end };
  const citation = citationHtml(item.citation, item.sectionPath, bot);
  if (!wider) return `${markedParagraph(report, n, mark, viewBudget)}\n\n${citation}`;
  const around = [n - 1, n, n + 1].filter((k) => k >= 1 && k <= report.paragraphs.length);
  const budget = Math.floor(viewBudget / around.length) - 10;
  const body = around
    .map((k) => `<i>¶${k}</i> ${markedParagraph(report, k, k === n ? mark : undefined, budget)}`)
    .join('\n\n');
  return `${body}\n\n${citation}`;
}

/** Headings of a report's parts and subsections with the paragraph each starts at. */
export function tableOfContents(
  report: ParsedReport,
  depth = 2,
): { label: string; paragraph: number; path: string[] }[] {
  const out: { label: string; paragraph: number; path: string[] }[] = [];
  let last = '';
  for (const p of report.paragraphs) {
    // The lines about the report itself (title, header fields, signature) are no part of its contents.
    if (!p.section.length || p.section.length > depth || (p.role !== 'body' && p.role !== 'heading')) continue;
    const key = p.section.join('\u0000');
    if (key === last) continue;
    last = key;
    out.push({ label: p.section.at(-1)!, paragraph: firstBody(report, p.n), path: p.section });
  }
  return out;
}

/**
 * A heading or item of a report: its label and path, the paragraph it starts at, and the first body paragraph under it
 * (what its button opens).
 */
export interface OutlineItem {
  label: string;
  start: number;
  paragraph: number;
  path: string[];
}

/** The headings and items of the part holding paragraph `n` (what the section outline lists). */
export function partItems(report: ParsedReport, n: number): OutlineItem[] {
  const part = report.paragraphs[n - 1]!.section[0];
  const out: OutlineItem[] = [];
  let last = '';
  for (const p of report.paragraphs) {
    if (!part || p.section[0] !== part) continue;
    const label = p.section.at(-1)!;
    if (label === last) continue;
    last = label;
    out.push({ label, start: p.n, paragraph: firstBody(report, p.n), path: p.section });
  }
  return out;
}

/**
 * A section opens at its text: from a heading paragraph, the first body paragraph under it (the heading itself when it
 * heads none).
 */
export function firstBody(report: ParsedReport, n: number): number {
  const path = report.paragraphs[n - 1]!.section;
  for (let k = n; k <= report.paragraphs.length; k++) {
    const p = report.paragraphs[k - 1]!;
    if (path.some((label, i) => p.section[i] !== label)) break;
    if (p.role === 'body') return k;
  }
  return n;
}

/** One paragraph of a report on its own, with a citation line (its ¶ a deep link when the bot's username is given). */
export function paragraphHtml(report: ParsedReport, n: number, bot?: string): string {
  const p = report.paragraphs[n - 1]!;
  const citation = {
    reportId: report.id,
    reportTitle: report.meta.title,
    reportShortTitle: report.meta.shortTitle,
    section: '',
    paragraph: n,
    page: p.page,
  };
  return `${markedParagraph(report, n, undefined, VIEW_BUDGET)}\n\n${citationHtml(citation, p.section, bot)}`;
}
