import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runQuality } from '../../scripts/bench-quality.js';
import { loadEmbedder } from '../../src/search/embedder.js';
import { buildTinyModel } from '../../scripts/build-tiny-model.js';
import { devQuestions, REPO, REPORT_TEXT, tempDir } from '../helpers/fixtures.js';

// Floors a little under today's figures (README "Quality"), so quality cannot silently regress.
describe('retrieval quality on the dev set (floors)', () => {
  const set = devQuestions();

  it('lexical mode: English hit@1/hit@3, verbatim quotes, citations and refusals; Chinese questions', async () => {
    const { english, chinese } = await runQuality(join(REPO, 'corpus'), set);
    expect(chinese.hitAt3).toBeGreaterThanOrEqual(0.75);
    expect(chinese.falseAbstentions).toBe(0);
    expect(chinese.verbatimRate).toBe(1);
    expect(english.hitAt1).toBeGreaterThanOrEqual(0.9);
    expect(english.hitAt3).toBeGreaterThanOrEqual(0.97);
    expect(english.verbatimRate).toBe(1);
    expect(english.citationCompleteness).toBe(1);
    expect(Number(english.abstained.split('/')[0])).toBeGreaterThanOrEqual(2);
    expect(english.falseAbstentions).toBeLessThanOrEqual(1);
    expect(english.medianQuoteChars).toBeLessThanOrEqual(400);
  });

  it('hybrid mode with the tiny test model stays verbatim and close to lexical', async () => {
    const model = buildTinyModel(join(tempDir(), 'tiny'), [REPORT_TEXT]);
    const { english } = await runQuality(join(REPO, 'corpus'), set, await loadEmbedder(model, tmpdir()));
    expect(english.hitAt1).toBeGreaterThanOrEqual(0.87);
    expect(english.hitAt3).toBeGreaterThanOrEqual(0.94);
    expect(english.verbatimRate).toBe(1);
  });
});
