/**
 * The cache format of the glossary and the thesaurus: one "key<TAB>value<SEP>value…" per line.
 * Pure. Kept as the text itself plus each line's start, sorted by key and searched by
 * bisection: 120,000 entries cost the text (a few megabytes) and half a megabyte of offsets,
 * where a Map of arrays of strings cost six times that.
 */
export class KeyedLines {
  private readonly starts: Int32Array;

  /**
   * @param text the lines
   * @param separator between a line's values (after the tab)
   */
  constructor(
    private readonly text: string,
    private readonly separator: string,
  ) {
    const starts: number[] = [];
    for (let at = 0; at < text.length;) {
      const end = lineEnd(text, at);
      const tab = text.indexOf('\t', at);
      if (tab > at && tab < end) starts.push(at);
      at = end + 1;
    }
    this.starts = Int32Array.from(starts);
    // The caches are written sorted (one pass to check); anything else is sorted here.
    if (!this.starts.every((start, i) => i === 0 || this.compareStarts(this.starts[i - 1]!, start) <= 0)) this.starts.sort((a, b) => this.compareStarts(a, b));
  }

  get size(): number {
    return this.starts.length;
  }

  has(key: string): boolean {
    return this.find(key) >= 0;
  }

  /** Every key, in order. */
  *keys(): Generator<string> {
    for (const start of this.starts) yield this.text.slice(start, this.text.indexOf('\t', start));
  }

  /** The values of `key`, or undefined. */
  get(key: string): string[] | undefined {
    const i = this.find(key);
    if (i < 0) return undefined;
    const start = this.starts[i]!;
    return this.text.slice(this.text.indexOf('\t', start) + 1, lineEnd(this.text, start)).split(this.separator);
  }

  /** The keys of two lines compared in place. */
  private compareStarts(a: number, b: number): number {
    const text = this.text;
    for (let i = 0; ; i++) {
      const x = text.charCodeAt(a + i);
      const y = text.charCodeAt(b + i);
      if (x === 9 || y === 9) return x === y ? 0 : x === 9 ? -1 : 1;
      if (x !== y) return x < y ? -1 : 1;
    }
  }

  /** The key at `start` against `key`, in code-unit order, read in place (no substring per step). */
  private compareAt(start: number, key: string): number {
    const text = this.text;
    for (let i = 0; ; i++) {
      const a = text.charCodeAt(start + i);
      const atEnd = a === 9; // the tab ends the key
      if (i === key.length) return atEnd ? 0 : 1;
      if (atEnd) return -1;
      const b = key.charCodeAt(i);
      if (a !== b) return a < b ? -1 : 1;
    }
  }

  private find(key: string): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = this.compareAt(this.starts[mid]!, key);
      if (c === 0) return mid;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
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
