/**
 * `npm run bench:scale [-- --reports 1000] [-- --lexical-only]`: how the system behaves at N synthetic reports
 * (scripts/gen-synthetic-corpus.ts: the real report's layout and vocabulary, random figures), with the bundled
 * offline model, measured as a user meets it: whole compiled processes (`npm run build` first) for a full ingest,
 * a one-question ask, a no-op ingest, adding one report and replacing one; then, in a fresh process, what the running
 * bot holds and how fast it answers: start-up (index, model, first answer), RSS loaded and after the report texts are
 * read ahead and after 300 questions, hybrid and lexical latency by stage, and the graph's recall@10 against exact
 * search over the vectors it holds. The same lexical-only ingest and ask come first; `--lexical-only` stops there.
 * Prints a table with the targets of issue "Ten times the corpus" and writes bench-results/scale.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnswerEngine, type AnswerTimings } from '../src/answer/engine.js';
import { loadEmbedder, OFFLINE_MODEL, type Embedder } from '../src/search/embedder.js';
import type { CorpusIndex } from '../src/search/corpus-index.js';
import { IndexStore } from '../src/search/store.js';
import { checkReportsAhead, loadIndexWordsFirst, readReportsAhead } from '../src/search/load-index.js';
import { runVectors } from '../src/search/sentence-vectors.js';
import { HNSW_PARAMS } from '../src/search/vector-index.js';
import { percentile } from './bench-latency.js';
import { prng, syntheticReport, vocabularyOf } from './gen-synthetic-corpus.js';

const mb = (bytes: number): number => Math.round(bytes / 1048576);
const rssMb = (): number => mb(process.memoryUsage().rss);

function dirBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true }))
    total += entry.isDirectory() ? dirBytes(join(dir, entry.name)) : statSync(join(dir, entry.name)).size;
  return total;
}

/**
 * Runs in a fresh process, as the running bot: loads the index and the offline model and answers a first question
 * (start-up), reads the report texts ahead, then times 300 questions hybrid and lexical; RSS after each step;
 * recall@10 of the graph against exact search over the vectors it holds.
 */
