import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { candidateExamples, exampleQuestions, workingExamples } from '../../src/answer/examples.js';
import { loadEmbedder, OFFLINE_MODEL } from '../../src/search/embedder.js';
import { buildEngine } from '../helpers/quality.js';
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

  it('a report without examples offers questions from its figures and headings, each answered from where it was made', async () => {
    const dir = tempDir('rqb-examples-');
    writeFileSync(
      join(dir, 'plain.md'),
      '# Hillside 2024 Water Report\n\n## Drinking water\n\nThe county tested 1200 drinking water samples in 2024, and 99% met the standard.\n\n## Flood defences\n\nNine kilometres of river embankment were rebuilt before the rainy season.\n\n## Outlook\n\nThe county plans to open 3 new treatment plants.\n',
    );
    const { engine } = await buildEngine(dir, undefined, {}, tempDir());
    const report = [...engine.index.reports.values()][0]!;
    const candidates = candidateExamples(report, 'en');
    expect(candidates.map((c) => c.question)).toEqual(
      expect.arrayContaining([
        'How many drinking water samples in 2024?',
        'How many new treatment plants?',
        'What about drinking water?',
      ]),
    );
    // A figure in a name or a rank is no count; a Chinese reader is offered no questions made from English words.
    expect(candidates.map((c) => c.question).join()).not.toMatch(/How many (percent|met)/);
    expect(candidateExamples(report, 'zh')).toEqual([]);
    const offered = await workingExamples(engine, report, 'en');
    expect(offered.length).toBeGreaterThan(0);
    for (const q of offered) {
      const a = await engine.answer(q, 1, report.id);
      expect(a.confidence).toBe('high');
      const made = candidates.find((c) => c.question === q)!;
      if (made.from) expect(a.answers[0]!.citation.paragraph).toBe(made.from);
      else expect(a.answers[0]!.sectionPath).toEqual(expect.arrayContaining(made.under!));
    }
  });
});
