import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { candidateExamples, exampleQuestions, workingExamples } from '../../src/answer/examples.js';
import { loadEmbedder, OFFLINE_MODEL } from '../../src/search/embedder.js';
import { buildEngine } from '../../scripts/bench-quality.js';
import { REPO, tempDir } from '../helpers/fixtures.js';

describe('example questions', () => {
  it('every example offered, in English and Chinese, with and without the offline model, is answered with high confidence', async () => {
    for (const embedder of [undefined, await loadEmbedder(OFFLINE_MODEL, tmpdir())]) {
      const { engine } = await buildEngine(join(REPO, 'corpus'), embedder, {}, tempDir());
      const report = [...engine.index.reports.values()][0]!;
      for (const lang of ['en', 'zh'] as const) {
        const offered = await exampleQuestions(engine, lang);
        // The sidecar's own examples all pass the check (none silently dropped).
        expect(offered).toEqual(lang === 'zh' ? report.meta.examplesZh : report.meta.examples);
        for (const q of offered) expect((await engine.answer(q, 1, report.id)).confidence, q).toBe('high');
      }
    }
  });

  it('a report without examples offers questions from its headings, each answered from under its heading', async () => {
    const dir = tempDir('rqb-examples-');
    writeFileSync(
      join(dir, 'plain.md'),
      '# Hillside 2024 Water Report\n\n## Drinking water\n\nThe county tested 1200 drinking water samples and 99% met the standard.\n\n## Flood defences\n\nNine kilometres of river embankment were rebuilt before the rainy season.\n',
    );
    const { engine } = await buildEngine(dir, undefined, {}, tempDir());
    const report = [...engine.index.reports.values()][0]!;
    expect(candidateExamples(report, 'en').map((c) => c.question)).toContain('What about drinking water?');
    const offered = await workingExamples(engine, report, 'en');
    expect(offered.length).toBeGreaterThan(0);
    for (const q of offered) {
      const a = await engine.answer(q, 1, report.id);
      expect(a.confidence).toBe('high');
      expect(a.answers[0]!.sectionPath.join(' ')).toMatch(new RegExp(q.replace(/^What about (.*)\?$/, '$1'), 'i'));
    }
  });
});
