import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnswerEngine } from '../src/answer/engine.js';
import { ingest } from '../src/ingest.js';
import { SubscriptionStore } from '../src/notices/store.js';
import { SqliteDb } from '../src/db/sqlite.js';
import { loadEmbedder, type Embedder } from '../src/search/embedder.js';
import { IndexStore } from '../src/search/store.js';
import { loadIndex, loadIndexWordsFirst } from '../src/search/load-index.js';
import { GraphScan } from '../src/search/graph-scan.js';
import { VectorIndex } from '../src/search/vector-index.js';
import { buildTinyModel } from './helpers/tiny-model.js';
import { REPO, REPORT_TEXT, tempCorpus, tempDir } from './helpers/fixtures.js';

const TOKEN = '987654321:SECRET-token-never-to-be-printed_xyz';

function run(script: string, env: Record<string, string>, args: string[] = [], input = '') {
  return spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: REPO,
    input,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, LOG_LEVEL: '', EMBEDDING_MODEL: 'none', ...env },
  });
}

function canMount(dir: string, options: string): boolean {
  mkdirSync(dir, { recursive: true });
  return spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]).status === 0;
}

/** An index of the bundled report with vectors of a tiny model built for it, and its embedder. */
async function denseIndex(): Promise<{ store: IndexStore; embedder: Embedder }> {
  const { corpusDir, dataDir } = tempCorpus();
  const embedder = await loadEmbedder(buildTinyModel(join(tempDir(), 'tiny'), [REPORT_TEXT]), tempDir());
  await ingest({ corpusDir, dataDir, embedder });
  return { store: new IndexStore(dataDir), embedder };
}

describe('secrets', () => {
  it('the token never appears in output, even when the Bot API cannot be reached', async () => {
    const { corpusDir, dataDir } = tempCorpus();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: REPO,
      env: {
        ...process.env,
        LOG_LEVEL: '',
        EMBEDDING_MODEL: 'none',
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: 'http://127.0.0.1:9',
        CORPUS_DIR: corpusDir,
        DATA_DIR: dataDir,
      },
    });
    const r = { stdout: '', stderr: '' };
    child.stdout.on('data', (d: Buffer) => (r.stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (r.stderr += d.toString()));
    while (!r.stderr.includes('retrying in 2s')) await new Promise((res) => setTimeout(res, 50));
    child.kill('SIGTERM');
    const code = await new Promise((res) => child.once('exit', res));
    expect(code).toBe(0);
    expect(r.stderr).toMatch(/Bot API not reachable \(Network request for 'getMe' failed!\); retrying in 1s\./);
    expect(`${r.stdout}${r.stderr}`).not.toContain('SECRET-token');
    expect(`${r.stdout}${r.stderr}`).not.toContain('987654321:');
  });
});

