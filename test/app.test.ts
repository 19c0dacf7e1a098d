import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRuntime } from '../src/app.js';
import { ingest } from '../src/ingest.js';
import { IndexStore } from '../src/search/store.js';
import { loadEmbedder } from '../src/search/embedder.js';
import { buildTinyModel } from './helpers/tiny-model.js';
import { NEW_REPORT, REPORT_TEXT, tempCorpus, tempDir } from './helpers/fixtures.js';

describe('runtime', () => {
  it('answers by words at once and by meaning too once the graph is read', async () => {
    const dirs = tempCorpus();
    const model = buildTinyModel(join(tempDir(), 'tiny'), [REPORT_TEXT]);
    await ingest({ ...dirs, embedder: await loadEmbedder(model, tempDir()) }); // a start with a graph to read
    const runtime = await openRuntime({ ...dirs, embeddingModel: model });
    const first = runtime.engine;
    expect(first.mode).toBe('lexical');
    await runtime.dense;
    expect(runtime.engine).not.toBe(first);
    expect(runtime.engine.mode).toBe('hybrid');
  });

  it('reads the texts of a swapped-in index ahead: answers then need no report file', async () => {
    const dirs = tempCorpus();
    const runtime = await openRuntime({ ...dirs, embeddingModel: undefined });
    await runtime.readAhead();
    // Another process (`npm run ingest`) adds a report; the runtime swaps the new index in.
    writeFileSync(join(dirs.corpusDir, 'riverside-2024.md'), NEW_REPORT);
    await ingest(dirs);
    expect(runtime.reload()).toBe(true);
    await runtime.readAhead();
    const reports = join(new IndexStore(dirs.dataDir).current()!, 'reports');
    renameSync(reports, `${reports}-hidden`);
    try {
      const answer = await runtime.engine.answer('How many books did the libraries lend in 2024?');
      expect(answer.answers[0]?.quote.text).toContain('52000 books');
    } finally {
      renameSync(`${reports}-hidden`, reports);
    }
  });
});
