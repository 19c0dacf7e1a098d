import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRuntime } from '../src/app.js';
import { ingest } from '../src/ingest.js';
import { IndexStore } from '../src/search/store.js';
import { NEW_REPORT, tempCorpus } from './helpers/fixtures.js';

describe('runtime', () => {
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
