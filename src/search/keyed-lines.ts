/**
 * The cache format of the glossary and the thesaurus: one "key<TAB>value<SEP>value…" per line,
 * lines sorted by key in UTF-8 byte order (sortKeyedLines; the caches are written so). Pure.
 * Kept as the file's bytes and searched by bisecting them: opening a 6 MB cache costs reading it,
 * not a pass over its 150,000 lines nor turning it into a string (25 ms of a one-question CLI),
 * and 120,000 entries cost the bytes alone, where a Map of arrays of strings cost six times that.
 */
const TAB = 9;
const NEWLINE = 10;

export class KeyedLines {
  private readonly bytes: Buffer;
  private count?: number;

  /**
   * @param text the lines (text or its UTF-8 bytes), sorted by key in byte order
   * @param separator between a line's values (after the tab)
   */
  constructor(
    text: string | Buffer,
    private readonly separator: string,
  ) {
    this.bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  }

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
    const bytes = this.bytes;
    for (let at = 0; at < bytes.length;) {
      const end = this.lineEnd(at);
      const tab = bytes.indexOf(TAB, at);
      if (tab > at && tab < end) yield bytes.toString('utf8', at, tab);
      at = end + 1;
    }
  }

  /** The values of `key`, or undefined. */
  get(key: string): string[] | undefined {
    const at = this.find(key);
    if (at < 0) return undefined;
    return this.bytes.toString('utf8', at, this.lineEnd(at)).split(this.separator);
  }

  /** The key of the line at `start` against `key`, byte by byte, read in place. */
  private compareAt(start: number, key: Buffer): number {
    const bytes = this.bytes;
    for (let i = 0; ; i++) {
      const a = start + i < bytes.length ? bytes[start + i]! : NEWLINE;
      const atEnd = a === TAB || a === NEWLINE; // a tab ends the key (a newline: a line without values)
      if (i === key.length) return atEnd ? 0 : 1;
      if (atEnd) return -1;
      const b = key[i]!;
      if (a !== b) return a < b ? -1 : 1;
    }
  }

  /**
   * Where the values of `key`'s line start, or -1: bisection over byte positions, each step read at the start of its
   * line.
   */
  private find(text: string): number {
    if (!text) return -1;
    const key = Buffer.from(text, 'utf8');
    const bytes = this.bytes;
    let lo = 0; // a line start at or before the key's line
    let hi = bytes.length; // a position after it
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const start = mid === 0 ? 0 : bytes.lastIndexOf(NEWLINE, mid - 1) + 1;
      const c = this.compareAt(start, key); // start ≥ lo: lo is a line start and mid ≥ lo
      if (c === 0) return bytes[start + key.length] === TAB ? start + key.length + 1 : -1;
      if (c < 0) lo = this.lineEnd(Math.max(start, lo)) + 1;
      else hi = start;
    }
    return -1;
  }

  private lineEnd(from: number): number {
    const end = this.bytes.indexOf(NEWLINE, from);
    return end < 0 ? this.bytes.length : end;
  }
}

/** Lines sorted by their key in UTF-8 byte order (what KeyedLines bisects), for writing a cache. */
export function sortKeyedLines(lines: string[]): string[] {
  const key = (line: string): Buffer => Buffer.from(line.slice(0, line.indexOf('\t')), 'utf8');
  return lines
    .map((line) => [key(line), line] as const)
    .sort(([a], [b]) => Buffer.compare(a, b))
    .map(([, line]) => line);
}
