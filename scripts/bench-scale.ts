/**
 * `npm run bench:scale [-- --reports 1000] [-- --lexical-only | --processes]`: how the system behaves at 1,000 reports
 * (~100,000 chunks, 384-dimensional vectors). Model inference is excluded: a synthetic
 * bag-of-words embedder (benchmark only, never used by the product) gives every chunk a
 * vector with the cluster structure of its report's vocabulary.
 *
 * Prints (and writes to bench-results/scale.json): ingest time and peak memory, HNSW build
 * time, index size on disk, start-up load time and RSS (in a fresh process), query latency
 * p50/p99 split by stage (after the report texts are read ahead, as the running bot does), HNSW
 * recall@10 against exact search, and the time to add one report to the 1,000 and to replace one
 * in the middle. First, lexical only, the compiled CLIs as whole processes (`npm run build`
 * first): full ingest time and peak RSS, a one-question ask, a no-op ingest; `--lexical-only`
 * stops there (a minute instead of ten); `--processes` measures the same also with the bundled
 * offline model (real inference and HNSW in the ingest; what a hybrid start costs) and stops.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnswerEngine, type AnswerTimings } from '../src/answer/engine.js';
import { ingest } from '../src/ingest.js';
import { OFFLINE_MODEL, type Embedder } from '../src/search/embedder.js';
import { IndexStore } from '../src/search/store.js';
import { loadIndex, readReportsAhead } from '../src/search/load-index.js';
import { HNSW_PARAMS, VectorIndex } from '../src/search/vector-index.js';
import { percentile } from './bench-latency.js';
import { prng, syntheticReport, vocabularyOf } from './gen-synthetic-corpus.js';

const DIM = 384;

/**
 * Benchmark-only embedder with the cluster structure of real embeddings: every word belongs
 * to one of 64 topics; its vector is its topic's centre plus a word-specific part; a text is
 * the normalised sum of its words. Never used by the product.
 */
export function syntheticEmbedder(): Embedder {
  const random = (seed: number): Float32Array => {
    const rand = prng(seed);
    return Float32Array.from({ length: DIM }, () => rand() * 2 - 1);
  };
  const centres = Array.from({ length: 64 }, (_, i) => random(1_000_003 * (i + 1)));
  const words = new Map<string, Float32Array>();
  const vectorOf = (word: string): Float32Array => {
    let v = words.get(word);
    if (!v) {
      let seed = 0;
      for (const ch of word) seed = (Math.imul(seed, 31) + ch.charCodeAt(0)) >>> 0;
      const own = random(seed);
      const centre = centres[seed % centres.length]!;
      v = own.map((x, i) => 0.8 * centre[i]! + 0.6 * x);
      words.set(word, v);
    }
    return v;
  };
  return {
    id: 'synthetic-bag-of-words-384',
    dim: DIM,
    embed(texts) {
      const vectors = texts.map((text) => {
        const sum = new Float32Array(DIM);
        for (const w of text.toLowerCase().match(/[a-z]{3,}/g) ?? []) {
          const v = vectorOf(w);
          for (let i = 0; i < DIM; i++) sum[i] = sum[i]! + v[i]!;
        }
        const norm = Math.hypot(...sum) || 1;
        return sum.map((x) => x / norm);
      });
      return Promise.resolve(vectors);
    },
  };
}

const mb = (bytes: number): number => Math.round(bytes / 1048576);
const rssMb = (): number => mb(process.memoryUsage().rss);

function dirBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true }))
    total += entry.isDirectory() ? dirBytes(join(dir, entry.name)) : statSync(join(dir, entry.name)).size;
  return total;
}

