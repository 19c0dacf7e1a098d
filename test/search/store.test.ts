import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { IndexError } from '../../src/errors.js';
import { ingest } from '../../src/ingest.js';
import { LexicalIndexBuilder, PAGE } from '../../src/search/bm25.js';
import { lexicalFileParts, writeLexicalFile } from '../../src/search/lexical-file.js';
import { bodyChecksum } from '../../src/search/index-format.js';
import { decodeReportBody } from '../../src/search/report-file.js';
import { IndexStore } from '../../src/search/store.js';
import { FilePostingPages } from '../../src/search/generation-writer.js';
import { checkReportsAhead, loadIndex, readReportsAhead } from '../../src/search/load-index.js';
import { NEW_REPORT, tempCorpus, tempDir } from '../helpers/fixtures.js';

const sha1Of = (bytes: Buffer): string => createHash('sha1').update(bytes).digest('hex');

describe('postings spilled to a scratch file', () => {
  it('build the same index as postings kept in memory, across pages and empty documents, and the file is gone after', () => {
    const path = join(tempDir(), 'postings.tmp');
    const inMemory = new LexicalIndexBuilder();
    const spilled = new LexicalIndexBuilder(new FilePostingPages(path));
    // Enough documents for two full pages and a partial one; every 7th document has no terms.
    const docs = Math.ceil((2.3 * PAGE) / 9);
    const holding17: number[] = [];
    for (let d = 0; d < docs; d++) {
      const counts: [string, number][] =
        d % 7 === 0 ? [] : Array.from({ length: 9 }, (_, k) => [`t${(d * 31 + k * 17) % 5000}`, 1 + ((d + k) % 3)]);
      if (counts.some(([t]) => t === 't17')) holding17.push(d);
      inMemory.addCounts(counts, counts.length);
      spilled.addCounts(counts, counts.length);
    }
    expect(existsSync(path)).toBe(true);
    const a = inMemory.build();
    const b = spilled.build();
    expect(existsSync(path)).toBe(false);
    expect(Buffer.concat(lexicalFileParts(b)).equals(Buffer.concat(lexicalFileParts(a)))).toBe(true);
    expect(b.search(['t17', 't4000'], 5)).toEqual(a.search(['t17', 't4000'], 5));
    // Each posting is filed under the document it came from (documents without terms shift none).
    expect(
      b
        .search(['t17'], docs)
        .map((h) => h.doc)
        .sort((x, y) => x - y),
    ).toEqual(holding17);
  });
});

describe('lexical.bin written in batches of terms', () => {
  it('has the bytes of the index built whole, from memory or from a spilled file read once per batch', () => {
    const dir = tempDir();
    // Enough postings for two full pages of the scratch file and a partial one; every 11th document has no terms.
    const docs = Math.ceil((2.3 * PAGE) / 7);
    const fill = (builder: LexicalIndexBuilder): LexicalIndexBuilder => {
      for (let d = 0; d < docs; d++) {
        const counts: [string, number][] =
          d % 11 === 0 ? [] : Array.from({ length: 7 }, (_, k) => [`t${(d * 13 + k * 29) % 5000}`, 1 + ((d + k) % 4)]);
        builder.addCounts(counts, counts.length);
      }
      return builder;
    };
    const whole = Buffer.concat(lexicalFileParts(fill(new LexicalIndexBuilder()).build()));
    for (const [name, builder] of [
      ['memory', fill(new LexicalIndexBuilder())],
      ['spilled', fill(new LexicalIndexBuilder(new FilePostingPages(join(dir, 'postings.tmp'))))],
    ] as const) {
      const path = join(dir, `${name}.bin`);
      // About 500,000 postings a batch: five passes.
      expect(writeLexicalFile(path, builder.inBatches(500_000))).toBe(whole.length);
      builder.dispose();
      expect(readFileSync(path).equals(whole)).toBe(true);
    }
    const empty = join(dir, 'empty.bin');
    writeLexicalFile(empty, new LexicalIndexBuilder().inBatches(1000));
    expect(readFileSync(empty).equals(Buffer.concat(lexicalFileParts(new LexicalIndexBuilder().build())))).toBe(true);
  });
});

