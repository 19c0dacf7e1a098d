import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestInChild } from '../src/ingest-child.js';
import { IndexStore } from '../src/search/store.js';
import { loadIndex } from '../src/search/load-index.js';
import { loadEmbedder, OFFLINE_MODEL } from '../src/search/embedder.js';
import { REPORT_TEXT, tempCorpus, tempDir } from './helpers/fixtures.js';

describe('ingest in a child process (how a running bot takes in new reports)', () => {
  it('builds the index this process reads, with the model it answers with (loaded here too), and takes in a new report', async () => {
    const here = await loadEmbedder(OFFLINE_MODEL, tempDir()); // the running bot has the model loaded already
    const { corpusDir, dataDir } = tempCorpus();
    const options = { corpusDir, dataDir, model: here.source, cacheDir: join(dataDir, 'models') };
    const first = await ingestInChild(options);
    expect(first.added).toEqual(['zuoyun-2023-rule-of-law-report']);
    expect(first.vectors).toBe(true);
    expect(first.embeddedChunks).toBe(first.totalChunks);
    const loaded = loadIndex(new IndexStore(dataDir))!;
    expect(loaded.index.vectors?.count).toBeGreaterThan(0);
    const [query] = await here.embed(['How many notarizations were handled?'], 'query');
    expect(loaded.index.denseSearch(query!, 1)[0]!.similarity).toBeGreaterThan(0.3); // same model, same vector space

    writeFileSync(join(corpusDir, 'second-report.txt'), REPORT_TEXT.replace(/Zuoyun/g, 'Youyu'));
    writeFileSync(join(corpusDir, 'broken.pdf'), 'not a pdf');
    const second = await ingestInChild(options);
    expect(second.added).toEqual(['second-report']);
    expect(second.unchanged).toEqual(['zuoyun-2023-rule-of-law-report']);
    expect(second.errors.map((e) => e.file)).toEqual(['broken.pdf']); // named, as by an ingest in this process
    expect(loadIndex(new IndexStore(dataDir))!.index.reports.size).toBe(2);
  });

  it('rejects with the reason when the ingest fails', async () => {
    const { corpusDir } = tempCorpus();
    const notADirectory = join(tempDir(), 'a-file');
    writeFileSync(notADirectory, '');
    await expect(ingestInChild({ corpusDir, dataDir: notADirectory, cacheDir: tempDir() })).rejects.toThrow(
      /DATA_DIR|a-file/,
    );
  });
});