describe('broken or unwritable state', () => {
  it('a corrupt index stops start-up with the command that fixes it', () => {
    const { corpusDir, dataDir } = tempCorpus();
    expect(run('scripts/ingest.ts', { CORPUS_DIR: corpusDir, DATA_DIR: dataDir }).status).toBe(0);
    const dir = new IndexStore(dataDir).current()!;
    writeFileSync(join(dir, 'reports', 'zuoyun-2023-rule-of-law-report.bin'), 'RQBREP1\n trunc');
    const r = run('src/main.ts', { CORPUS_DIR: corpusDir, DATA_DIR: dataDir }, [], 'How many cases?\n');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      'is missing or corrupt; run `npm run ingest -- --rebuild` to rebuild it from the corpus.',
    );
    expect(run('scripts/ingest.ts', { CORPUS_DIR: corpusDir, DATA_DIR: dataDir, INGEST_ARGS: '' }).status).toBe(0);
  });

  it('a report text changed in place (same size) is never quoted: the checksum refuses it with the rebuild command', async () => {
    const { corpusDir, dataDir } = tempCorpus();
    await ingest({ corpusDir, dataDir });
    const store = new IndexStore(dataDir);
    const file = join(store.current()!, 'reports', 'zuoyun-2023-rule-of-law-report.bin');
    const bytes = readFileSync(file);
    // The text is stored as latin1 or UTF-16LE (report-file.ts), whichever fits.
    const encoding = bytes.indexOf(Buffer.from('13 administrative cases', 'latin1')) > 0 ? 'latin1' : 'utf16le';
    const at = bytes.indexOf(Buffer.from('13 administrative cases', encoding));
    expect(at).toBeGreaterThan(0);
    bytes.write('99', at, encoding); // "99 administrative cases": the same size, a different fact
    writeFileSync(file, bytes);
    const { index } = loadIndex(store)!;
    const engine = new AnswerEngine(index);
    await expect(engine.answer('How many administrative cases were there?')).rejects.toThrow(
      /checksum does not match\) is missing or corrupt; run `npm run ingest -- --rebuild`/,
    );
  });

  it('flipped bytes in the vector index are refused before the native reader sees them', async () => {
    const { store } = await denseIndex();
    const path = join(store.current()!, 'hnsw.bin');
    const bytes = readFileSync(path);
    for (const at of [40, 41, 42, 43]) bytes[at] = bytes[at]! ^ 0xff;
    writeFileSync(path, bytes);
    expect(() => loadIndex(store)).toThrow(
      /hnsw\.bin is corrupt \(its checksum does not match\); run `npm run ingest -- --rebuild`/,
    );
  });

  it('a start answers by words at once, by meaning once the graph file is checked; a damaged graph leaves the words', async () => {
    const { store, embedder } = await denseIndex();
    const first = loadIndexWordsFirst(store)!;
    expect(first.index.vectors).toBeUndefined();
    expect(new AnswerEngine(first.index, { embedder }).mode).toBe('lexical');
    await first.dense; // the graph file's vectors, scanned
    expect(new AnswerEngine(first.index, { embedder }).mode).toBe('hybrid');
    expect(first.index.vectors).toBeInstanceOf(GraphScan);
    expect(first.index.vectors!.count).toBe(loadIndex(store)!.index.vectors!.count);
    await first.graph; // hnswlib's graph
    expect(first.index.vectors).toBeInstanceOf(VectorIndex);

    const path = join(store.current()!, 'hnsw.bin');
    const bytes = readFileSync(path);
    for (const at of [40, 41, 42, 43]) bytes[at] = bytes[at]! ^ 0xff;
    writeFileSync(path, bytes);
    const damaged = loadIndexWordsFirst(store)!;
    await expect(damaged.dense).rejects.toThrow(
      /hnsw\.bin is corrupt \(its checksum does not match\); run `npm run ingest -- --rebuild`/,
    );
    expect(damaged.index.vectors).toBeUndefined();
    expect((await new AnswerEngine(damaged.index).answer('How many administrative cases?')).abstained).toBe(false);
  });

  it("the CLI's scan of the graph's vectors finds what the graph finds, and refuses a damaged file", async () => {
    const { store, embedder } = await denseIndex();
    const scanned = loadIndexWordsFirst(store, { graph: false })!;
    await scanned.dense;
    const graph = loadIndex(store)!.index;
    expect(scanned.index.vectors!.count).toBe(graph.vectors!.count);
    const [query] = await embedder.embed(['How many administrative cases were accepted?'], 'query');
    // The same sentences in the same order; a one-sentence run's similarity is the search's own (hnswlib sums in
    // single precision, the scan in double), so the two agree to about 1e-7.
    const [byScan, byGraph] = [scanned.index.denseSearch(query!, 10), graph.denseSearch(query!, 10)];
    expect(byScan.map((h) => h.chunk)).toEqual(byGraph.map((h) => h.chunk));
    byScan.forEach((h, i) => expect(h.similarity).toBeCloseTo(byGraph[i]!.similarity, 6));

    const path = join(store.current()!, 'hnsw.bin');
    const bytes = readFileSync(path);
    bytes[bytes.length >> 1] = bytes[bytes.length >> 1]! ^ 0xff; // inside the records: only the checksum tells
    writeFileSync(path, bytes);
    await expect(loadIndexWordsFirst(store, { graph: false })!.dense).rejects.toThrow(
      /hnsw\.bin is corrupt \(its checksum does not match\); run `npm run ingest -- --rebuild`/,
    );
  });

  it("a report's chunk rows are read when a question needs them: a missing file refuses that question, not the start", async () => {
    const { corpusDir, dataDir } = tempCorpus();
    await ingest({ corpusDir, dataDir });
    const store = new IndexStore(dataDir);
    const [id] = Object.keys(store.manifest()!.reports);
    truncateSync(join(store.current()!, 'chunks', `${id}.i32`), 6);
    const { index } = loadIndex(store)!;
    await expect(new AnswerEngine(index).answer('How many administrative cases were there?')).rejects.toThrow(
      /chunks\/.*\.i32 is missing or truncated; run `npm run ingest -- --rebuild`/,
    );
  });

  it('a damaged lexical index: its head stops start-up, damaged postings the question that reads them', async () => {
    const { corpusDir, dataDir } = tempCorpus();
    await ingest({ corpusDir, dataDir });
    const store = new IndexStore(dataDir);
    const path = join(store.current()!, 'lexical.bin');
    const bytes = readFileSync(path);
    const headerLength = bytes.readUInt32LE(8);
    const { terms, postings } = JSON.parse(bytes.subarray(12, 12 + headerLength).toString()) as {
      terms: string[];
      postings: number;
    };
    const docsAt = 12 + headerLength + 4 * (terms.length + 1);
    const damaged = Buffer.from(bytes);
    for (let at = docsAt; at < docsAt + 4 * postings; at += 64) damaged[at] = damaged[at]! ^ 0xff;
    writeFileSync(path, damaged);
    // The postings are read when a question needs them (each word's checked on its first read), never all at start.
    const { index } = loadIndex(store)!;
    await expect(new AnswerEngine(index).answer('How many administrative cases were there?')).rejects.toThrow(
      /lexical\.bin could not be read \(.*do not match their checksum\); run `npm run ingest -- --rebuild`/,
    );
    const head = Buffer.from(bytes);
    head[bytes.length - 8] = head[bytes.length - 8]! ^ 0xff; // a word's checksum: part of the head
    writeFileSync(path, head);
    expect(() => loadIndex(store)).toThrow(/lexical\.bin is corrupt; run `npm run ingest -- --rebuild`/);
  });

  it('an index written before the graph had a CRC-32 is checked by its SHA-1', async () => {
    const { store } = await denseIndex();
    const manifestPath = join(store.current()!, 'manifest.json');
    const { hnswCrc32, ...older } = JSON.parse(readFileSync(manifestPath, 'utf8')) as { hnswCrc32: number };
    expect(typeof hnswCrc32).toBe('number');
    const graph = readFileSync(join(store.current()!, 'hnsw.bin'));
    const withSha1 = (sha1: string): void => writeFileSync(manifestPath, JSON.stringify({ ...older, hnswSha1: sha1 }));
    withSha1(createHash('sha1').update(graph).digest('hex'));
    expect(loadIndex(store)!.index.vectors!.count).toBeGreaterThan(0);
    await loadIndexWordsFirst(store)!.dense;
    withSha1('0'.repeat(40));
    expect(() => loadIndex(store)).toThrow(/hnsw\.bin is corrupt \(its checksum does not match\)/);
    await expect(loadIndexWordsFirst(store)!.dense).rejects.toThrow(/its checksum does not match/);
  });

  it('a truncated vector index is refused before the native reader sees it', async () => {
    const { store } = await denseIndex();
    truncateSync(join(store.current()!, 'hnsw.bin'), 100);
    expect(() => loadIndex(store)).toThrow(/hnsw\.bin is missing or truncated; run `npm run ingest -- --rebuild`/);
  });

  const probe = join(tempDir(), 'probe');
  const mountable = canMount(probe, 'size=1m') && spawnSync('umount', [probe]).status === 0;
  it('a malformed index manifest is refused with the command that fixes it', async () => {
    const { corpusDir, dataDir } = tempCorpus();
    await ingest({ corpusDir, dataDir });
    const store = new IndexStore(dataDir);
    const path = join(store.current()!, 'manifest.json');
    writeFileSync(path, JSON.stringify({ ...JSON.parse(readFileSync(path, 'utf8')), reports: null }));
    expect(() => loadIndex(store)).toThrow(
      `The index manifest (${path}) is malformed; run \`npm run ingest -- --rebuild\` to rebuild it from the corpus.`,
    );
  });

  it.skipIf(!mountable)(
    'a read-only or full DATA_DIR: a clear message and exit code 3 (needs root to mount tmpfs)',
    () => {
      const { corpusDir } = tempCorpus();
      const readOnly = join(tempDir(), 'ro');
      const full = join(tempDir(), 'full');
      expect(canMount(readOnly, 'ro,size=1m')).toBe(true);
      expect(canMount(full, 'size=16k')).toBe(true);
      try {
        for (const [dir, reason] of [
          [readOnly, 'the file system is read-only'],
          [full, 'no space left on the device'],
        ] as const) {
          for (const script of ['scripts/ingest.ts', 'scripts/ask.ts']) {
            const r = run(
              script,
              { CORPUS_DIR: corpusDir, DATA_DIR: dir },
              script.endsWith('ask.ts') ? ['How many cases?'] : [],
            );
            expect(r.status).toBe(3);
            expect(r.stderr).toContain(`Cannot write to DATA_DIR (${dir}): ${reason}.`);
          }
        }
      } finally {
        spawnSync('umount', [readOnly]);
        spawnSync('umount', [full]);
      }
    },
  );
});