describe('report texts read ahead', () => {
  let dataDir: string;
  let reportsDir: string;
  beforeAll(async () => {
    const corpus = tempCorpus();
    writeFileSync(join(corpus.corpusDir, 'riverside-2024.md'), NEW_REPORT);
    await ingest({ corpusDir: corpus.corpusDir, dataDir: corpus.dataDir });
    dataDir = corpus.dataDir;
    reportsDir = join(new IndexStore(dataDir).current()!, 'reports');
  });
  const load = () => [...loadIndex(new IndexStore(dataDir))!.index.reports.values()];
  const fileOf = (id: string): string => join(reportsDir, `${id}.bin`);

  it('are in memory afterwards: the files are not read again', async () => {
    const reports = load();
    const done = await readReportsAhead(reports);
    expect(done).toEqual({ reports: 2, bytes: reports.reduce((sum, r) => sum + statSync(fileOf(r.id)).size, 0) });
    const hidden = join(reportsDir, '..', 'hidden');
    renameSync(reportsDir, hidden);
    try {
      expect(reports.map((r) => r.paragraphs.length).every((n) => n > 0)).toBe(true);
      expect(reports.find((r) => r.id === 'riverside-2024')!.text).toContain('52000 books');
    } finally {
      renameSync(hidden, reportsDir);
    }
    // Nothing is left to read.
    expect(await readReportsAhead(reports)).toEqual({ reports: 0, bytes: 0 });
  });

  it('each keep their own text and paragraphs, read one after another into the same memory', () => {
    const store = new IndexStore(dataDir);
    const dir = store.current()!;
    // The larger first: the smaller one read after it is its own bytes, not the rest of the larger one's.
    const ids = load()
      .map((r) => r.id)
      .sort((x, y) => statSync(fileOf(y)).size - statSync(fileOf(x)).size);
    const bodies = ids.map((id) => store.readReport(dir, id));
    ids.forEach((id, i) => expect(bodies[i]).toEqual(decodeReportBody(readFileSync(fileOf(id)), id)));
    expect(statSync(fileOf(ids[0]!)).size).toBeGreaterThan(statSync(fileOf(ids[1]!)).size);
  });

  it("check a report file's checksum the first time a store reads it; a fresh store finds a file damaged since", () => {
    const id = 'riverside-2024';
    const file = fileOf(id);
    const good = readFileSync(file);
    const entry = new IndexStore(dataDir).manifest()!.reports[id]!;
    expect(entry.bodyCrc32).toBe(crc32(good));
    // The CRC-32 written now, and the SHA-1 an index written before holds instead.
    for (const checksum of [bodyChecksum(entry)!, bodyChecksum({ bodySha1: sha1Of(good) })!]) {
      const store = new IndexStore(dataDir);
      const dir = store.current()!;
      expect(store.readReport(dir, id, checksum).text).toContain('52000 books');
      try {
        const damaged = Buffer.from(good);
        damaged[damaged.length - 1] = damaged.at(-1)! ^ 1;
        writeFileSync(file, damaged);
        expect(() => store.readReport(dir, id, checksum)).not.toThrow(); // checked once: a generation's files never change
        expect(() => new IndexStore(dataDir).readReport(dir, id, checksum)).toThrow(/checksum does not match/);
        // Only the generation read last is remembered: another (here the same directory, named otherwise) is checked.
        expect(() => store.readReport(`${dir}/.`, id, checksum)).toThrow(/checksum does not match/);
      } finally {
        writeFileSync(file, good);
      }
    }
  });

  it("read a report's chunks straight into its rows; a chunk file missing or of another length is a broken index", () => {
    const store = new IndexStore(dataDir);
    const dir = store.current()!;
    const id = 'riverside-2024';
    const count = store.manifest()!.reports[id]!.chunkCount;
    const file = join(dir, 'chunks', `${id}.i32`);
    const good = readFileSync(file);
    expect(Buffer.from(store.readChunks(dir, id, count).buffer).equals(good)).toBe(true);
    expect(() => store.readChunks(dir, id, count + 1)).toThrow(/chunk file .* is missing or truncated/);
    try {
      rmSync(file);
      expect(() => store.readChunks(dir, id, count)).toThrow(/chunk file .* is missing or unreadable/);
      expect(store.readChunks(dir, id, 0)).toEqual(new Int32Array(0));
    } finally {
      writeFileSync(file, good);
    }
  });

  it("beyond the budget have their files' checksums taken ahead; a damaged file is left for a question to report", async () => {
    const reports = load();
    const broken = reports.find((r) => r.id === 'riverside-2024')!;
    const file = fileOf(broken.id);
    const good = readFileSync(file);
    try {
      const damaged = Buffer.from(good);
      damaged[damaged.length - 1] = damaged.at(-1)! ^ 1;
      writeFileSync(file, damaged);
      expect(await checkReportsAhead(reports)).toBe(1); // the other report's
      expect(() => broken.text).toThrow(/checksum does not match/);
      // The one checked is only decoded at its first read, as after a first read (a generation's files never change).
      writeFileSync(file, good);
      expect(broken.paragraphs.length).toBeGreaterThan(0);
      const other = reports.find((r) => r !== broken)!;
      const otherFile = fileOf(other.id);
      const otherGood = readFileSync(otherFile);
      const otherDamaged = Buffer.from(otherGood);
      otherDamaged[otherDamaged.length - 1] = otherDamaged.at(-1)! ^ 1;
      writeFileSync(otherFile, otherDamaged);
      try {
        expect(() => other.text).not.toThrow();
      } finally {
        writeFileSync(otherFile, otherGood);
      }
      const abort = new AbortController();
      abort.abort();
      expect(await checkReportsAhead(load(), abort.signal)).toBe(0);
    } finally {
      writeFileSync(file, good);
    }
  });

  it('skip reports a question has read already, and stop at the budget or when aborted', async () => {
    const reports = load();
    void reports[0]!.text;
    expect((await readReportsAhead(reports)).reports).toBe(1);
    expect(await readReportsAhead(load(), { budget: 10 })).toEqual({ reports: 0, bytes: 0, stopped: 'budget' });
    const abort = new AbortController();
    abort.abort();
    expect(await readReportsAhead(load(), { signal: abort.signal })).toEqual({
      reports: 0,
      bytes: 0,
      stopped: 'aborted',
    });
  });

  it('stop at a file they cannot read, which a question then reports as a broken index', async () => {
    const reports = load();
    const broken = reports.find((r) => r.id === 'riverside-2024')!;
    const path = fileOf(broken.id);
    const saved = join(reportsDir, '..', 'saved.bin');
    renameSync(path, saved);
    try {
      const done = await readReportsAhead(reports);
      expect(done.stopped).toContain(path);
      expect(() => broken.text).toThrow(IndexError);
    } finally {
      rmSync(path, { force: true });
      renameSync(saved, path);
    }
  });
});

describe('the live manifest', () => {
  it('is read once per generation, again when its file changes or a new generation goes live', async () => {
    const { corpusDir, dataDir } = tempCorpus();
    const store = new IndexStore(dataDir);
    await ingest({ corpusDir, dataDir, store });
    const first = store.manifest()!;
    expect(store.manifest()).toBe(first); // not parsed again
    const path = join(store.current()!, 'manifest.json');
    writeFileSync(path, JSON.stringify({ ...first, nextLabel: first.nextLabel + 1 }));
    expect(store.manifest()!.nextLabel).toBe(first.nextLabel + 1);
    writeFileSync(join(corpusDir, 'new-report.txt'), NEW_REPORT);
    await ingest({ corpusDir, dataDir, store });
    expect(Object.keys(store.manifest()!.reports)).toHaveLength(Object.keys(first.reports).length + 1);
  });
});
