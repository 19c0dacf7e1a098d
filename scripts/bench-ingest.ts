/**
 * `npm run bench:ingest`: wall time and peak memory of a full ingest of the corpus and of
 * a no-op re-ingest, lexical only and with the tiny test model. Uses temporary data dirs.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ingest } from '../src/ingest.js';
import { loadEmbedder, type Embedder } from '../src/search/embedder.js';
import { buildTinyModel } from '../test/helpers/tiny-model.js';

const mb = (bytes: number): string => `${Math.round(bytes / 1048576)} MB`;

async function timed(label: string, corpusDir: string, dataDir: string, embedder?: Embedder): Promise<void> {
  const start = performance.now();
  const s = await ingest({ corpusDir, dataDir, embedder });
  const ms = performance.now() - start;
  console.log(
    `| ${label} | ${ms.toFixed(0)} ms | ${s.totalChunks} | ${s.embeddedChunks} | ${(s.totalChunks / (ms / 1000)).toFixed(0)} | ${mb(process.resourceUsage().maxRSS * 1024)} |`,
  );
}

async function main(): Promise<void> {
  const corpusDir = resolve(process.env.CORPUS_DIR ?? 'corpus');
  const texts = readdirSync(corpusDir)
    .filter((f) => /\.(txt|md)$/.test(f))
    .map((f) => readFileSync(join(corpusDir, f), 'utf8'));
  const model = buildTinyModel(mkdtempSync(join(tmpdir(), 'rqb-model-')), texts);
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}`);
  console.log('| run | wall time | chunks | embedded | chunks/s | peak RSS so far |');
  console.log('|---|---|---|---|---|---|');
  const lexical = mkdtempSync(join(tmpdir(), 'rqb-bench-'));
  await timed('full ingest, lexical only', corpusDir, lexical);
  await timed('no-op re-ingest, lexical only', corpusDir, lexical);
  const tiny = await loadEmbedder(model, tmpdir());
  const hybrid = mkdtempSync(join(tmpdir(), 'rqb-bench-'));
  await timed('full ingest, tiny test model', corpusDir, hybrid, tiny);
  await timed('no-op re-ingest, tiny test model', corpusDir, hybrid, tiny);
  for (const dir of [lexical, hybrid, model]) rmSync(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
