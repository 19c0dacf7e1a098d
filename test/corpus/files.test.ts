import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  convertReport,
  listReportFiles,
  loadReport,
  readReportFile,
  scanCorpus,
  stampOf,
} from '../../src/corpus/files.js';
import { ReportFileError } from '../../src/errors.js';
import { tempDir } from '../helpers/fixtures.js';

describe('scanCorpus', () => {
  it('reads good files and names each bad one with its reason', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'good.txt'), 'The county built roads.\n');
    writeFileSync(join(dir, 'empty.txt'), '  \n');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01]));
    writeFileSync(join(dir, 'gbk.txt'), Buffer.from([0xd7, 0xf3, 0xd4, 0xc6, 0xcf, 0xd8]));
    writeFileSync(join(dir, 'good.md'), '# Same id as good.txt\n\nText.');
    writeFileSync(join(dir, 'notes.odt'), 'ignored'); // not a report format
    const outside = tempDir();
    writeFileSync(join(outside, 'secret.txt'), 'secret');
    symlinkSync(join(outside, 'secret.txt'), join(dir, 'link.txt'));
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]); // would block a read (and the ingest lock) forever
    mkdirSync(join(dir, 'folder.md'));
    const { files, errors } = scanCorpus(dir);
    expect(files.map((f) => f.file)).toEqual(['good.md']);
    expect(errors.map((e) => e.message).sort()).toEqual([
      'binary.txt: looks binary (contains NUL bytes); only UTF-8 text or Markdown is accepted.',
      'empty.txt: is empty.',
      'folder.md: is not a regular file; refused.',
      'gbk.txt: is not valid UTF-8; convert it (e.g. iconv -f GB18030 -t UTF-8) and try again.',
      'good.txt: has the same report id "good" as good.md; rename one of them.',
      'link.txt: is a symbolic link pointing outside the corpus directory; refused.',
      'pipe.txt: is not a regular file; refused.',
    ]);
  });

  it('gives each file a stable content hash', () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'a.txt'), 'Same text.');
    const first = scanCorpus(dir).files[0]!.hash;
    expect(scanCorpus(dir).files[0]!.hash).toBe(first);
    writeFileSync(join(dir, 'a.txt'), 'Other text.');
    expect(scanCorpus(dir).files[0]!.hash).not.toBe(first);
  });

  it('does not read a file whose size, time and inode are as last seen (nor keep any text)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), 'Same text.');
    const [seen] = scanCorpus(dir).files;
    expect(Object.keys(seen!).sort()).toEqual(['file', 'hash', 'id', 'stamp']); // no text kept
    expect(seen!.stamp).toEqual(stampOf(dir, 'a.txt'));
    // The known hash stands without reading: proof that it was not recomputed.
    expect(scanCorpus(dir, () => ({ stamp: seen!.stamp, hash: 'known' })).files[0]!.hash).toBe('known');
    // A touched file (or sidecar) is read again.
    utimesSync(join(dir, 'a.txt'), new Date(), new Date(Date.now() + 5000));
    expect(scanCorpus(dir, () => ({ stamp: seen!.stamp, hash: 'known' })).files[0]!.hash).toBe(seen!.hash);
    writeFileSync(join(dir, 'a.meta.json'), '{}');
    const touched = scanCorpus(dir).files[0]!;
    expect(scanCorpus(dir, () => ({ stamp: seen!.stamp, hash: 'known' })).files[0]!.hash).toBe(touched.hash);
  });
});

describe('readReportFile', () => {
  it('refuses a path-traversing name and names a file that vanished', async () => {
    const { readReportFile } = await import('../../src/corpus/files.js');
    const dir = tempDir();
    expect(() => readReportFile(dir, '../../etc/passwd')).toThrow(
      '../../etc/passwd: is outside the corpus directory; refused.',
    );
    expect(() => readReportFile(dir, 'gone.txt')).toThrow(
      'gone.txt: disappeared while being read; it will be picked up on the next ingest.',
    );
  });

  it('reads a Markdown report as its reader sees it (links as their words), a text report as it is', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'q.md'),
      '# Q3\n\nWork on all [25 exemplar services](https://www.gov.uk/transformation).\n',
    );
    writeFileSync(join(dir, 'q.txt'), 'Work on all [25 exemplar services](https://www.gov.uk/transformation).\n');
    expect(readReportFile(dir, 'q.md').text).toBe('# Q3\n\nWork on all 25 exemplar services.\n');
    expect(readReportFile(dir, 'q.txt').text).toContain('](https://');
    writeFileSync(join(dir, 'empty.md'), '<div>\n</div>\n');
    expect(() => readReportFile(dir, 'empty.md')).toThrow('empty.md: is empty.');
  });

  it('a converted report is held to the text limit too (a small file can convert to far more text)', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'big.html'),
      `<html><body><h1>Big</h1>${'<p>The county built roads again this year.</p>'.repeat(200)}</body></html>`,
    );
    await expect(loadReport(dir, 'big.html', { maxTextChars: 4000 })).rejects.toThrow(
      /big\.html: gives \d+ MB of text once converted; reports over \d+ MB are refused\./,
    );
    expect((await loadReport(dir, 'big.html')).text).toContain('The county built roads again this year.');
  });
});

