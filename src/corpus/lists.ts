/**
 * What a list item or a table row means depends on the paragraph that introduces it: a list's
 * lead-in ("Of the 15 agencies that received complaints …:") and a table's header row
 * ("ICT Type | Agencies | Fully conformant"). Pure: read from the paragraphs' text.
 */
import type { ParsedReport } from './types.js';

/** Longest paragraph still read as one item of a list. */
const MAX_ITEM_CHARS = 400;
/** Items looked back over to find a lead-in. */
const MAX_ITEMS = 15;

/** Longest paragraph read as a table row (a one-line report of 10 MB with a "|" in it is no row). */
const MAX_ROW_CHARS = 4000;

/** The text of paragraph `k` (1-based). */
export function paragraphText(report: Pick<ParsedReport, 'text' | 'paragraphs'>, k: number): string {
  return report.text.slice(report.paragraphs[k - 1]!.start, report.paragraphs[k - 1]!.end);
}

/** A table row as converters write it: cells separated by " | ". */
export function isTableRow(text: string): boolean {
  return text.length <= MAX_ROW_CHARS && /\S \| \S/.test(text);
}

/** A paragraph that introduces what follows it ("… comprising:", "Key enhancements include:"). */
export function isLeadIn(text: string): boolean {
  return /[:：]\s*$/.test(text) && !isTableRow(text);
}

/**
 * The paragraph that introduces paragraph `n` (1-based), if any: the header row of the table
 * it is a row of (for its first row, the label above the table), or the lead-in of the list it is an item of. A
 * heading ends the search.
 */
export function introOf(report: Pick<ParsedReport, 'text' | 'paragraphs'>, n: number): number | undefined {
  const text = (k: number): string => paragraphText(report, k);
  const body = (k: number): boolean => k >= 1 && report.paragraphs[k - 1]!.role === 'body';
  if (!body(n)) return undefined;
  const table = tableOf(report, n);
  if (table) return table.first < n ? table.first : table.label;
  if (text(n).length > MAX_ITEM_CHARS) return undefined;
  for (let k = n - 1; k >= Math.max(1, n - MAX_ITEMS) && body(k); k--) {
    const t = text(k);
    if (isLeadIn(t)) return k;
    if (t.length > MAX_ITEM_CHARS || isTableRow(t)) return undefined;
  }
  return undefined;
}

/** A label and its figure, one item of a tally ("Female: 3", "Smart phone: 5", "55+: 3"). */
const TALLY_ITEM = /^[^:：\n]{1,60}[:：][ \t]*[$~]?\d[\d.,]*[ \t]*%?[ \t]*$/u;

/**
 * The lead-in of a tally item ("Gender:" over "Female: 3", "Disability and Assistive Technology (AT):" over "Cognitive:
 * 3"): what its figures count, as a table's header row says what its cells are. Empty for any other paragraph.
 */
export function tallyOf(report: Pick<ParsedReport, 'text' | 'paragraphs'>, n: number): string {
  if (!TALLY_ITEM.test(paragraphText(report, n).trim())) return '';
  const k = introOf(report, n);
  return k !== undefined && isLeadIn(paragraphText(report, k)) ? paragraphText(report, k) : '';
}

/** A word of a title-case name: capitalised, or a small word between two that are ("Office of Personnel Management"). */
const TITLE_WORD = String.raw`(?:[\p{Lu}\d][\p{L}\d.'’&/()-]*|of|and|for|the|to|in|on|a|&)`;
/**
 * A run-in heading: a name in title case opening a paragraph, set off by a dash or a colon ("Benefits Locator Tool - Last
 * time you heard about this project, …", once bold), two to eight words, the first and last capitalised, and its
 * abbreviation ("Automated Security Authorization Processing (ASAP) - …").
 */
const RUN_IN = new RegExp(
  String.raw`^([\p{Lu}\d][\p{L}\d.'’&/()-]*(?:\s+${TITLE_WORD}){0,6}\s+[\p{Lu}\d][\p{L}\d.'’&/()-]*(?:\s+\([\p{Lu}\d]+\))?)(?:\s+[-–—]|:)\s+\S`,
  'u',
);

/**
 * The run-in heading a paragraph opens with (RUN_IN), naming what all its sentences speak of, as a heading would; empty
 * when it has none (a table row, a caption).
 */
export function runInHeading(text: string): string {
  return isTableRow(text) || CAPTION.test(text) ? '' : (RUN_IN.exec(text)?.[1] ?? '');
}

