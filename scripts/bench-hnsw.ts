/**
 * `npm run bench:hnsw [-- --reports 100]`: what the HNSW graph's build parameters cost and buy.
 * Synthetic reports (scripts/gen-synthetic-corpus.ts) are chunked and embedded with the bundled
 * offline model, and their sentences grouped as the product's graph holds them (runs of a
 * paragraph's sentences, sentence-vectors.ts); for each M × efConstruction the graph is built and
 * timed, and recall@10 against exact search is measured for data-like queries (held vectors plus
 * noise) at the search ef the product uses.
 */
import { readFileSync } from 'node:fs';
import hnswlib from 'hnswlib-node';
import { chunkReport } from '../src/corpus/chunk.js';
import { parseReport } from '../src/corpus/parse.js';
import { passageText } from '../src/ingest.js';
import { tmpdir } from 'node:os';
import { loadEmbedder, OFFLINE_MODEL } from '../src/search/embedder.js';
import { runVectors } from '../src/search/sentence-vectors.js';
import { HNSW_PARAMS } from '../src/search/vector-index.js';
import { prng, syntheticReport, vocabularyOf } from './gen-synthetic-corpus.js';

const { HierarchicalNSW } = hnswlib;

async function main(argv: string[]): Promise<void> {
  const reports = Number(argv[argv.indexOf('--reports') + 1]) || 100;
  const vocabulary = vocabularyOf(readFileSync('corpus/zuoyun-2023-rule-of-law-report.txt', 'utf8'));
  const embedder = await loadEmbedder(OFFLINE_MODEL, tmpdir());
  const DIM = embedder.dim;
  const vectors: Float32Array[] = [];
  let sentences = 0;
  for (let i = 0; i < reports; i++) {
    const r = syntheticReport(vocabulary, i, 45);
    const report = parseReport(r.text, r.name);
    const chunks = chunkReport(report);
    const embedded = await embedder.embed(
      chunks.map((c) => passageText(report, c)),
      'passage',
    );
    const flat = new Float32Array(embedded.length * DIM);
    embedded.forEach((v, k) => flat.set(v, k * DIM));
    const rows = Int32Array.from(chunks.flatMap((c) => [c.paragraph, c.start, c.end]));
    for (const run of runVectors(rows, flat, DIM)) vectors.push(run.vector);
    sentences += chunks.length;
  }
  const rand = prng(7);
  const queries = Array.from({ length: 100 }, () => {
    const v = vectors[Math.floor(rand() * vectors.length)]!.map((x) => x + (rand() - 0.5) * 0.05);
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  });
  // Exact top 10 (tie-aware: anything at least as similar as the 10th counts).
  const tenth = queries.map((q) => {
    const sims = vectors.map((v) => v.reduce((s, x, i) => s + x * q[i]!, 0)).sort((a, b) => b - a);
    return sims[9];
  });
  console.log(
    `${vectors.length} vectors of runs of a paragraph's sentences (${sentences} sentences, ${reports} synthetic reports), the offline model's ${DIM} dimensions; search ef ${HNSW_PARAMS.ef}; product uses M ${HNSW_PARAMS.M}, efConstruction ${HNSW_PARAMS.efConstruction}`,
  );
  console.log('| M | efConstruction | build s | recall@10 | query ms (mean) |');
  console.log('|---|---|---|---|---|');
  for (const M of [8, 16]) {
    for (const efConstruction of [50, 100, 200]) {
      const index = new HierarchicalNSW('ip', DIM);
      index.initIndex(vectors.length, M, efConstruction, 100, true);
      let t = performance.now();
      vectors.forEach((v, i) => index.addPoint(Array.from(v), i, true));
      const buildS = (performance.now() - t) / 1000;
      index.setEf(HNSW_PARAMS.ef);
      let found = 0;
      t = performance.now();
      queries.forEach((q, k) => {
        const { distances } = index.searchKnn(Array.from(q), 10);
        // inner-product "distance" is 1 - similarity
        found += distances.filter((d) => 1 - d >= tenth[k]! - 1e-6).length;
      });
      const queryMs = (performance.now() - t) / queries.length;
      console.log(
        `| ${M} | ${efConstruction} | ${buildS.toFixed(1)} | ${(found / (queries.length * 10)).toFixed(3)} | ${queryMs.toFixed(2)} |`,
      );
    }
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
