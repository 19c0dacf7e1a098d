/**
 * Telegram HTML for replies. Pure. Every piece of report text goes through escapeHtml;
 * long replies are split between self-contained pieces (paragraphs, then sentences), so
 * no message exceeds 4096 characters and no tag is ever cut.
 */
import { markQuote } from '../answer/format.js';
import type { Answer, AnswerItem } from '../answer/types.js';
import { splitSentences } from '../corpus/sentences.js';
import type { ParsedReport } from '../corpus/types.js';
import type { Strings } from './i18n.js';

export const MAX_MESSAGE = 4096;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** One quote with its marked words and citation. */
export function answerHtml(item: AnswerItem, header = ''): string {
  const quote = markQuote(item.quote, '<b>', '</b>', escapeHtml);
  const c = item.citation;
  return `${header ? `${escapeHtml(header)}\n\n` : ''}«<i>${quote}</i>»\n\n— <b>${escapeHtml(c.reportTitle)}</b>\n${escapeHtml(c.section)} · ¶${c.paragraph}`;
}

/** The refusal, with the nearest sections listed (buttons are added by the caller). */
export function refusalHtml(answer: Answer, t: Strings): string {
  if (!answer.nearestSections.length) return escapeHtml(t.notCovered);
  return `${escapeHtml(t.notCovered)}\n\n${escapeHtml(t.nearest)}\n${answer.nearestSections.map((s) => `• ${escapeHtml(s.section)} · ¶${s.paragraph}`).join('\n')}`;
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

function hardSplit(text: string, limit: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    let cut = rest.lastIndexOf(' ', limit);
    // never cut inside an entity such as &amp;
    const amp = rest.lastIndexOf('&', cut > 0 ? cut : limit);
    if (amp > rest.lastIndexOf(';', cut > 0 ? cut : limit)) cut = amp;
    if (cut <= 0) cut = limit;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut).trimStart();
  }
  if (rest) out.push(rest);
  return out;
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
  const head = `<b>${escapeHtml(report.meta.title)}</b>${section ? `\n${escapeHtml(section)}` : ''}`;
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
  const lines = [`<b>${escapeHtml(t.sectionOutline)}</b> — ${escapeHtml(report.meta.title)}`];
  let last = '';
  for (const p of report.paragraphs) {
    if (!part || p.section[0] !== part) continue;
    const label = p.section.at(-1)!;
    if (label === last) continue;
    last = label;
    const indent = '  '.repeat(p.section.length - 1);
    const line = `${escapeHtml(label)} · ¶${p.n}`;
    lines.push(indent + (p.section.join('\u0000') === here.section.join('\u0000') ? `<b>${line}</b>` : line));
  }
  return packMessages(lines, MAX_MESSAGE, '\n');
}

/** One line per report for /reports and /start. */
export function reportLine(report: { meta: ParsedReport['meta'] }): string {
  const m = report.meta;
  const details = [m.issuer, m.date?.slice(0, 10), m.documentNumber].filter(Boolean).map((s) => escapeHtml(s!));
  return `• <b>${escapeHtml(m.title)}</b>${details.length ? `\n  ${details.join(' · ')}` : ''}`;
}
