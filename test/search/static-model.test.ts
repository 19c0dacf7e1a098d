import { appendFileSync, cpSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEmbedder, loadWithTransformers, modelId, OFFLINE_MODEL } from '../../src/search/embedder.js';
import { bertWords, StaticModel } from '../../src/search/static-model.js';
import { ModelChangedError } from '../../src/errors.js';
import { buildTinyModel } from '../helpers/tiny-model.js';
import { REPO, tempDir } from '../helpers/fixtures.js';

/** Sentences of the report, the realistic questions and a few odd texts: what the model is asked to embed. */
function texts(): string[] {
  const report = readFileSync(join(REPO, 'corpus/zuoyun-2023-rule-of-law-report.txt'), 'utf8').split(/(?<=[.!?])\s+/);
  const questions = readFileSync(join(REPO, 'test/fixtures/eval/dev-realistic.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { q: string }).q);
  return [
    ...report,
    ...questions,
    'naïve café résumé — “quoted” text… 2023年 行政案件',
    'x'.repeat(150),
    '',
    '   ',
    'governmentwide interagency',
  ];
}

/** Largest difference between two lists of vectors; NaN on both sides (a text of stop words only) counts as equal. */
const maxDifference = (a: Float32Array[], b: Float32Array[]): number =>
  Math.max(
    ...a.map((v, i) =>
      Math.max(...Array.from(v, (x, k) => (Number.isNaN(x) && Number.isNaN(b[i]![k]!) ? 0 : Math.abs(x - b[i]![k]!)))),
    ),
  );

describe('the static model read directly', () => {
  it('gives the vectors transformers.js gives, to 1e-6, for the bundled offline model', async () => {
    const all = texts();
    const direct = await loadEmbedder(OFFLINE_MODEL, tmpdir());
    const runtime = await loadWithTransformers(OFFLINE_MODEL, tmpdir());
    expect(direct.id).toBe(runtime.id); // the same id: an index built by one is searched by the other
    expect(maxDifference(await direct.embed(all, 'passage'), await runtime.embed(all, 'passage'))).toBeLessThan(1e-6);
  });

  it('is known by its name and files, not its path: a copy elsewhere is the same model, a changed file another', async () => {
    const copy = join(tempDir(), 'static-en-100d');
    cpSync(OFFLINE_MODEL, copy, { recursive: true });
    try {
      const here = await loadEmbedder(OFFLINE_MODEL, tmpdir());
      expect(here.id).toMatch(/^static-en-100d@[0-9a-f]{12}$/);
      expect(modelId(copy)).toBe(here.id);
      appendFileSync(join(copy, 'config.json'), ' ');
      expect(modelId(copy)).not.toBe(here.id);
      expect(modelId('Xenova/multilingual-e5-small')).toBe('Xenova/multilingual-e5-small'); // a hub id as it is
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('tokenises as BERT does: lower case, accents stripped, punctuation and Chinese characters apart', () => {
    expect(bertWords('Naïve “Café”, 2023年案件!')).toEqual([
      'naive',
      '“',
      'cafe',
      '”',
      ',',
      '2023',
      '年',
      '案',
      '件',
      '!',
    ]);
  });

  it("reads BERT's vocab.txt when the folder has one, the same vocabulary as tokenizer.json's", () => {
    const withoutLines = join(tempDir(), 'static');
    cpSync(OFFLINE_MODEL, withoutLines, { recursive: true });
    rmSync(join(withoutLines, 'vocab.txt'));
    const [lines, json] = [StaticModel.load(OFFLINE_MODEL)!, StaticModel.load(withoutLines)!];
    for (const text of texts()) expect(lines.tokenIds(text)).toEqual(json.tokenIds(text));
  });

  it('is used only for a table of word vectors: a model of another kind goes through transformers.js', () => {
    expect(StaticModel.load(OFFLINE_MODEL)).toBeDefined();
    // The tiny test model is a different graph (float rows, no int8 scales): not read directly.
    expect(StaticModel.load(buildTinyModel(join(tempDir(), 'tiny'), ['a few words']))).toBeUndefined();
  });

  it('reads rows as texts need them, and stops with ModelChangedError when the file changed since it was loaded', () => {
    const copy = join(tempDir(), 'static');
    cpSync(OFFLINE_MODEL, copy, { recursive: true });
    const model = StaticModel.load(copy)!;
    const first = model.embed('administrative cases');
    expect(model.embed('administrative cases')).toEqual(first); // rows already read: the file is not opened again
    const onnx = join(copy, 'onnx', 'model.onnx');
    appendFileSync(onnx, Buffer.alloc(16));
    expect(() => model.embed('administrative cases')).not.toThrow();
    expect(() => model.embed('notaries and mediators')).toThrow(ModelChangedError);
  });
});
