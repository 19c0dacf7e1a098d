/**
 * Builds the tiny test model (test/helpers/tiny-model.ts) from a corpus folder.
 *
 * Usage: npm run build:tiny-model -- [outDir] [corpusDir]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildTinyModel } from '../test/helpers/tiny-model.js';

const out = resolve(process.argv[2] ?? 'data/models/tiny-test-model');
const corpus = resolve(process.argv[3] ?? 'corpus');
const texts = readdirSync(corpus)
  .filter((f) => /\.(txt|md)$/.test(f))
  .map((f) => readFileSync(join(corpus, f), 'utf8'));
buildTinyModel(out, texts);
process.stderr.write(`Tiny test model written to ${out}\nUse it with EMBEDDING_MODEL=${out}\n`);
