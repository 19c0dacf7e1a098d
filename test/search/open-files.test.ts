import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OpenFiles } from '../../src/search/open-files.js';

const openDescriptors = (): number => readdirSync('/proc/self/fd').length;

describe('OpenFiles', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  const files = (n: number): string[] => {
    const dir = mkdtempSync(join(tmpdir(), 'rqb-open-'));
    dirs.push(dir);
    return Array.from({ length: n }, (_, i) => {
      const path = join(dir, `f${i}`);
      writeFileSync(path, `file ${i}: 0123456789`);
      return path;
    });
  };
  const read = (files: OpenFiles, path: string, position: number, length: number): string => {
    const into = new Uint8Array(length);
    const n = files.read(path, into, position);
    return Buffer.from(into.subarray(0, n)).toString();
  };

  it('reads pieces of files and keeps at most `max` of them open, the least recently read closed first', () => {
    const paths = files(3);
    const before = openDescriptors();
    const open = new OpenFiles(2);
    expect(read(open, paths[0]!, 0, 6)).toBe('file 0');
    expect(read(open, paths[1]!, 8, 4)).toBe('0123');
    expect(read(open, paths[0]!, 8, 2)).toBe('01'); // kept open
    expect(openDescriptors()).toBe(before + 2);
    expect(read(open, paths[2]!, 0, 6)).toBe('file 2'); // the third closes the one read longest ago (f1)
    expect(openDescriptors()).toBe(before + 2);
    expect(read(open, paths[1]!, 0, 6)).toBe('file 1'); // opened again
    expect(read(open, paths[0]!, 12, 100)).toBe('456789'); // fewer bytes where the file ends
    open.closeAll();
    expect(openDescriptors()).toBe(before);
  });

  it('throws for a file that cannot be opened and holds nothing open for it', () => {
    const before = openDescriptors();
    const open = new OpenFiles(2);
    expect(() => read(open, join(tmpdir(), 'rqb-no-such-file'), 0, 4)).toThrow(/ENOENT/);
    expect(openDescriptors()).toBe(before);
  });
});