/** Runs in a fresh process: start-up load time and RSS, query latency by stage, recall@10. */
async function serve(dataDir: string): Promise<void> {
  const rssBefore = rssMb();
  const started = performance.now();
  const store = new IndexStore(dataDir);
  const { index, manifest } = loadIndex(store)!;
  const loadMs = performance.now() - started;
  // Settled memory: what the loaded index keeps, without the garbage its loading left.
  (globalThis as { gc?: () => void }).gc?.();
  const rssLoaded = rssMb();
  const heap = process.memoryUsage();
  // What the running bot does next, in the background: read the report texts ahead (questions are timed after it).
  const readStarted = performance.now();
  const ahead = await readReportsAhead(index.reports.values());
  const readAheadMs = performance.now() - readStarted;
  (globalThis as { gc?: () => void }).gc?.();
  const rssReadAhead = rssMb();
  const embedder = syntheticEmbedder();
  const timings: AnswerTimings[] = [];
  const hybrid = new AnswerEngine(index, { embedder, onTimings: (t) => timings.push(t) });
  const lexicalTimings: AnswerTimings[] = [];
  const lexical = new AnswerEngine(index, { onTimings: (t) => lexicalTimings.push(t) });
  const rand = prng(42);
  const reports = [...index.reports.values()];
  const questions = Array.from({ length: 300 }, () => {
    const r = reports[Math.floor(rand() * reports.length)]!;
    const p = r.paragraphs[Math.floor(rand() * r.paragraphs.length)]!;
    const words = r.text.slice(p.start, p.end).match(/[a-z]{3,}/gi) ?? ['report'];
    const pick = (): string => words[Math.floor(rand() * words.length)]!;
    return `How many ${pick()} ${pick()} ${pick()} were there in ${r.meta.title.match(/\d{4}/)?.[0] ?? ''}?`;
  });
  const total: number[] = [];
  const lexicalTotal: number[] = [];
  for (const q of questions.slice(0, 20)) await hybrid.answer(q); // warm-up
  timings.length = 0;
  for (const q of questions) {
    let t = performance.now();
    await hybrid.answer(q);
    total.push(performance.now() - t);
    t = performance.now();
    await lexical.answer(q);
    lexicalTotal.push(performance.now() - t);
  }
  (globalThis as { gc?: () => void }).gc?.();
  const rssAfterQueries = rssMb();
  // Recall@10 of HNSW against exact search over every stored vector.
  const dir = store.current()!;
  const all: { label: number; v: Float32Array }[] = [];
  for (const [id, entry] of Object.entries(manifest.reports)) {
    const flat = store.readVectors(dir, id, entry.chunkCount, DIM);
    for (let i = 0; i < entry.chunkCount; i++)
      all.push({ label: entry.firstLabel + i, v: flat.subarray(i * DIM, (i + 1) * DIM) });
  }
  const recallQueries = 100;
  const recallOf = (queries: Float32Array[]): number => {
    let found = 0;
    for (const v of queries) {
      let tenth = -Infinity;
      const top: number[] = [];
      for (const x of all) {
        let dot = 0;
        for (let i = 0; i < DIM; i++) dot += x.v[i]! * v[i]!;
        if (top.length < 10 || dot > top[top.length - 1]!) {
          top.push(dot);
          top.sort((a, b) => b - a);
          if (top.length > 10) top.pop();
        }
      }
      // Tie-aware: many chunks are identical (header lines repeat across reports), so any hit at
      // least as similar as the 10th exact neighbour is a correct one.
      tenth = top[9]! - 1e-5;
      found += Math.min(10, index.vectors!.search(v, 10).filter((h) => h.similarity >= tenth).length);
    }
    return found / (queries.length * 10);
  };
  // Queries like the data: stored vectors moved by noise (the usual ANN benchmark), and queries like questions.
  const noisy = Array.from({ length: recallQueries }, () => {
    const base = all[Math.floor(rand() * all.length)]!.v;
    const v = base.map((x) => x + (rand() * 2 - 1) * 0.05);
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  });
  const asked = await embedder.embed(questions.slice(0, recallQueries), 'query');
  const recall = { dataLike: recallOf(noisy), questionLike: recallOf(asked) };
  const stage = (key: keyof AnswerTimings, list = timings) => {
    const sorted = list.map((t) => t[key]).sort((a, b) => a - b);
    return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
  };
  total.sort((a, b) => a - b);
  lexicalTotal.sort((a, b) => a - b);
  process.stdout.write(
    JSON.stringify({
      chunks: index.chunkCount,
      loadMs,
      rssBeforeMb: rssBefore,
      rssLoadedMb: rssLoaded,
      rssAfterQueriesMb: rssAfterQueries,
      readAhead: {
        ms: readAheadMs,
        reports: ahead.reports,
        mb: mb(ahead.bytes),
        stopped: ahead.stopped,
        rssMb: rssReadAhead,
      },
      heapUsedMb: mb(heap.heapUsed),
      externalMb: mb(heap.external),
      hybrid: { p50: percentile(total, 50), p95: percentile(total, 95), p99: percentile(total, 99) },
      lexical: {
        p50: percentile(lexicalTotal, 50),
        p95: percentile(lexicalTotal, 95),
        p99: percentile(lexicalTotal, 99),
      },
      stages: {
        embed: stage('embed'),
        vectorSearch: stage('vectorSearch'),
        lexicalSearch: stage('lexicalSearch'),
        rerank: stage('rerank'),
        quote: stage('quote'),
      },
      recall,
    }),
  );
}

