import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEngine, loadSet, readSet, scoreSet } from '../helpers/quality.js';
import { buildTinyModel } from '../helpers/tiny-model.js';
import { loadEmbedder, OFFLINE_MODEL } from '../../src/search/embedder.js';
import { corpusOf, GSA_FILES, REPO, REPORT_TEXT, tempDir } from '../helpers/fixtures.js';

// Floors a little under today's figures (README "Quality", `npm run bench:quality`), so quality
// cannot silently regress. The sets are the repository's copies (test/fixtures/eval).
const corpus = join(REPO, 'corpus');
const count = (handled: string): number => Number(handled.split('/')[0]);

describe('answer quality on the development sets (floors)', () => {
  it('offline model (what a machine without the hub gets): realistic questions, refusals and confidence', async () => {
    const built = await buildEngine(corpus, await loadEmbedder(OFFLINE_MODEL, tmpdir()), {}, tempDir());
    const realistic = await scoreSet(built, loadSet('dev-realistic.jsonl'), 'offline');
    expect(realistic.english.hitAt1).toBeGreaterThanOrEqual(0.72);
    expect(realistic.english.hitAt3).toBeGreaterThanOrEqual(0.85);
    expect(realistic.english.falseAbstentions).toBeLessThanOrEqual(5);
    expect(realistic.english.unanswerableHigh).toBeLessThanOrEqual(3);
    expect(realistic.chinese.hitAt3).toBeGreaterThanOrEqual(0.9);
    expect(realistic.english.verbatimRate).toBe(1);
    expect(realistic.english.citationCompleteness).toBe(1);
    const close = await scoreSet(built, loadSet('dev-questions.jsonl'), 'offline');
    expect(close.english.hitAt1).toBeGreaterThanOrEqual(0.93);
    expect(close.english.unanswerableHigh).toBe(0);
    const offTopic = await scoreSet(built, loadSet('off-topic.jsonl'), 'offline');
    expect(count(offTopic.english.unanswerableHandled)).toBe(30);
    expect(offTopic.english.unanswerableHigh).toBe(0);
  });

  it('lexical only: the close-wording set, verbatim quotes and citations', async () => {
    const built = await buildEngine(corpus, undefined, {}, tempDir());
    const { english, chinese } = await scoreSet(built, loadSet('dev-questions.jsonl'), 'lexical');
    expect(english.hitAt1).toBeGreaterThanOrEqual(0.9);
    expect(english.hitAt3).toBeGreaterThanOrEqual(0.97);
    expect(english.verbatimRate).toBe(1);
    expect(english.citationCompleteness).toBe(1);
    expect(english.falseAbstentions).toBeLessThanOrEqual(1);
    expect(english.medianQuoteChars).toBeLessThanOrEqual(400);
    expect(chinese.hitAt3).toBeGreaterThanOrEqual(0.75);
    expect(chinese.verbatimRate).toBe(1);
    const realistic = await scoreSet(built, loadSet('dev-realistic.jsonl'), 'lexical');
    expect(realistic.english.hitAt1).toBeGreaterThanOrEqual(0.6);
  });

  it('offline model on a second report of another layout (the GSA assessment, Markdown with tables and lists)', async () => {
    const built = await buildEngine(corpusOf(...GSA_FILES), await loadEmbedder(OFFLINE_MODEL, tmpdir()), {}, tempDir());
    const questions = readSet(join(REPO, 'test/fixtures/reports/gsa-fy2025-section-508-assessment.questions.jsonl'));
    const { english } = await scoreSet(built, questions, 'offline');
    expect(english.hitAt1).toBeGreaterThanOrEqual(0.4);
    expect(english.hitAt3).toBeGreaterThanOrEqual(0.6);
    expect(english.falseAbstentions).toBeLessThanOrEqual(2);
    expect(english.unanswerableHigh).toBeLessThanOrEqual(3);
    expect(english.verbatimRate).toBe(1);
    expect(english.citationCompleteness).toBe(1);
  });

  it("another report in the same index barely moves a report's answers (weights and off-topic levels are measured within each report)", async () => {
    const zuoyun = ['zuoyun-2023-rule-of-law-report.txt', 'zuoyun-2023-rule-of-law-report.meta.json'].map((f) =>
      join(corpus, f),
    );
    const built = await buildEngine(
      corpusOf(...GSA_FILES, ...zuoyun),
      await loadEmbedder(OFFLINE_MODEL, tmpdir()),
      {},
      tempDir(),
    );
    const realistic = await scoreSet(built, loadSet('dev-realistic.jsonl'), 'offline');
    expect(realistic.english.hitAt1).toBeGreaterThanOrEqual(0.78);
    expect(realistic.english.falseAbstentions).toBeLessThanOrEqual(4);
  });

  it('hybrid mode with the tiny test model stays verbatim and close to lexical', async () => {
    const model = buildTinyModel(join(tempDir(), 'tiny'), [REPORT_TEXT]);
    const built = await buildEngine(corpus, await loadEmbedder(model, tmpdir()), {}, tempDir());
    const { english } = await scoreSet(built, loadSet('dev-questions.jsonl'), 'tiny');
    expect(english.hitAt1).toBeGreaterThanOrEqual(0.87);
    expect(english.hitAt3).toBeGreaterThanOrEqual(0.94);
    expect(english.verbatimRate).toBe(1);
  });
});