/** A stat card: a short line that opens with its figure ("72% Overall satisfaction", "380 Responses a week"). */
const CARD = /^[$>~+]?\d[\d.,]*\s*(?:%|\+|[KMB]\b)?\s+\S/u;
const MAX_CARD_CHARS = 120;
/** A bulleted line ("■ SCCs receive higher satisfaction ratings …"), its marker captured. */
const BULLET = /^([■•▪●◦‣❏○◆–-])\s/u;

/**
 * The other paragraphs of the stat card paragraph `n` belongs to: a card and the bulleted lines under it ("72% Overall
 * satisfaction" over "■ SCCs receive higher satisfaction ratings than other service channels"), which say what its
 * figure is of; a card may set its figure alone on the line above its label ("45%" over "27 agencies did not know …"),
 * bullets under it or not. Empty for any other paragraph.
 */
export function cardGroupOf(report: Pick<ParsedReport, 'text' | 'paragraphs'>, n: number): number[] {
  const text = (k: number): string => paragraphText(report, k);
  const body = (k: number): boolean =>
    k >= 1 && k <= report.paragraphs.length && report.paragraphs[k - 1]!.role === 'body';
  const isFigure = (k: number): boolean => body(k) && FIGURE_ALONE.test(text(k).trim());
  // (The figure alone is not read with its label's words: the label is found by them and quoted with the figure.)
  if (isFigure(n)) return [];
  const labelled = (k: number): boolean => isFigure(k - 1) && body(k) && text(k).length <= MAX_CARD_CHARS;
  const isCard = (k: number): boolean => body(k) && text(k).length <= MAX_CARD_CHARS && CARD.test(text(k));
  // (A named item with its own description under it is no line of the card: parentItemOf.)
  const isBullet = (k: number): boolean => body(k) && BULLET.test(text(k)) && parentItemOf(report, k + 1) !== k;
  let card = n;
  while (isBullet(card)) card--;
  if (!labelled(card) && (!isCard(card) || !isBullet(card + 1))) return [];
  const group = labelled(card) ? [card - 1, card] : [card];
  for (let k = card + 1; isBullet(k); k++) group.push(k);
  return group.filter((k) => k !== n);
}

/**
 * A figure set alone on its line, its label on the line under it ("45%" over "27 agencies did not know how many software
 * titles they owned or operated"); not a paragraph's number ("20.").
 */
const FIGURE_ALONE = /^[$>~+]?\d[\d,]*(?:\.\d+)?\s*(?:%|\+|[KMB])?$/u;

/** The stat card a bulleted line stands under (cardGroupOf), if any. */
export function statCardOf(report: Pick<ParsedReport, 'text' | 'paragraphs'>, n: number): number | undefined {
  const card = cardGroupOf(report, n)[0];
  return card !== undefined && card < n ? card : undefined;
}

/** Longest line read as an attribution. */
const MAX_ATTRIBUTION_CHARS = 200;

/**
 * A line that signs the quotation before it: a dash, then who said it ("— Farhia Ahmed, Director General, Canadian
 * Human Rights Commission"), with no sentence end.
 */