/**
 * Runs `node <args>` from the compiled build (npm run build) as its own process; its wall time
 * and the peak RSS it reports on exit.
 */
function wholeProcess(args: string[], env: Record<string, string>): { ms: number; peakRssMb: number } {
  const report =
    "process.on('exit', () => process.stderr.write('PEAK_RSS_KB ' + process.resourceUsage().maxRSS + '\\n'))";
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(report)}`, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env, LOG_LEVEL: 'silent' },
    maxBuffer: 1 << 24,
  });
  const ms = performance.now() - started;
  if (run.status !== 0)
    throw new Error(`${args.join(' ')} failed (${String(run.status)}): ${run.stderr.slice(0, 500)}`);
  const kb = Number(/PEAK_RSS_KB (\d+)/.exec(run.stderr)?.[1] ?? NaN);
  return { ms, peakRssMb: Math.round(kb / 1024) };
}

async function main(argv: string[]): Promise<void> {
  const reports = Number(argv[argv.indexOf('--reports') + 1]) || 1000;
  const root = mkdtempSync(join(tmpdir(), 'rqb-scale-'));
  const corpusDir = join(root, 'corpus');
  const dataDir = join(root, 'data');
  mkdirSync(corpusDir);
  const vocabulary = vocabularyOf(readFileSync('corpus/zuoyun-2023-rule-of-law-report.txt', 'utf8'));
  for (let i = 0; i < reports; i++) {
    const r = syntheticReport(vocabulary, i, 45);
    writeFileSync(join(corpusDir, r.name), r.text);
  }
  const embedder = syntheticEmbedder();
  const out: Record<string, unknown> = {
    machine: `${cpus().length} × ${cpus()[0]?.model}`,
    node: process.version,
    reports,
    hnsw: HNSW_PARAMS,
  };

  // What a user runs, each a whole compiled process: a full ingest, then one-question asks (up-to-date
  // check, model and index load, answer) and a no-op ingest. Lexical only (EMBEDDING_MODEL=none), and with
  // --processes also hybrid with the bundled offline model (real inference: 100-dimensional word vectors).
  const lines: string[] = [];
  const modes: [string, string][] = [['lexical', 'none']];
  if (argv.includes('--processes')) modes.push(['hybrid, offline model', OFFLINE_MODEL]);
  for (const [label, model] of modes) {
    const env = {
      CORPUS_DIR: corpusDir,
      DATA_DIR: join(root, `data-${model === 'none' ? 'lexical' : 'offline'}`),
      EMBEDDING_MODEL: model,
    };
    const fullIngest = wholeProcess(['dist/bundle/ingest.mjs'], env);
    const asks = [1, 2, 3]
      .map(() => wholeProcess(['dist/bundle/ask.mjs', 'How many administrative cases were there?'], env))
      .sort((x, y) => x.ms - y.ms);
    const measured = {
      ingest: fullIngest,
      askMedian: asks[1]!,
      noopIngest: wholeProcess(['dist/bundle/ingest.mjs'], env),
    };
    out[`${label} processes`] = measured;
    lines.push(
      `| full ingest, ${label} (\`node dist/bundle/ingest.mjs\`) | ${(measured.ingest.ms / 1000).toFixed(1)} s, peak RSS ${measured.ingest.peakRssMb} MB |`,
      `| one-question ask, ${label} (\`node dist/bundle/ask.mjs\`: up-to-date check, load, answer; median of 3) | ${(measured.askMedian.ms / 1000).toFixed(2)} s, peak RSS ${measured.askMedian.peakRssMb} MB |`,
      `| no-op ingest, ${label} (whole process) | ${(measured.noopIngest.ms / 1000).toFixed(2)} s |`,
    );
  }
  if (argv.includes('--lexical-only') || argv.includes('--processes')) {
    console.log(
      `Machine: ${String(out.machine)}, Node ${process.version}; ${reports} synthetic reports\n| measure | value |\n|---|---|\n${lines.join('\n')}`,
    );
    rmSync(root, { recursive: true, force: true });
    return;
  }

  let t = performance.now();
  const full = await ingest({ corpusDir, dataDir, embedder, batchSize: 64 });
  out.ingest = {
    ms: performance.now() - t,
    chunks: full.totalChunks,
    chunksPerSecond: full.totalChunks / ((performance.now() - t) / 1000),
    peakRssMb: mb(process.resourceUsage().maxRSS * 1024),
  };

  const store = new IndexStore(dataDir);
  const manifest = store.manifest()!;
  const dir = store.current()!;
  t = performance.now();
  const rebuilt = VectorIndex.create(DIM, full.totalChunks);
  for (const [id, entry] of Object.entries(manifest.reports)) {
    const flat = store.readVectors(dir, id, entry.chunkCount, DIM);
    for (let i = 0; i < entry.chunkCount; i++) rebuilt.add(entry.firstLabel + i, flat.subarray(i * DIM, (i + 1) * DIM));
  }
  out.hnswBuildMs = performance.now() - t;
  out.diskMb = {
    total: mb(dirBytes(dir)),
    hnsw: mb(statSync(join(dir, 'hnsw.bin')).size),
    vectors: mb(dirBytes(join(dir, 'vectors'))),
    reports: mb(dirBytes(join(dir, 'reports'))),
  };

  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', 'scripts/bench-scale.ts', '--serve', dataDir],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    },
  );
  if (child.status !== 0) throw new Error(`serve process failed: ${child.stderr}`);
  out.serve = JSON.parse(child.stdout);

  const extra = syntheticReport(vocabulary, reports + 1, 45);
  writeFileSync(join(corpusDir, extra.name), extra.text);
  t = performance.now();
  const added = await ingest({ corpusDir, dataDir, embedder });
  out.addOne = { ms: performance.now() - t, embeddedChunks: added.embeddedChunks, added: added.added.length };

  // A figure corrected in a report in the middle: its chunks are embedded again, the others' lexical
  // documents and vectors are taken from the previous generation.
  const middle = readdirSync(corpusDir).sort()[Math.floor(reports / 2)]!;
  writeFileSync(
    join(corpusDir, middle),
    readFileSync(join(corpusDir, middle), 'utf8').replace(/\d+/, (n) => String(Number(n) + 1)),
  );
  t = performance.now();
  const replaced = await ingest({ corpusDir, dataDir, embedder });
  out.replaceOne = {
    ms: performance.now() - t,
    embeddedChunks: replaced.embeddedChunks,
    changed: replaced.changed.length,
  };

  t = performance.now();
  const noop = await ingest({ corpusDir, dataDir, embedder });
  out.noopReingestMs = performance.now() - t;
  if (noop.embeddedChunks !== 0) throw new Error('no-op re-ingest embedded something');

  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/scale.json', JSON.stringify(out, null, 2));
  type Percentiles = { p50: number; p95: number; p99: number };
  const s = out.serve as {
    loadMs: number;
    rssLoadedMb: number;
    heapUsedMb: number;
    externalMb: number;
    rssAfterQueriesMb: number;
    readAhead: { ms: number; reports: number; mb: number; stopped?: string; rssMb: number };
    hybrid: Percentiles;
    lexical: Percentiles;
    stages: Record<string, { p50: number; p99: number }>;
    recall: { dataLike: number; questionLike: number };
  };
  const i = out.ingest as { ms: number; chunks: number; chunksPerSecond: number; peakRssMb: number };
  const d = out.diskMb as Record<string, number>;
  const a = out.addOne as { ms: number; embeddedChunks: number };
  const f = (x: number): string => x.toFixed(1);
  console.log(
    `Machine: ${String(out.machine)}, Node ${process.version}; ${reports} synthetic reports; HNSW M=${HNSW_PARAMS.M} efConstruction=${HNSW_PARAMS.efConstruction} ef=${HNSW_PARAMS.ef}`,
  );
  console.log('| measure | value |');
  console.log('|---|---|');
  console.log(`| chunks | ${i.chunks} |`);
  console.log(
    `| full ingest (parse, chunk, embed*, HNSW, write) | ${f(i.ms / 1000)} s, ${Math.round(i.chunksPerSecond)} chunks/s, peak RSS ${i.peakRssMb} MB |`,
  );
  console.log(`| HNSW build alone | ${f((out.hnswBuildMs as number) / 1000)} s |`);
  console.log(
    `| index on disk | ${d.total} MB (HNSW ${d.hnsw} MB, vectors ${d.vectors} MB, reports ${d.reports} MB) |`,
  );
  console.log(`| start-up load (fresh process) | ${f(s.loadMs)} ms |`);
  console.log(
    `| RSS with the index loaded (after GC) | ${s.rssLoadedMb} MB (JS heap ${s.heapUsedMb} MB, external ${s.externalMb} MB; the rest is mostly HNSW); ${s.rssAfterQueriesMb} MB after 300 questions |`,
  );
  console.log(
    `| report texts read ahead (the running bot does it in the background after start; the queries below are timed after it) | ${f(s.readAhead.ms / 1000)} s, ${s.readAhead.reports} reports, ${s.readAhead.mb} MB${s.readAhead.stopped ? ` (stopped: ${s.readAhead.stopped})` : ''}; RSS ${s.readAhead.rssMb} MB after |`,
  );
  console.log(
    `| query, hybrid (lexical + HNSW + fusion + quoting) | p50 ${f(s.hybrid.p50)} ms · p95 ${f(s.hybrid.p95)} ms · p99 ${f(s.hybrid.p99)} ms |`,
  );
  console.log(
    `| query, lexical only | p50 ${f(s.lexical.p50)} ms · p95 ${f(s.lexical.p95)} ms · p99 ${f(s.lexical.p99)} ms |`,
  );
  for (const [k, v] of Object.entries(s.stages))
    console.log(`| stage: ${k} | p50 ${v.p50.toFixed(2)} ms · p99 ${v.p99.toFixed(2)} ms |`);
  console.log(
    `| HNSW recall@10 vs exact, data-like queries (stored vectors + noise) | ${s.recall.dataLike.toFixed(3)} |`,
  );
  console.log(
    `| HNSW recall@10 vs exact, question-like queries (short synthetic questions) | ${s.recall.questionLike.toFixed(3)} |`,
  );
  console.log(
    `| add one report to ${reports} | ${f(a.ms / 1000)} s (${a.embeddedChunks} chunks embedded, the rest untouched) |`,
  );
  const c = out.replaceOne as { ms: number; embeddedChunks: number; changed: number };
  console.log(
    `| replace one report in the middle (a figure changed; ${c.changed} changed) | ${f(c.ms / 1000)} s (${c.embeddedChunks} chunks embedded) |`,
  );
  console.log(`| no-op re-ingest | ${f((out.noopReingestMs as number) / 1000)} s |`);
  for (const line of lines) console.log(line);
  console.log('* synthetic embedder: inference cost excluded, as the targets are.');
  if (process.env.BENCH_KEEP) console.log(`(kept ${root})`);
  else rmSync(root, { recursive: true, force: true });
}

if (!process.argv[1]?.endsWith('bench-scale.ts')) {
  // imported by another script
} else if (process.argv.includes('--serve')) {
  serve(process.argv[process.argv.indexOf('--serve') + 1]!).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
