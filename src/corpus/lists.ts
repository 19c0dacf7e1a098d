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

/** A table row as converters write it: cells separated by " | ". */
export function isTableRow(text: string): boolean {
  return /\S \| \S/.test(text);
}

/** A paragraph that introduces what follows it ("… comprising:", "Key enhancements include:"). */
export function isLeadIn(text: string): boolean {
  return /[:：]\s*$/.test(text) && !isTableRow(text);
}

/**
 * The paragraph that introduces paragraph `n` (1-based), if any: the header row of the table
 * it is a row of, or the lead-in of the list it is an item of. A heading ends the search.
 */
export function introOf(report: ParsedReport, n: number): number | undefined {
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
