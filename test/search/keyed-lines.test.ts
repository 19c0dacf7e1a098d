import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CacheFileChangedError, KeyedLines, sortKeyedLines } from '../../src/search/keyed-lines.js';

describe('KeyedLines', () => {
  it('finds keys by bisecting sorted lines: prefixes, first and last lines, lines without values', () => {
    const lines = sortKeyedLines([
      '法律\tlaw|legal',
      '法\tlaw|method',
      'zeta\tz',
      '',
      'bad line without tab',
      '法律援助\tlegal aid',
      'alpha\ta',
    ]);
    const table = new KeyedLines(lines.join('\n'), '|');
    expect(table.size).toBe(5);
    expect([...table.keys()]).toEqual(['alpha', 'zeta', '法', '法律', '法律援助']);
    expect(table.get('法')).toEqual(['law', 'method']);
    expect(table.get('法律')).toEqual(['law', 'legal']);
    expect(table.get('法律援助')).toEqual(['legal aid']);
    expect(table.get('alpha')).toEqual(['a']);
    expect(table.has('法律援')).toBe(false);
    expect(table.has('')).toBe(false);
    expect(table.has('zet')).toBe(false);
    expect(table.has('zz')).toBe(false);
    expect(table.get('bad line without tab')).toBeUndefined();
  });

  it('finds every key of a large table, and no key that is not there', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `k${(i * 7919) % 100003}`);
    const table = new KeyedLines(`${sortKeyedLines(keys.map((k) => `${k}\t${k}v`)).join('\n')}\n`, ',');
    for (const k of keys) expect(table.get(k)).toEqual([`${k}v`]);
    for (const k of ['k', 'k100004', 'a', '~']) expect(table.has(k)).toBe(false);
  });

  it('sorts and bisects in the same order for keys past the basic plane (byte order, not UTF-16 code units)', () => {
    // U+20000 is a surrogate pair (D840 DC00): before U+E000 in code units, after it in UTF-8 bytes.
    const keys = ['\u{20000}', '\ue000', '法', 'a', '\u{20001}x'];
    const lines = sortKeyedLines(keys.map((k, i) => `${k}\tv${i}`));
    const fromText = new KeyedLines(lines.join('\n'), ',');
    const fromBytes = new KeyedLines(Buffer.from(`${lines.join('\n')}\n`, 'utf8'), ',');
    for (const [i, k] of keys.entries()) {
      expect(fromText.get(k)).toEqual([`v${i}`]);
      expect(fromBytes.get(k)).toEqual([`v${i}`]);
    }
    expect([...fromBytes.keys()]).toEqual(['a', '法', '\ue000', '\u{20000}', '\u{20001}x']);
  });

  it('reads a file a block at a time: lines across block edges, long lines, the first and last keys, keys()', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rqb-keyed-'));
    try {
      // Lines of every length up to three blocks, so that keys, tabs and newlines fall on every side of a block edge.
      const keys = Array.from({ length: 3000 }, (_, i) => `key${(i * 7919) % 100003}`);
      const value = (k: string, i: number): string => `${k}v`.repeat(1 + ((i * 37) % 7 === 0 ? 900 : i % 5));
      const lines = sortKeyedLines(keys.map((k, i) => `${k}\t${value(k, i)}`));
      const path = join(dir, 'table.tsv');
      writeFileSync(path, `${lines.join('\n')}\n`);
      const table = KeyedLines.open(path, ',');
      for (const [i, k] of keys.entries()) expect(table.get(k)).toEqual([value(k, i)]);
      for (const k of ['key', 'key100004', 'a', '~', 'key1x']) expect(table.has(k)).toBe(false);
      expect([...KeyedLines.open(path, ',').keys()]).toEqual(lines.map((l) => l.slice(0, l.indexOf('\t'))));
      // A key longer than a block, compared before the bisection has read the block it ends in: its line starts 10 bytes
      // before the middle of a 100-block file (the first place bisection looks), 110 bytes before a block's end.
      const lines10 = (letter: string, n: number): string =>
        Array.from({ length: n }, (_, i) => `${letter}${String(i).padStart(6, '0')}\tv\n`).join('');
      const long = 'b'.repeat(5007);
      writeFileSync(path, `${lines10('a', 20_469)}${long}\tw\n${lines10('c', 19_970)}`);
      expect(KeyedLines.open(path, ',').get(long)).toEqual(['w']);
      // A file replaced by one of another size is refused rather than read half old, half new.
      const stale = KeyedLines.open(path, ',');
      writeFileSync(path, 'a\tb\n');
      expect(() => stale.get(keys[0]!)).toThrow(CacheFileChangedError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
