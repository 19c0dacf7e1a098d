/**
 * A tiny embedding model for testing the dense path offline (hub weights cannot be downloaded
 * here), in the transformers.js folder layout (scripts/model-folder.ts). The WordPiece
 * vocabulary comes from the given texts; each token's vector is pseudo-random but fixed (seeded
 * by the token), so mean pooling gives a bag-of-words embedding: texts sharing words are close.
 * It is a test fixture, not a language model.
 */
import { basicTokens, onnxGatherModel, SPECIAL, writeModelFolder } from '../../scripts/model-folder.js';

function seededVector(token: string, dim: number): Float32Array {
  let h = 2166136261;
  for (const ch of token) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  const v = new Float32Array(dim);
  for (let i = 0; i < dim; i++) {
    h = Math.imul(h ^ (h >>> 15), 2246822507) ^ Math.imul(h ^ (h >>> 13), 3266489909);
    v[i] = ((h >>> 0) / 4294967296) * 2 - 1;
  }
  return v;
}

/** Writes the model folder; returns its path. */
export function buildTinyModel(outDir: string, texts: string[], dim = 32): string {
  const words = new Set<string>();
  for (const t of texts) for (const w of basicTokens(t)) if (w.length <= 40) words.add(w);
  const chars = 'abcdefghijklmnopqrstuvwxyz0123456789'.split('');
  const vocabList = [
    ...SPECIAL,
    ...chars,
    ...chars.map((c) => `##${c}`),
    ...[...words].filter((w) => w.length > 1).sort(),
  ];
  const vocab: Record<string, number> = {};
  vocabList.forEach((t, i) => (vocab[t] ??= i));
  const matrix = new Float32Array(vocabList.length * dim);
  vocabList.forEach((t, i) => {
    // Special tokens add nothing to the mean, so [CLS]/[SEP] do not pull all texts together; [UNK] is a word like
    // others.
    if (!SPECIAL.includes(t) || t === '[UNK]') matrix.set(seededVector(t, dim), i * dim);
  });
  return writeModelFolder(outDir, vocab, onnxGatherModel(matrix, vocabList.length, dim), dim);
}
