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
 * it is a row of, or the lead-in of the list it is an item of. A heading ends the search.
 */
export function introOf(report: Pick<ParsedReport, 'text' | 'paragraphs'>, n: number): number | undefined {
  const text = (k: number): string => report.text.slice(report.paragraphs[k - 1]!.start, report.paragraphs[k - 1]!.end);
  const body = (k: number): boolean => k >= 1 && report.paragraphs[k - 1]!.role === 'body';
  if (!body(n)) return undefined;
  if (isTableRow(text(n))) {
    let first = n;
    while (body(first - 1) && isTableRow(text(first - 1))) first--;
    return first < n ? first : undefined;
  }
  if (text(n).length > MAX_ITEM_CHARS) return undefined;
  for (let k = n - 1; k >= Math.max(1, n - MAX_ITEMS) && body(k); k--) {
    const t = text(k);
    if (isLeadIn(t)) return k;
    if (t.length > MAX_ITEM_CHARS || isTableRow(t)) return undefined;
  }
  return undefined;
}

/** A table's or figure's caption as reports write it: "Table 5: Conformance of ICT tested in the past year". */
const CAPTION = /^(table|figure|chart|exhibit)\s+[\dA-Z][\w.-]*\s*[:.–—-]\s*\S/i;

/**
 * A table row's header row and the table's caption just above it ("Table 5: Conformance of ICT tested in the past
 * year | ICT Type | Number of agencies … | …"), which the search indexes with the row and the ranking reads as it does
 * the section headings: a row alone ("Hardware | 24 | 1,762,155 | 4% | 83%") says little. '' for any other paragraph.
 * (A list item read with its list's lead-in the same way cost Hong Kong 0.015 hit@1 and 0.031 hit@3 when indexed,
 * and moved nothing when only ranked: items are read on their own words.)
 */
export function tableContextOf(report: Pick<ParsedReport, 'text' | 'paragraphs'>, n: number): string {
  const text = (k: number): string => report.text.slice(report.paragraphs[k - 1]!.start, report.paragraphs[k - 1]!.end);
  const p = report.paragraphs[n - 1];
  const header = p && p.end - p.start <= MAX_ROW_CHARS && isTableRow(text(n)) ? introOf(report, n) : undefined;
  if (header === undefined) return '';
  const above = header - 1;
  const captioned = above >= 1 && report.paragraphs[above - 1]!.role === 'body' && CAPTION.test(text(above));
  return captioned ? `${text(above)} ${text(header)}` : text(header);
}