describe("a report's sidecar", () => {
  it('keeps the fields it knows with the right types; a url only when it is one web address', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), 'The county built roads.');
    const sidecar = (meta: object): Record<string, unknown> | undefined => {
      writeFileSync(join(dir, 'a.meta.json'), JSON.stringify(meta));
      return readReportFile(dir, 'a.txt').sidecar;
    };
    expect(
      sidecar({
        title: 'Roads',
        shortTitle: 5,
        issuer: 'Roads Office',
        examples: ['How many roads?', 2],
        examplesZh: ['修了多少路？'],
        colour: 'blue',
        url: 'https://example.gov/roads',
      }),
    ).toEqual({
      title: 'Roads',
      issuer: 'Roads Office',
      examplesZh: ['修了多少路？'],
      url: 'https://example.gov/roads',
    });
    for (const url of ['ftp://example.gov/r', 'https://example.gov/a b', 'see https://example.gov', 7])
      expect(sidecar({ url })).toEqual({});
    expect(sidecar({ examples: 'How many roads?', title: ['Roads'] })).toEqual({});
    expect(sidecar({ url: 'http://example.gov/r' })).toEqual({ url: 'http://example.gov/r' });
  });

  it('a sidecar that is not JSON names the file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'b.md'), '# B\n\nText.');
    writeFileSync(join(dir, 'b.meta.json'), '{ title: ');
    expect(() => readReportFile(dir, 'b.md')).toThrow('b.md: its metadata file b.meta.json is not valid JSON.');
    // The sidecar is part of the report: its bytes change the hash.
    writeFileSync(join(dir, 'b.meta.json'), '{}');
    const before = readReportFile(dir, 'b.md').hash;
    writeFileSync(join(dir, 'b.meta.json'), '{"title": "B"}');
    expect(readReportFile(dir, 'b.md').hash).not.toBe(before);
  });
});

describe('listing and converting', () => {
  it('lists the report files of a folder, not hidden ones nor other formats; a missing folder says what to do', () => {
    const dir = tempDir();
    for (const f of ['b.md', 'a.txt', '.hidden.txt', 'c.pdf', 'notes.odt', 'd.meta.json'])
      writeFileSync(join(dir, f), 'x');
    expect(listReportFiles(dir).sort()).toEqual(['a.txt', 'b.md', 'c.pdf']);
    expect(() => listReportFiles(join(dir, 'a.txt'))).toThrow(
      `CORPUS_DIR (${join(dir, 'a.txt')}) is not a directory: create it, or set CORPUS_DIR to the folder holding the reports.`,
    );
    expect(() => listReportFiles(join(dir, 'none'))).toThrow(/is not a directory/);
  });

  it('a converted file: empty, a PDF under another name, a converter failure, no text, too much text', async () => {
    const dir = tempDir();
    const load = (name: string, text: string | Error, maxTextChars?: number) =>
      loadReport(dir, name, {
        ...(maxTextChars ? { maxTextChars } : {}),
        convert: async () => {
          if (text instanceof Error) throw text;
          return { text, layout: 'markdown' };
        },
      });
    writeFileSync(join(dir, 'empty.html'), ' \n ');
    await expect(load('empty.html', 'x')).rejects.toThrow('empty.html: is empty.');
    writeFileSync(join(dir, 'page.html'), '%PDF-1.7 ...');
    await expect(load('page.html', 'x')).rejects.toThrow(
      'page.html: is a PDF saved under another extension; rename it to .pdf.',
    );
    writeFileSync(join(dir, 'real.PDF'), '%PDF-1.7 ...');
    await expect(load('real.PDF', 'Roads')).resolves.toMatchObject({ text: 'Roads' });
    writeFileSync(join(dir, 'r.html'), '<p>Roads</p>');
    await expect(load('r.html', new Error('boom\n at line 3'))).rejects.toThrow(
      'r.html: could not be converted (boom); skipped.',
    );
    const own = new ReportFileError('r.html', 'is broken in its own way.');
    await expect(load('r.html', own)).rejects.toBe(own);
    await expect(load('r.html', '123 456 | 7')).rejects.toThrow('r.html: has no text once converted; skipped.');
    await expect(load('r.html', 'abcd', 3)).rejects.toThrow(
      'r.html: gives 0 MB of text once converted; reports over 0 MB are refused.',
    );
    await expect(load('r.html', 'abc', 3)).resolves.toMatchObject({ text: 'abc', layout: 'markdown' });
    await expect(convertReport('a.txt', Buffer.from('x'))).rejects.toThrow(
      'a.txt: is not a format that is converted (PDF, Word, HTML).',
    );
  });
});
