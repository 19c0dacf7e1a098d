/**
 * The cache format of the glossary and the thesaurus: one "key<TAB>value<SEP>value…" per line,
 * lines sorted by key in UTF-8 byte order (sortKeyedLines; the caches are written so).
 * Kept as the file's bytes and searched by bisecting them: no pass over its 150,000 lines nor
 * turning it into a string (25 ms of a one-question CLI), and 120,000 entries cost the bytes
 * alone, where a Map of arrays of strings cost six times that. A cache file is read a block at a
 * time as bisection reaches it (KeyedLines.open).
 */
import { closeSync, fstatSync, openSync } from 'node:fs';
import { readFully } from './open-files.js';

const TAB = 9;
const NEWLINE = 10;
/** Bytes read at a time from a cache file: one page, the unit the system pays for. */
const BLOCK = 4096;

/** A file changed size while it was read a block at a time (its cache was replaced): its blocks would not agree. */
export class CacheFileChangedError extends Error {
  constructor(path: string) {
    super(`${path} changed while in use; restart the program to read the new file.`);
    this.name = 'CacheFileChangedError';
  }
}

export class KeyedLines {
  private readonly bytes: Buffer;
  /**
   * For a table read from a file: which blocks of `bytes` hold the file's bytes yet (the rest are zeros); undefined once
   * all do.
   */
  private loaded?: Uint8Array | undefined;
  /** Blocks read one by one so far: past a quarter of the file, the rest is read at once (a scan of every line). */
  private blocksRead = 0;
  private readonly path?: string;
  private count?: number;

  /**
   * @param text the lines (text or its UTF-8 bytes), sorted by key in byte order
   * @param separator between a line's values (after the tab)
   * @param file the file `text` stands for, when `text` is zeros of its size to be filled a block at a time (open)
   */
  constructor(
    text: string | Buffer,
    private readonly separator: string,
    file?: string,
  ) {
    this.bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    if (file === undefined) return;
    this.path = file;
    this.loaded = new Uint8Array(Math.ceil(this.bytes.length / BLOCK));
  }

  /**
   * The lines of a file, read a block at a time as lookups reach them: a one-question run reads the 100–150 pages its
   * words bisect, not the whole 6 MB thesaurus (about 20 ms of a 260 ms run, most of it the system handing out fresh
   * memory). The file must not change while in use: a cache rebuilt under a running reader would mix old blocks with
   * new ones, so a file whose size changed is refused (CacheFileChangedError).
   */
  static open(path: string, separator: string): KeyedLines {
    const fd = openSync(path, 'r');
    try {
      // Zero-filled memory the system maps lazily: untouched blocks cost nothing.
      return new KeyedLines(Buffer.alloc(fstatSync(fd).size), separator, path);
    } finally {
      closeSync(fd);
    }
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
    this.ensure(0, bytes.length);
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
    this.ensure(start, start + key.length + 1);
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
      const start = this.lineStart(mid);
      const c = this.compareAt(start, key); // start ≥ lo: lo is a line start and mid ≥ lo
      if (c === 0) return bytes[start + key.length] === TAB ? start + key.length + 1 : -1;
      if (c < 0) lo = this.lineEnd(Math.max(start, lo)) + 1;
      else hi = start;
    }
    return -1;
  }

  /** The start of the line holding position `at` (0 for the first), reading back a block at a time. */
  private lineStart(at: number): number {
    if (!this.loaded) return at === 0 ? 0 : this.bytes.lastIndexOf(NEWLINE, at - 1) + 1;
    for (let end = at; end > 0; end -= end % BLOCK || BLOCK) {
      const from = end - (end % BLOCK || BLOCK);
      this.ensure(from, end);
      const newline = this.bytes.subarray(from, end).lastIndexOf(NEWLINE);
      if (newline >= 0) return from + newline + 1;
    }
    return 0;
  }

  /** The end of the line holding position `from` (its newline, or the end of the bytes). */
  private lineEnd(from: number): number {
    const bytes = this.bytes;
    if (!this.loaded) {
      const end = bytes.indexOf(NEWLINE, from);
      return end < 0 ? bytes.length : end;
    }
    for (let at = from; at < bytes.length; at += BLOCK - (at % BLOCK)) {
      const end = Math.min(bytes.length, at + BLOCK - (at % BLOCK));
      this.ensure(at, end);
      const newline = bytes.subarray(at, end).indexOf(NEWLINE);
      if (newline >= 0) return at + newline;
    }
    return bytes.length;
  }

  /** Reads from the file the blocks of bytes `from`..`to` not read yet (nothing for a table held in memory). */
  private ensure(from: number, to: number): void {
    const loaded = this.loaded;
    if (!loaded) return;
    const last = Math.min(loaded.length, Math.ceil(to / BLOCK));
    let first = Math.floor(from / BLOCK);
    while (first < last && loaded[first]) first++;
    if (first >= last) return;
    const fd = openSync(this.path!, 'r');
    try {
      if (fstatSync(fd).size !== this.bytes.length) throw new CacheFileChangedError(this.path!);
      if ((this.blocksRead += last - first) > loaded.length / 4) {
        readFully(fd, this.bytes, 0);
        this.loaded = undefined;
        return;
      }
      for (let b = first; b < last; b++) {
        if (loaded[b]) continue;
        const at = b * BLOCK;
        readFully(fd, this.bytes.subarray(at, Math.min(this.bytes.length, at + BLOCK)), at);
        loaded[b] = 1;
      }
    } finally {
      closeSync(fd);
    }
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