describe('kill -9', () => {
  it('during an ingest: the previous index stays loadable and complete', async () => {
    const { corpusDir, dataDir } = tempCorpus();
    await ingest({ corpusDir, dataDir });
    const before = new IndexStore(dataDir).manifest();
    for (let i = 0; i < 30; i++)
      writeFileSync(join(corpusDir, `copy-${i}.txt`), REPORT_TEXT.replaceAll('2023', String(1990 + i)));
    const model = buildTinyModel(join(tempDir(), 'tiny'), [REPORT_TEXT]);
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts'], {
      cwd: REPO,
      env: { ...process.env, CORPUS_DIR: corpusDir, DATA_DIR: dataDir, EMBEDDING_MODEL: model, LOG_LEVEL: 'silent' },
      stdio: 'ignore',
    });
    const store = new IndexStore(dataDir);
    const started = Date.now();
    // Wait until it is writing its new generation, then kill it.
    while (
      !readFileSync(`/proc/${String(child.pid)}/cmdline`, 'utf8').length ||
      (await import('node:fs')).readdirSync(store.root).filter((f) => f.startsWith('gen-')).length < 2
    ) {
      if (Date.now() - started > 30_000) throw new Error('ingest never started writing');
      await new Promise((r) => setTimeout(r, 10));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(store.manifest()).toEqual(before);
    expect(loadIndex(store)!.index.reports.size).toBe(1);
    const after = await ingest({ corpusDir, dataDir });
    expect(after.added).toHaveLength(30);
  });

  it('during SQLite writes: the database passes an integrity check and keeps every committed row', async () => {
    const path = join(tempDir(), 'subscriptions.db');
    await (await SubscriptionStore.openFile(path)).close();
    const script = `
      import { SubscriptionStore } from './src/notices/store.ts';
      const store = await SubscriptionStore.openFile(${JSON.stringify(path)});
      for (let i = 1; ; i++) {
        await store.subscribe(i, 'private', 'en');
        await store.announce('r' + i, () => [{ part: 'notice', payload: { text: 'x'.repeat(500) } }]);
        if (i % 50 === 0) process.stdout.write(i + '\\n');
      }`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let committed = 0;
    child.stdout.on(
      'data',
      (d: Buffer) => (committed = Math.max(committed, ...String(d).trim().split('\n').map(Number))),
    );
    while (committed < 300) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const file = new SqliteDb(path);
    expect(file.integrityCheck()).toBe('ok');
    const store = await SubscriptionStore.open(file);
    expect((await store.activeSubscribers()).length).toBeGreaterThanOrEqual(committed);
    expect((await store.counts()).pending).toBeGreaterThanOrEqual(committed - 1);
    await store.close();
  });
});
