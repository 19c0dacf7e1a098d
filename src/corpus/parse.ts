/**
 * Recovers a report's own structure from its text: header metadata, numbered parts,
 * subsections, enumerated items, addressee and closing signature. Pure.
 *
 * Accepted layouts (see README "Adding reports"):
 * - plain text, one paragraph per line, parts like "1、 Title", subsections "(1) Title",
 *   items opening with "First," / "The second is …";
 * - Markdown, paragraphs separated by blank lines, "#"-headings giving the section path.
 * A text with none of this still parses: every block becomes a body paragraph.
 */
import { isTableRow } from './lists.js';
import { splitSentences } from './sentences.js';
import type { Paragraph, ParagraphRole, ParsedReport, ReportMeta } from './types.js';

type TextField = Exclude<keyof ReportMeta, 'examples' | 'examplesZh' | 'shortTitle' | 'url'>;
const META_KEYS: Record<string, TextField> = {
  'index number': 'indexNumber',
  'information classification': 'classification',
  'issued by': 'issuer',
  issuer: 'issuer',
  'date of issue': 'date',
  date: 'date',
  'document no.': 'documentNumber',
  'document no': 'documentNumber',
  'document number': 'documentNumber',
  published: 'published',
  title: 'title',
};

/**
 * Section labels of the lines that describe the report itself. They are cited as the
 * section path and count as the line's own words when answering, so "When was the report
 * issued?" finds "Date of issue: …" and "Who signed it?" the signature.
 */
const FIELD_LABELS: Record<TextField, string> = {
  indexNumber: 'Index number',
  classification: 'Information classification',
  issuer: 'Issued by (issuer)',
  date: 'Date of issue',
  documentNumber: 'Document number',
  published: 'Date published',
  title: 'Title',
  addressee: 'Addressed to',
  signature: 'Signed by',
  signedDate: 'Date signed',
};
const REPORT_HEADER = 'Report header';

// "1、 Title", "2. Title", "三、Title": not "18.25 million …" or "1.1.1 Non-text Content" (a decimal or a dotted number goes on).
const PART = /^(?:(\d{1,2})\s*(?:、|[．.](?!\d))|([一二三四五六七八九十]{1,3})、)\s*(\S.*)$/u;
/** A heading states a topic; a line ending like a sentence or a list's lead-in ("20. The HKSAR will … .", "… as follows:") is a numbered paragraph. */
const SENTENCE_END = /[.。!?！？:：;；]["'”’)）]*$/u;
const SUBSECTION = /^[(（](\d{1,2}|[一二三四五六七八九十]{1,3})[)）]\s*(\S.*)$/u;
export const ORDINALS = 'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth';
const ITEM = new RegExp(`^(?:(${ORDINALS})(?:ly)?\\s*[,，:：]|the (${ORDINALS}) is\\b|第([一二三四五六七八九十]+)[，,、])`, 'i');
const CLOSING = /^(respectfully submitted|respectfully|sincerely( yours)?|yours (faithfully|sincerely|truly)|(with )?(best|kind|warm) regards)\b/i;
const MD_HEADING = /^(#{1,6})\s+(.*?)\s*#*$/;
/** A Markdown footnote, `[^1]: text`: quotable, cited as "Footnote 1" under the section it belongs to. */
const MD_FOOTNOTE = /^\[\^([^\]\s]{1,12})\]:\s+/;
const DATE_LINE = /^(?:[A-Z][a-z]+ \d{1,2}, \d{4}|\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?)$/;

interface Block {
  start: number;
  end: number;
  text: string;
}

/** Splits the source into non-blank blocks: one per line for text; for Markdown, blank-line separated, each heading its own block. */
function splitBlocks(text: string, markdown: boolean): Block[] {
  const blocks: Block[] = [];
  let start = -1;
  let end = -1;
  const flush = (): void => {
    if (start >= 0) blocks.push({ start, end, text: text.slice(start, end) });
    start = -1;
  };
  let offset = 0;
  for (const raw of text.split('\n')) {
    const lineStart = offset;
    offset += raw.length + 1;
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (!trimmed) {
      flush();
      continue;
    }
    const heading = markdown && trimmed.startsWith('#');
    if (!markdown || heading) flush();
    if (start < 0) start = lineStart + lead;
    end = lineStart + raw.trimEnd().length;
    if (!markdown || heading) flush();
  }
  flush();
  return blocks;
}

/** The first sentence of a block, without its final period, for use as a section label. */
function leadSentence(text: string): { label: string; rest: boolean } {
  const first = splitSentences(text)[0] ?? { start: 0, end: text.length };
  const label = text.slice(first.start, first.end).replace(/[.。]$/, '');
  return { label, rest: first.end < text.trimEnd().length };
}

function metaEntry(line: string): [TextField, string] | undefined {
  const m = /^([A-Za-z][A-Za-z .]{1,40}?)\s*[:：]\s*(\S.*)$/.exec(line);
  if (!m) return undefined;
  const key = META_KEYS[m[1]!.toLowerCase()];
  return key ? [key, m[2]!.trim()] : undefined;
}

/** Turns a file name into a report id: lower case, [a-z0-9-] only. */
export function reportIdFromFileName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  return base.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'report';
}

