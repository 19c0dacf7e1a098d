/**
 * `npm run bench:latency`: per-question latency in a loaded process (respelling, synonyms,
 * lexical search, ranking, confidence and quoting; plus query embedding and HNSW in hybrid
 * mode) over both development sets, repeated. Prints p50/p95/p99. The last two rows answer the
 * same questions while new reports are being indexed: by a child process (how the running bot
 * re-indexes, src/ingest-child.ts) and, for comparison, in the answering process itself.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AnswerEngine } from '../src/answer/engine.js';
import { ingest } from '../src/ingest.js';
import { ingestInChild } from '../src/ingest-child.js';
import { chineseReaders, ensureGlossary } from '../src/search/chinese.js';
import { loadEmbedder, OFFLINE_MODEL, type Embedder } from '../src/search/embedder.js';
import { IndexStore } from '../src/search/store.js';
import { loadIndex } from '../src/search/load-index.js';
import { loadThesaurus } from '../src/search/thesaurus.js';
import { EVAL_SETS, loadSet } from '../test/helpers/quality.js';
import { buildTinyModel } from '../test/helpers/tiny-model.js';
import { syntheticReport, vocabularyOf } from './gen-synthetic-corpus.js';

/** New reports indexed meanwhile in the "while indexing" rows, and how often a question arrives there. */
const NEW_REPORTS = 40;
const ARRIVAL_MS = 20;

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/**
 * Answers every question `rounds` times and prints the latency percentiles. With `meanwhile`,
 * new reports are added to a copy of the corpus and indexed (by the function given) while
 * questions arrive every ARRIVAL_MS until that ingest is done, each timed from its arrival.
 */
async function measure(
  label: string,
  corpusDir: string,
  questions: string[],
  rounds: number,
  embedder?: Embedder,
  meanwhile?: (corpusDir: string, dataDir: string) => Promise<unknown>,
): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rqb-bench-'));
  const corpus = mkdtempSync(join(tmpdir(), 'rqb-bench-corpus-'));
  cpSync(corpusDir, corpus, { recursive: true });
  await ingest({ corpusDir: corpus, dataDir, embedder });
  const { index } = loadIndex(new IndexStore(dataDir))!;
  const engine = new AnswerEngine(index, {
    embedder,
    ...chineseReaders(await ensureGlossary()),
    thesaurus: loadThesaurus(),
  });
  for (const q of questions) await engine.answer(q); // warm-up
  let indexing: Promise<unknown> | undefined;
  let done = false;
  if (meanwhile) {
    const vocabulary = vocabularyOf(
      readdirSync(corpus)
        .map((f) => readFileSync(join(corpus, f), 'utf8'))
        .join('\n'),
    );
    for (let i = 0; i < NEW_REPORTS; i++) {
      const report = syntheticReport(vocabulary, i, 40);
      writeFileSync(join(corpus, report.name), report.text);
    }
    indexing = meanwhile(corpus, dataDir).finally(() => (done = true));
  }
  const times: number[] = [];
  if (indexing) {
    // Questions arrive every ARRIVAL_MS, as from users; each is timed from its arrival, so time spent waiting
    // for the ingest to let go of the thread counts.
    const began = performance.now();
    for (let i = 0; i < questions.length || !done; i++) {
      const arrival = began + i * ARRIVAL_MS;
      await new Promise((wake) => setTimeout(wake, Math.max(0, arrival - performance.now())));
      await engine.answer(questions[i % questions.length]!);
      times.push(performance.now() - arrival);
    }
    await indexing;
  } else
    for (let r = 0; r < rounds; r++)
      for (const q of questions) {
        const start = performance.now();
        await engine.answer(q);
        times.push(performance.now() - start);
      }
  times.sort((a, b) => a - b);
  console.log(
    `| ${label} | ${times.length} | ${percentile(times, 50).toFixed(2)} | ${percentile(times, 95).toFixed(2)} | ${percentile(times, 99).toFixed(2)} | ${times.at(-1)!.toFixed(0)} |`,
  );
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(corpus, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const corpusDir = resolve(process.env.CORPUS_DIR ?? 'corpus');
  const questions = EVAL_SETS.flatMap((name) => loadSet(name).map((q) => q.q));
  const texts = readdirSync(corpusDir)
    .filter((f) => /\.(txt|md)$/.test(f))
    .map((f) => readFileSync(join(corpusDir, f), 'utf8'));
  const modelDir = mkdtempSync(join(tmpdir(), 'rqb-model-'));
  const tiny = await loadEmbedder(buildTinyModel(modelDir, texts), tmpdir());
  console.log(
    `Machine: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}; ${questions.length} questions × 20 rounds`,
  );
  console.log('| mode | answers | p50 ms | p95 ms | p99 ms | max ms |');
  console.log('|---|---|---|---|---|---|');
  const offline = await loadEmbedder(OFFLINE_MODEL, tmpdir());
  await measure('lexical (search + rerank + quote)', corpusDir, questions, 20);
  await measure('hybrid, bundled offline model (+ query embedding + HNSW)', corpusDir, questions, 20, offline);
  await measure('hybrid, tiny test model', corpusDir, questions, 20, tiny);
  await measure(
    `offline model, while ${NEW_REPORTS} new reports are indexed by a child process (the bot's re-index)`,
    corpusDir,
    questions,
    0,
    offline,
    (c, d) => ingestInChild({ corpusDir: c, dataDir: d, model: offline.source, cacheDir: tmpdir() }),
  );
  await measure(
    `offline model, while the same ${NEW_REPORTS} are indexed in the answering process`,
    corpusDir,
    questions,
    0,
    offline,
    (c, d) => ingest({ corpusDir: c, dataDir: d, embedder: offline }),
  );
  rmSync(modelDir, { recursive: true, force: true });
}

if (process.argv[1]?.endsWith('bench-latency.ts')) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
