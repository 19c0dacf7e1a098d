/**
 * `npm run bench:latency`: per-question latency in a loaded process (respelling, synonyms,
 * lexical search, ranking, confidence and quoting; plus query embedding and HNSW in hybrid
 * mode) over both development sets, repeated. Prints p50/p95/p99.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AnswerEngine } from '../src/answer/engine.js';
import { ingest } from '../src/ingest.js';
import { chineseExpander, ensureGlossary } from '../src/search/chinese.js';
import { loadEmbedder, OFFLINE_MODEL, type Embedder } from '../src/search/embedder.js';
import { IndexStore, loadIndex } from '../src/search/store.js';
import { loadThesaurus } from '../src/search/thesaurus.js';
import { EVAL_SETS, loadSet } from './bench-quality.js';
import { buildTinyModel } from './build-tiny-model.js';

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function measure(label: string, corpusDir: string, questions: string[], rounds: number, embedder?: Embedder): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rqb-bench-'));
  await ingest({ corpusDir, dataDir, embedder });
  const { index } = loadIndex(new IndexStore(dataDir))!;
  const engine = new AnswerEngine(index, { embedder, expandQuery: chineseExpander(await ensureGlossary()), thesaurus: loadThesaurus() });
  for (const q of questions) await engine.answer(q); // warm-up
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const start = performance.now();
      await engine.answer(q);
      times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);
  console.log(
    `| ${label} | ${times.length} | ${percentile(times, 50).toFixed(2)} | ${percentile(times, 95).toFixed(2)} | ${percentile(times, 99).toFixed(2)} |`,
  );
  rmSync(dataDir, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const corpusDir = resolve(process.env.CORPUS_DIR ?? 'corpus');
  const questions = EVAL_SETS.flatMap((name) => loadSet(name).map((q) => q.q));
  const texts = readdirSync(corpusDir)
    .filter((f) => /\.(txt|md)$/.test(f))
    .map((f) => readFileSync(join(corpusDir, f), 'utf8'));
  const modelDir = mkdtempSync(join(tmpdir(), 'rqb-model-'));
  const tiny = await loadEmbedder(buildTinyModel(modelDir, texts), tmpdir());
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}; ${questions.length} questions × 20 rounds`);
  console.log('| mode | answers | p50 ms | p95 ms | p99 ms |');
  console.log('|---|---|---|---|---|');
  await measure('lexical (search + rerank + quote)', corpusDir, questions, 20);
  await measure('hybrid, bundled offline model (+ query embedding + HNSW)', corpusDir, questions, 20, await loadEmbedder(OFFLINE_MODEL, tmpdir()));
  await measure('hybrid, tiny test model', corpusDir, questions, 20, tiny);
  rmSync(modelDir, { recursive: true, force: true });
}

if (process.argv[1]?.endsWith('bench-latency.ts')) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