/**
 * Parses a report's text into metadata and paragraphs with section paths.
 * @param text the file's decoded text (offsets refer to it)
 * @param fileName used for the id and to pick the Markdown layout (".md")
 * @param layout the layout when the text was converted from another format (HTML and Word give Markdown, PDF plain text)
 */
export function parseReport(text: string, fileName: string, layout?: 'markdown' | 'text'): ParsedReport {
  const markdown = layout ? layout === 'markdown' : /\.(md|markdown)$/i.test(fileName);
  const blocks = splitBlocks(text, markdown);
  // A Markdown text with headings under its title states its own structure: the plain-text numbering rules stay off.
  const explicit = markdown && blocks.some((b) => /^#{2,6}\s/.test(b.text));
  const items = !explicit && usesItems(blocks);
  const meta: Partial<ReportMeta> = {};
  const paragraphs: Paragraph[] = [];
  let part: string | undefined;
  let subsection: string | undefined;
  let item: string | undefined;
  const mdPath: string[] = [];
  let seenBody = false;

  const add = (block: Block, role: ParagraphRole, section: string[]): void => {
    paragraphs.push({ n: paragraphs.length + 1, start: block.start, end: block.end, role, section });
  };
  const path = (): string[] => [...(markdown ? mdPath : []), part, subsection, item].filter((s): s is string => !!s);

  for (const block of blocks) {
    const line = block.text.replace(/\s+/g, ' ');
    const entry = seenBody ? undefined : metaEntry(line);
    if (entry) {
      meta[entry[0]] ??= entry[1];
      add(block, 'metadata', [REPORT_HEADER, FIELD_LABELS[entry[0]]]);
      continue;
    }
    const footnote = markdown ? MD_FOOTNOTE.exec(line) : null;
    if (footnote) {
      add({ ...block, start: block.start + footnote[0].length, text: block.text.slice(footnote[0].length) }, 'body', [...path(), `Footnote ${footnote[1]}`]);
      continue;
    }
    const heading = markdown ? MD_HEADING.exec(line) : null;
    if (heading) {
      const level = heading[1]!.length;
      if (level === 1 && !meta.title) {
        meta.title = heading[2];
        add(withoutMarks(block), 'title', [REPORT_HEADER, FIELD_LABELS.title]);
        continue;
      }
      mdPath.length = Math.max(0, level - 2);
      mdPath.push(heading[2]!);
      part = subsection = item = undefined;
      add(withoutMarks(block), 'heading', path());
      seenBody = true;
      continue;
    }
    if (!seenBody && (line === meta.title || (!meta.title && line.length < 300 && !/[.。]$/.test(line)))) {
      meta.title ??= line;
      add(block, 'title', [REPORT_HEADER, FIELD_LABELS.title]);
      continue;
    }
    if (!seenBody && /[:：]$/.test(line) && line.length < 120) {
      meta.addressee ??= line.slice(0, -1);
      add(block, 'addressee', [REPORT_HEADER, FIELD_LABELS.addressee]);
      continue;
    }
    const partMatch = !explicit && line.length < 300 ? PART.exec(line) : null;
    // The heading text after the number is one sentence ("1. Libraries": the "1." is no sentence end) that does not end like one.
    if (partMatch && !leadSentence(partMatch[3]!).rest && !SENTENCE_END.test(partMatch[3]!)) {
      part = `${partMatch[1] ?? partMatch[2]} ${partMatch[3]}`;
      subsection = item = undefined;
      seenBody = true;
      add(block, 'heading', path());
      continue;
    }
    const subMatch = explicit ? null : SUBSECTION.exec(line);
    // "(1) 1,324 public servants attended … ." alone on its line is a numbered sentence (a note), not a subsection title.
    if (subMatch && (leadSentence(line).rest || !SENTENCE_END.test(line))) {
      const { label, rest } = leadSentence(line);
      subsection = label;
      item = undefined;
      seenBody = true;
      add(block, rest ? 'body' : 'heading', path());
      continue;
    }
    // A letter's closing formula ("Respectfully submitted, Edward C. Forst Administrator") signs what comes before it.
    if (CLOSING.test(line) && line.length < 200) {
      meta.signature ??= line.replace(CLOSING, '').replace(/^[\s,]+/, '');
      add(block, 'signature', ['Report signature', FIELD_LABELS.signature]);
      continue;
    }
    if (items && ITEM.test(line)) item = leadSentence(line).label;
    seenBody = true;
    add(block, 'body', path());
  }
  markSignature(text, paragraphs, meta);
  return { id: reportIdFromFileName(fileName), meta: { ...meta, title: meta.title ?? reportIdFromFileName(fileName) }, text, paragraphs };
}

/** A Markdown heading's block without its "#" marks: what is cited and shown is the heading's text. */
function withoutMarks(block: Block): Block {
  const marks = /^#{1,6}\s+/.exec(block.text)?.[0].length ?? 0;
  const text = block.text.slice(marks).replace(/\s+#+$/, '');
  return { start: block.start + marks, end: block.start + marks + text.length, text };
}

/**
 * Whether the report structures its parts as a series of items ("First, …", "The second is …"):
 * two or more different ordinals open paragraphs. One paragraph opening "First, the team …" is prose.
 */
function usesItems(blocks: Block[]): boolean {
  const ordinals = new Set<string>();
  for (const b of blocks) {
    const m = ITEM.exec(b.text);
    if (m) ordinals.add((m[1] ?? m[2] ?? m[3]!).toLowerCase());
  }
  return ordinals.size >= 2;
}

/** Trailing short lines (issuer, date, release note) after the last body paragraph form the signature. */
function markSignature(text: string, paragraphs: Paragraph[], meta: Partial<ReportMeta>): void {
  for (let i = paragraphs.length - 1; i > 0; i--) {
    const p = paragraphs[i]!;
    const line = text.slice(p.start, p.end);
    if (p.role !== 'body' || line.length > 100 || /[.。]$/.test(line) || isTableRow(line)) break;
    p.role = 'signature';
    if (DATE_LINE.test(line)) meta.signedDate ??= line;
    else if (!/^[(（]/.test(line)) meta.signature ??= line;
    p.section = ['Report signature', DATE_LINE.test(line) ? FIELD_LABELS.signedDate : /^[(（]/.test(line) ? 'Release note' : FIELD_LABELS.signature];
  }
}
