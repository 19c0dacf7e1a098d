/**
 * The cache format of the glossary and the thesaurus: one "key<TAB>value<SEP>value…" per line,
 * lines sorted by key (sortKeyedLines; the caches are written so). Pure. Kept as the text
 * itself and searched by bisecting the text: opening a 6 MB cache costs reading it, not a
 * pass over its 150,000 lines, and 120,000 entries cost the text alone, where a Map of arrays
 * of strings cost six times that.
 */
export class KeyedLines {
  private count?: number;

  /**
   * @param text the lines, sorted by key in code-unit order
   * @param separator between a line's values (after the tab)
   */
  constructor(
    private readonly text: string,
    private readonly separator: string,
  ) {}

  /** Number of keyed lines (counted on first use). */
  get size(): number {
    this.count ??= [...this.keys()].length;
    return this.count;
  }

  has(key: string): boolean {
    return this.find(key) >= 0;
  }

  /** Every key, in order. */
  *keys(): Generator<string> {
    const text = this.text;
    for (let at = 0; at < text.length;) {
      const end = lineEnd(text, at);
      const tab = text.indexOf('\t', at);
      if (tab > at && tab < end) yield text.slice(at, tab);
      at = end + 1;
    }
  }

  /** The values of `key`, or undefined. */
  get(key: string): string[] | undefined {
    const start = this.find(key);
    if (start < 0) return undefined;
    return this.text.slice(start + key.length + 1, lineEnd(this.text, start)).split(this.separator);
  }

  /** The key of the line at `start` against `key`, in code-unit order, read in place (no substring per step). */
  private compareAt(start: number, key: string): number {
    const text = this.text;
    for (let i = 0; ; i++) {
      const a = start + i < text.length ? text.charCodeAt(start + i) : 10;
      const atEnd = a === 9 || a === 10; // a tab ends the key (a newline: a line without values)
      if (i === key.length) return atEnd ? 0 : 1;
      if (atEnd) return -1;
      const b = key.charCodeAt(i);
      if (a !== b) return a < b ? -1 : 1;
    }
  }

  /**
   * Start of the keyed line of `key`, or -1: bisection over character positions, each step read at the start of its
   * line.
   */
  private find(key: string): number {
    if (!key) return -1;
    const text = this.text;
    let lo = 0; // a line start at or before the key's line
    let hi = text.length; // a position after it
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const start = text.lastIndexOf('\n', mid - 1) + 1;
      const c = this.compareAt(start, key); // start ≥ lo: lo is a line start and mid ≥ lo
      if (c === 0) return text.charCodeAt(start + key.length) === 9 ? start : -1;
      if (c < 0) lo = lineEnd(text, Math.max(start, lo)) + 1;
      else hi = start;
    }
    return -1;
  }
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}

/** Lines sorted by their key in code-unit order (what KeyedLines bisects), for writing a cache. */
export function sortKeyedLines(lines: string[]): string[] {
  const key = (line: string): string => line.slice(0, line.indexOf('\t'));
  return lines
    .map((line) => [key(line), line] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, line]) => line);
}