export function isAttribution(text: string): boolean {
  return (
    text.length <= MAX_ATTRIBUTION_CHARS && /^\s*[—–]+\s*\p{L}/u.test(text) && !/[.!?。！？]["”’)]?\s*$/.test(text)
  );
}

/** A table's or figure's caption as reports write it: "Table 5: Conformance of ICT tested in the past year". */
const CAPTION = /^(table|figure|chart|exhibit)\s+[\dA-Z][\w.-]*\s*[:.–—-]\s*\S/i;

/**
 * Small words a name may hold in lower case ("Department of Defense", "Office of Management and Budget", "Ministère de
 * la Santé").
 */
export const NAME_JOINERS = new Set([
  'of',
  'and',
  'the',
  'for',
  'on',
  'in',
  'to',
  'at',
  'by',
  'with',
  'from',
  '&',
  'de',
  'des',
  'du',
  'la',
  'le',
  'et',
]);

/**
 * A name alone ("Access Board (USAB)", a list item of agencies): every word capitalised but the joiners, no figure. It
 * states nothing done or found.
 */
export function isNameAlone(text: string): boolean {
  if (/\d/.test(text)) return false;
  const words = text.match(/[\p{L}&][\p{L}'’-]*/gu) ?? [];
  return words.length > 0 && words.every((w) => /^\p{Lu}/u.test(w) || NAME_JOINERS.has(w));
}

/**
 * A line that is only a name, as a list sets one out: a name alone (isNameAlone) opening on a capital, no longer than a
 * label, with no sentence's end ("■ Canadian Armed Forces (CAF)", "Correctional Service Canada"); not a clause ("■
 * Listening to and learning from people …"), nor a line carried over from the one above ("and Social Development
 * Canada").
 */
function isTitleCaseName(text: string): boolean {
  return (
    text.length <= MAX_LABEL_CHARS &&
    !/[.!?:。！？]["”’)]?\s*$/.test(text) &&
    /^\p{Lu}/u.test(text.match(/[\p{L}&][\p{L}'’-]*/u)?.[0] ?? '') &&
    isNameAlone(text)
  );
}

/**
 * The list item paragraph `n` elaborates, as a nested list or a list of names with descriptions sets it out: for a
 * sub-item ("❏ Actively testing GC Design System components in Drupal …") the item above it with the list's first
 * marker ("■ Department of Fisheries and Oceans (DFO)"); for a line under a named item, saying what that item did
 * ("Mandated that Units replace their existing, paid notification tool …" under "■ Canadian Armed Forces (CAF)"), that
 * item; for an item of a list set under a name ("■ Cadets User Research" under "Canadian Armed Forces"), that name.
 * Undefined for any other paragraph, and for a name under a name ("Correctional Service Canada" under "■ Cadets User
 * Research": the next entry, not a description).
 */
export function parentItemOf(report: Pick<ParsedReport, 'text' | 'paragraphs'>, n: number): number | undefined {
  const text = (k: number): string => paragraphText(report, k);
  const body = (k: number): boolean =>
    k >= 1 && k <= report.paragraphs.length && report.paragraphs[k - 1]!.role === 'body';
  const marker = (k: number): string | undefined => (body(k) ? BULLET.exec(text(k))?.[1] : undefined);
  if (!body(n) || !body(n - 1)) return undefined;
  // A Markdown item indented under another ("* Veterans will understand …" / "  * MOSTLY FALSE - Only half …"): the
  // nearest item above it indented less.
  const indentOf = (k: number): number | undefined => listItemIndent(report.text, report.paragraphs[k - 1]!);
  const indent = indentOf(n);
  if (indent) {
    for (let k = n - 1; k >= Math.max(1, n - MAX_ITEMS) && body(k); k--) {
      const above = indentOf(k);
      if (above === undefined) return undefined;
      if (above < indent) return k;
    }
    return undefined;
  }
  const own = marker(n);
  if (own === undefined)
    return marker(n - 1) && isTitleCaseName(text(n - 1)) && !isTitleCaseName(text(n)) ? n - 1 : undefined;
  // The list's first marker is its top level; a sub-item's item is the nearest line above with it.
  let first = n;
  while (marker(first - 1) !== undefined && n - first < MAX_ITEMS) first--;
  const top = marker(first);
  // A list under a name ("Health Canada" over "■ Cannabis - Medical Access …"): the name is its items' own.
  if (own === top)
    return body(first - 1) && !marker(first - 1) && isTitleCaseName(text(first - 1)) ? first - 1 : undefined;
  for (let k = n - 1; k >= first; k--) if (marker(k) === top) return k;
  return undefined;
}

/**
 * How far a paragraph's line is indented when the paragraph is a list item ("  * TRUE - …": 2, "- Data sets …": 0), its
 * mark before the paragraph (parse.ts quotes a bullet item without it) or opening it ("2. PARTLY TRUE: …"); undefined
 * for any other paragraph.
 */
export function listItemIndent(text: string, p: { start: number; end: number }): number | undefined {
  const lineStart = text.lastIndexOf('\n', p.start - 1) + 1;
  const m = /^([ \t]*)(?:[-*+•]|\d{1,9}[.)])[ \t]+/.exec(text.slice(lineStart, Math.min(p.end, p.start + 16)));
  return m && p.start <= lineStart + m[0].length ? m[1]!.replace(/\t/g, '    ').length : undefined;
}

/** Longest line read as the label of a table below it ("Total Authorized Best Meets Exceptions"). */
const MAX_LABEL_CHARS = 120;

/**
 * A line that names what follows rather than saying something: a caption, or a short line with no figure that does not
 * end a sentence ("Total Authorized Best Meets Exceptions", "Public Web Pages:").
 */
function isLabel(text: string): boolean {
  return (
    CAPTION.test(text) ||
    (text.length <= MAX_LABEL_CHARS && !/\d/.test(text) && !/[.!?。！？]["”’)]?\s*$/.test(text) && !isTableRow(text))
  );
}

/** A row with a cell that is a figure (not a year: "Item | 2022 | 2023" is a header) holds data, not column names. */
function isDataRow(row: string): boolean {
  return row.split(' | ').some((cell) => {
    const c = cell.trim().replace(/[*†‡]+$/, '');
    return /^[-+]?[$€£¥]?\d[\d,. ]*%?$/.test(c) && !/^(19|20)\d{2}$/.test(c);
  });
}

/**
 * What a table row is read with, as the ranking reads a section's headings: its header row and the table's caption or
 * label just above it ("Table 5: Conformance of ICT tested in the past year | ICT Type | Number of agencies … | …");
 * a row alone ("Hardware | 24 | 1,762,155 | 4% | 83%", "979 | authorized from 8 agencies") says little. A table
 * whose first row holds figures has no header row, only its label ("Total Authorized Best Meets Exceptions"). ''
 * for a header row and for any other paragraph. (A list item read with its list's lead-in the same way cost Hong Kong
 * 0.015 hit@1 and 0.031 hit@3 when indexed, and moved nothing when only ranked: items are read on their own words.)
 */
export function tableContextOf(report: Pick<ParsedReport, 'text' | 'paragraphs'>, n: number): string {
  const text = (k: number): string => paragraphText(report, k);
  const table = tableOf(report, n);
  if (!table) return '';
  const header = isDataRow(text(table.first)) ? undefined : table.first;
  if (header === n) return '';
  return [table.label && text(table.label), header && text(header)].filter(Boolean).join(' ');
}

/**
 * What names the cells of the table row `n`: its table's header row ("ICT Type | Number of agencies … | …"), or for a
 * table without one its label line ("Total Authorized Best Meets Exceptions" over "979 | authorized from 8
 * agencies"); '' for any other paragraph.
 */
export function tableHeaderOf(report: Pick<ParsedReport, 'text' | 'paragraphs'>, n: number): string {
  const k = tableHeaderAt(report, n);
  return k === undefined ? '' : paragraphText(report, k);
}

/** The paragraph (1-based) tableHeaderOf reads, if any. */
export function tableHeaderAt(report: Pick<ParsedReport, 'text' | 'paragraphs'>, n: number): number | undefined {
  const text = (k: number): string => paragraphText(report, k);
  const table = tableOf(report, n);
  if (!table) return undefined;
  if (!isDataRow(text(table.first))) return table.first < n ? table.first : undefined;
  return table.label && !CAPTION.test(text(table.label)) ? table.label : undefined;
}

/** The table paragraph `n` is a row of, if it is one: its first row, and the label line above that (isLabel). */
function tableOf(
  report: Pick<ParsedReport, 'text' | 'paragraphs'>,
  n: number,
): { first: number; label?: number | undefined } | undefined {
  const text = (k: number): string => paragraphText(report, k);
  const body = (k: number): boolean => k >= 1 && report.paragraphs[k - 1]!.role === 'body';
  const p = report.paragraphs[n - 1];
  if (!p || p.end - p.start > MAX_ROW_CHARS || !body(n) || !isTableRow(text(n))) return undefined;
  let first = n;
  while (body(first - 1) && isTableRow(text(first - 1))) first--;
  return { first, label: body(first - 1) && isLabel(text(first - 1)) ? first - 1 : undefined };
}

/**
 * A paragraph that labels what follows rather than saying anything: a caption ("Table 4: Heat map of agency count by
 * size …", "Figure 7. Average policy integration outcomes …") or a table's header row. Like a heading it is evidence
 * for what it labels (a row is read with it: tableContextOf), not an answer itself.
 */
export function isLabelOnly(report: Pick<ParsedReport, 'text' | 'paragraphs'>, n: number): boolean {
  if (report.paragraphs[n - 1]?.role !== 'body') return false;
  const text = paragraphText(report, n);
  if (CAPTION.test(text) && text.length <= MAX_LABEL_CHARS) return true;
  // A named item with its description or sub-items under it ("■ Canadian Armed Forces (CAF)"): they are read with it.
  if (isTitleCaseName(text) && parentItemOf(report, n + 1) === n) return true;
  // A header row: the first row of a table with rows after it, holding no figure.
  return tableOf(report, n + 1)?.first === n && !isDataRow(text);
}

/**
 * The first body paragraph under the heading of paragraph `n`'s section, when `n` is a later one: what the section is
 * about ("Based on the Service Canada Client Experience (CX) Survey Measurement Model, the Service Canada Centre
 * Feedback Questionnaire was developed …" over its cards "380 Responses a week on average").
 */
export function sectionOpeningOf(report: Pick<ParsedReport, 'paragraphs'>, n: number): number | undefined {
  const path = report.paragraphs[n - 1]!.section.join('\n');
  let first: number | undefined;
  for (let k = n - 1; k >= 1; k--) {
    const p = report.paragraphs[k - 1]!;
    if (p.section.join('\n') !== path || p.role === 'heading') break;
    if (p.role === 'body') first = k;
  }
  return first;
}