async function serve(dataDir: string): Promise<void> {
  const rssBefore = rssMb();
  const started = performance.now();
  const store = new IndexStore(dataDir);
  // As the bot starts (app.ts): words at once, the graph read in the background.
  const loaded = loadIndexWordsFirst(store)!;
  const { index, manifest } = loaded;
  const loadMs = performance.now() - started;
  const embedder = await loadEmbedder(OFFLINE_MODEL, tmpdir());
  await new AnswerEngine(index, { embedder }).answer('How many administrative cases were there?');
  const startMs = performance.now() - started;
  await loaded.dense;
  const timings: AnswerTimings[] = [];
  const hybrid = new AnswerEngine(index, { embedder, onTimings: (t) => timings.push(t) });
  await hybrid.answer('How many administrative cases were there?');
  const denseMs = performance.now() - started;
  // The questions below are timed with hnswlib's graph, as the running bot answers once it is read.
  await loaded.graph;
  const graphMs = performance.now() - started;
  // Settled memory: what the loaded index keeps, without the garbage its loading left.
  (globalThis as { gc?: () => void }).gc?.();
  const rssLoaded = rssMb();
  const heap = process.memoryUsage();
  // What the running bot does next, in the background: read the report texts ahead (questions are timed after it).
  const readStarted = performance.now();
  const ahead = await readReportsAhead(index.reports.values());
  const readAheadMs = performance.now() - readStarted;
  // …then summarise the common words (as app.ts readAhead does).
  const summarizeStarted = performance.now();
  const summarized = await index.lexical.summarizeAhead();
  const summarizeMs = performance.now() - summarizeStarted;
  (globalThis as { gc?: () => void }).gc?.();
  const rssReadAhead = rssMb();
  const lexicalTimings: AnswerTimings[] = [];
  const lexical = new AnswerEngine(index, { onTimings: (t) => lexicalTimings.push(t) });
  // …and the titles' facts, by each engine (as app.ts readAhead does with the engine in use).
  const titlesStarted = performance.now();
  await hybrid.readTitlesAhead();
  await lexical.readTitlesAhead();
  const titlesMs = performance.now() - titlesStarted;
  // …and the checksums of the report files not read ahead.
  const checkStarted = performance.now();
  const checked = await checkReportsAhead(index.reports.values());
  const checkMs = performance.now() - checkStarted;
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
  const recall = await graphRecall(store, manifest, index, embedder, questions, rand);
  const stage = (key: keyof AnswerTimings, list = timings) => {
    const sorted = list.map((t) => t[key]).sort((a, b) => a - b);
    return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
  };
  const spread = (list: number[]) => {
    list.sort((a, b) => a - b);
    return { p50: percentile(list, 50), p95: percentile(list, 95), p99: percentile(list, 99) };
  };
  process.stdout.write(
    JSON.stringify({
      chunks: index.chunkCount,
      graphVectors: index.vectors?.count ?? 0,
      loadMs,
      startMs,
      denseMs,
      graphMs,
      rssBeforeMb: rssBefore,
      rssLoadedMb: rssLoaded,
      rssAfterQueriesMb: rssAfterQueries,
      readAhead: {
        ms: readAheadMs,
        reports: ahead.reports,
        mb: mb(ahead.bytes),
        stopped: ahead.stopped,
        rssMb: rssReadAhead,
        summarizedTerms: summarized.terms,
        summarizeMs,
        titlesMs,
        checked,
        checkMs,
      },
      heapUsedMb: mb(heap.heapUsed),
      externalMb: mb(heap.external),
      hybrid: spread(total),
      lexical: spread(lexicalTotal),
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
 * Recall@10 of the graph against exact search over the vectors it holds (each report's runs of a paragraph's
 * sentences, rebuilt from its files), for queries like the data (held vectors moved by noise, the usual ANN benchmark)
 * and queries like questions. Tie-aware: many runs are identical (header lines repeat across reports), so any hit at
 * least as similar as the 10th exact neighbour counts.
 */
async function graphRecall(
  store: IndexStore,
  manifest: NonNullable<ReturnType<IndexStore['manifest']>>,
  index: CorpusIndex,
  embedder: Embedder,
  questions: string[],
  rand: () => number,
): Promise<{ dataLike: number; questionLike: number }> {
  const dir = store.current()!;
  const dim = embedder.dim;
  const held: Float32Array[] = [];
  for (const [id, entry] of Object.entries(manifest.reports)) {
    const flat = store.readVectorRows(dir, id, dim, 0, entry.chunkCount);
    for (const run of runVectors(store.readChunks(dir, id, entry.chunkCount), flat, dim)) held.push(run.vector);
  }
  const recallOf = (queries: Float32Array[]): number => {
    let found = 0;
    for (const v of queries) {
      const top: number[] = [];
      for (const x of held) {
        let dot = 0;
        for (let i = 0; i < dim; i++) dot += x[i]! * v[i]!;
        if (top.length < 10 || dot > top[top.length - 1]!) {
          top.push(dot);
          top.sort((a, b) => b - a);
          if (top.length > 10) top.pop();
        }
      }
      const tenth = top[9]! - 1e-5;
      found += Math.min(10, index.vectors!.search(v, 10).filter((h) => h.similarity >= tenth).length);
    }
    return found / (queries.length * 10);
  };
  const noisy = Array.from({ length: 50 }, () => {
    const v = held[Math.floor(rand() * held.length)]!.map((x) => x + (rand() * 2 - 1) * 0.05);
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  });
  const asked = (await embedder.embed(questions.slice(0, 50), 'query')).filter((v) => v.every(Number.isFinite));
  return { dataLike: recallOf(noisy), questionLike: recallOf(asked) };
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

function main(argv: string[]): void {
  const reports = Number(argv[argv.indexOf('--reports') + 1]) || 1000;
  const root = mkdtempSync(join(tmpdir(), 'rqb-scale-'));
  const corpusDir = join(root, 'corpus');
  mkdirSync(corpusDir);
  const vocabulary = vocabularyOf(readFileSync('corpus/zuoyun-2023-rule-of-law-report.txt', 'utf8'));
  for (let i = 0; i < reports; i++) {
    const r = syntheticReport(vocabulary, i, 45);
    writeFileSync(join(corpusDir, r.name), r.text);
  }
  const out: Record<string, unknown> = {
    machine: `${cpus().length} × ${cpus()[0]?.model}`,
    node: process.version,
    reports,
    hnsw: HNSW_PARAMS,
  };
  const f = (ms: number, digits = 1): string => (ms / 1000).toFixed(digits);
  const lines: string[] = [];

  // What a user runs, each a whole compiled process: a full ingest, one-question asks (up-to-date check, model and
  // index load, answer) and a no-op ingest; lexical only (EMBEDDING_MODEL=none), then with the offline model.
  const envOf = (model: string) => ({
    CORPUS_DIR: corpusDir,
    DATA_DIR: join(root, `data-${model === 'none' ? 'lexical' : 'offline'}`),
    EMBEDDING_MODEL: model,
  });
  const modes: [string, string][] = [['lexical', 'none']];
  if (!argv.includes('--lexical-only')) modes.push(['hybrid, offline model', OFFLINE_MODEL]);
  for (const [label, model] of modes) {
    const env = envOf(model);
    const fullIngest = wholeProcess(['dist/bundle/ingest.mjs'], env);
    const asks = [1, 2, 3]
      .map(() => wholeProcess(['scripts/launch.cjs', 'ask', 'How many administrative cases were there?'], env))
      .sort((x, y) => x.ms - y.ms);
    const measured = {
      ingest: fullIngest,
      askMedian: asks[1]!,
      noopIngest: wholeProcess(['dist/bundle/ingest.mjs'], env),
    };
    out[`${label} processes`] = measured;
    lines.push(
      `| full ingest, ${label} (\`node dist/bundle/ingest.mjs\`) | ${f(measured.ingest.ms)} s, peak RSS ${measured.ingest.peakRssMb} MB |${model === 'none' ? '' : ' < 30 min, peak < 1 GB |'}`,
      `| one-question ask, ${label} (\`node scripts/launch.cjs ask\`: up-to-date check, load, answer; median of 3) | ${f(measured.askMedian.ms, 2)} s, peak RSS ${measured.askMedian.peakRssMb} MB |${model === 'none' ? '' : ' < 2 s |'}`,
      `| no-op ingest, ${label} (whole process) | ${f(measured.noopIngest.ms, 2)} s |`,
    );
  }
  if (argv.includes('--lexical-only')) {
    console.log(
      `Machine: ${String(out.machine)}, Node ${process.version}; ${reports} synthetic reports\n| measure | value |\n|---|---|\n${lines.join('\n')}`,
    );
    if (process.env.BENCH_KEEP) console.log(`(kept ${root})`);
    else rmSync(root, { recursive: true, force: true });
    return;
  }

  const env = envOf(OFFLINE_MODEL);
  const dataDir = env.DATA_DIR;
  const dir = new IndexStore(dataDir).current()!;
  const disk = {
    total: mb(dirBytes(dir)),
    hnsw: mb(statSync(join(dir, 'hnsw.bin')).size),
    lexical: mb(statSync(join(dir, 'lexical.bin')).size),
    vectors: mb(dirBytes(join(dir, 'vectors'))),
    reports: mb(dirBytes(join(dir, 'reports'))),
  };
  out.diskMb = disk;
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
  const addOne = wholeProcess(['dist/bundle/ingest.mjs'], env);
  // A figure corrected in a report in the middle: its chunks are embedded again, the others' lexical documents and
  // vectors are taken from the previous generation.
  const middle = readdirSync(corpusDir).sort()[Math.floor(reports / 2)]!;
  writeFileSync(
    join(corpusDir, middle),
    readFileSync(join(corpusDir, middle), 'utf8').replace(/\d+/, (n) => String(Number(n) + 1)),
  );
  const replaceOne = wholeProcess(['dist/bundle/ingest.mjs'], env);
  Object.assign(out, { addOne, replaceOne });

  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/scale.json', JSON.stringify(out, null, 2));
  type Percentiles = { p50: number; p95: number; p99: number };
  const s = out.serve as {
    chunks: number;
    graphVectors: number;
    loadMs: number;
    startMs: number;
    denseMs: number;
    graphMs: number;
    rssLoadedMb: number;
    heapUsedMb: number;
    externalMb: number;
    rssAfterQueriesMb: number;
    readAhead: {
      ms: number;
      reports: number;
      mb: number;
      stopped?: string;
      rssMb: number;
      summarizedTerms: number;
      summarizeMs: number;
      titlesMs: number;
      checked: number;
      checkMs: number;
    };
    hybrid: Percentiles;
    lexical: Percentiles;
    stages: Record<string, { p50: number; p99: number }>;
    recall: { dataLike: number; questionLike: number };
  };
  const ms = (x: number): string => x.toFixed(1);
  console.log(
    `Machine: ${String(out.machine)}, Node ${process.version}; ${reports} synthetic reports, the bundled offline model; graph M=${HNSW_PARAMS.M} efConstruction=${HNSW_PARAMS.efConstruction} ef=${HNSW_PARAMS.ef}`,
  );
  console.log('| measure | value | target |\n|---|---|---|');
  console.log(
    `| chunks (sentences) / vectors in the graph (runs of a paragraph's sentences) | ${s.chunks} / ${s.graphVectors} | |`,
  );
  for (const line of lines) console.log(line);
  console.log(
    `| add one report to ${reports} (whole process) | ${f(addOne.ms)} s, peak RSS ${addOne.peakRssMb} MB | < 10 s |`,
  );
  console.log(
    `| replace one report in the middle (a figure changed; whole process) | ${f(replaceOne.ms)} s, peak RSS ${replaceOne.peakRssMb} MB | |`,
  );
  console.log(
    `| index on disk | ${disk.total} MB (graph ${disk.hnsw} MB, lexical ${disk.lexical} MB, sentence vectors ${disk.vectors} MB, reports ${disk.reports} MB) | |`,
  );
  console.log(
    `| start to answering (fresh process: index without its graph ${ms(s.loadMs)} ms, then model, then a first answer, by words while the graph is read) | ${f(s.startMs, 2)} s | < 3 s |`,
  );
  console.log(
    `| start to answering by meaning and words (the graph file checked in the background, its vectors scanned, a first hybrid answer) | ${f(s.denseMs, 2)} s | |`,
  );
  console.log(
    `| start to hnswlib's graph read (in the background; questions then search it instead of scanning) | ${f(s.graphMs, 2)} s | |`,
  );
  console.log(
    `| RSS with the index and model loaded, after GC | ${s.rssLoadedMb} MB (JS heap ${s.heapUsedMb} MB, external ${s.externalMb} MB) | |`,
  );
  console.log(
    `| report texts read ahead (the running bot does it in the background; the queries below are timed after it) | ${f(s.readAhead.ms)} s, ${s.readAhead.reports} reports, ${s.readAhead.mb} MB${s.readAhead.stopped ? ` (stopped: ${s.readAhead.stopped})` : ''}; then ${s.readAhead.summarizedTerms} common words summarised in ${f(s.readAhead.summarizeMs)} s and every title read by each engine in ${f(s.readAhead.titlesMs)} s, ${s.readAhead.checked} more report files checked in ${f(s.readAhead.checkMs)} s; RSS ${s.readAhead.rssMb} MB after | |`,
  );
  console.log(`| RSS of the running bot after 300 questions | ${s.rssAfterQueriesMb} MB | < 2 GB |`);
  console.log(
    `| question, hybrid | p50 ${ms(s.hybrid.p50)} ms · p95 ${ms(s.hybrid.p95)} ms · p99 ${ms(s.hybrid.p99)} ms | p99 < 20 ms |`,
  );
  console.log(
    `| question, lexical only | p50 ${ms(s.lexical.p50)} ms · p95 ${ms(s.lexical.p95)} ms · p99 ${ms(s.lexical.p99)} ms | |`,
  );
  for (const [k, v] of Object.entries(s.stages))
    console.log(`| stage: ${k} | p50 ${v.p50.toFixed(2)} ms · p99 ${v.p99.toFixed(2)} ms | |`);
  console.log(
    `| graph recall@10 vs exact, data-like / question-like queries | ${s.recall.dataLike.toFixed(3)} / ${s.recall.questionLike.toFixed(3)} | |`,
  );
  if (process.env.BENCH_KEEP) console.log(`(kept ${root})`);
  else rmSync(root, { recursive: true, force: true });
}

if (process.argv.includes('--serve')) {
  serve(process.argv[process.argv.indexOf('--serve') + 1]!).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main(process.argv.slice(2));
}
