import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { calibrate, OFF_TOPIC_PROBES, offTopicSignature } from '../src/answer/confidence.js';
import { AnswerEngine } from '../src/answer/engine.js';
import { IngestBusyError } from '../src/errors.js';
import { acquireLock, ingest, passageText } from '../src/ingest.js';
import { acronymPairs } from '../src/search/acronym-terms.js';
import { loadEmbedder, modelId, type Embedder } from '../src/search/embedder.js';
import { FORMAT_VERSION, IndexStore, TAIL_GRAPH, TAIL_LEXICAL } from '../src/search/store.js';
import { runCount } from '../src/search/sentence-vectors.js';
import { loadIndex, loadIndexWordsFirst } from '../src/search/load-index.js';
import { loadThesaurus } from '../src/search/thesaurus.js';
import { processTerm } from '../src/search/tokenize.js';
import { compoundsIn } from '../src/search/vocabulary.js';
import { buildTinyModel } from './helpers/tiny-model.js';
import { REPORT_TEXT, tempCorpus, tempDir } from './helpers/fixtures.js';

/** Wraps an embedder, counting embedded texts and optionally failing after `failAfter` calls. */
function counting(inner: Embedder, failAfter = Infinity): Embedder & { texts: number } {
  let calls = 0;
  const wrapper = {
    id: inner.id,
    dim: inner.dim,
    texts: 0,
    async embed(texts: string[], kind: 'query' | 'passage') {
      if (++calls > failAfter) throw new Error('killed mid-ingest');
      wrapper.texts += texts.length;
      return inner.embed(texts, kind);
    },
  };
  return wrapper;
}

describe('ingest, lexical only (no model)', () => {
  it('builds a loadable index, records why vectors are absent, and a re-run changes nothing', async () => {
    const { corpusDir, dataDir } = tempCorpus();
    const first = await ingest({ corpusDir, dataDir });
    expect(first.added).toEqual(['zuoyun-2023-rule-of-law-report']);
    expect(first.vectors).toBe(false);
    const loaded = loadIndex(new IndexStore(dataDir))!;
    expect(loaded.index.vectors).toBeUndefined();
    expect(loaded.index.chunkCount).toBe(first.totalChunks);
    const again = await ingest({ corpusDir, dataDir });
    expect(again.wroteGeneration).toBe(false);
    expect(again.unchanged).toEqual(['zuoyun-2023-rule-of-law-report']);
  });

  it('adds, replaces and drops reports incrementally, and keeps a report whose file turned bad', async () => {
    const { corpusDir, dataDir } = tempCorpus();
    writeFileSync(join(corpusDir, 'second.txt'), 'Second report.\n\nThe county opened 4 libraries.\n');
    await ingest({ corpusDir, dataDir });
    writeFileSync(join(corpusDir, 'second.txt'), 'Second report.\n\nThe county opened 5 libraries.\n');
    writeFileSync(join(corpusDir, 'third.md'), '# Third\n\nText of the third report.');
    const changed = await ingest({ corpusDir, dataDir });
    expect(changed).toMatchObject({
      added: ['third'],
      changed: ['second'],
      unchanged: ['zuoyun-2023-rule-of-law-report'],
      removed: [],
    });
    writeFileSync(join(corpusDir, 'third.md'), Buffer.from([0, 1, 2]));
    rmSync(join(corpusDir, 'second.txt'));
    const dropped = await ingest({ corpusDir, dataDir });
    expect(dropped.removed).toEqual(['second']);
    expect(dropped.errors.map((e) => e.file)).toEqual(['third.md']);
    const { index } = loadIndex(new IndexStore(dataDir))!;
    expect([...index.reports.keys()].sort()).toEqual(['third', 'zuoyun-2023-rule-of-law-report']);
  });

  it('bad converted files are each named and skipped; the good reports are indexed and a good file that turns bad keeps its indexed version', async () => {
    const { corpusDir, dataDir } = tempCorpus();
    writeFileSync(
      join(corpusDir, 'water.html'),
      '<html><head><title>Water Report 2024</title></head><body><h1>Water Report 2024</h1><p>The county tested 40 wells in 2024 and all of them passed the test.</p></body></html>',
    );
    await ingest({ corpusDir, dataDir });
    const deep = `<html><body>${'<div>'.repeat(10_000)}deep${'</div>'.repeat(10_000)}</body></html>`;
    const hostile: [string, string | Buffer][] = [
      ['empty.html', ''],
      ['blank.html', '  \n\t '],
      ['mislabelled.html', '%PDF-1.7\n%âãÏÓ\n1 0 obj <<>> endobj\n'],
      ['deep.html', deep],
      ['malformed.pdf', '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF'],
      ['water.html', ''], // a watched site that served an empty body for a known report
    ];
    for (const [name, body] of hostile) writeFileSync(join(corpusDir, name), body);
    const result = await ingest({ corpusDir, dataDir });
    expect(result.errors.map((e) => e.file).sort()).toEqual([
      'blank.html',
      'deep.html',
      'empty.html',
      'malformed.pdf',
      'mislabelled.html',
      'water.html',
    ]);
    expect(result.errors.find((e) => e.file === 'mislabelled.html')!.message).toMatch(
      /PDF saved under another extension/,
    );
    expect(result.errors.find((e) => e.file === 'empty.html')!.message).toMatch(/is empty/);
    const { index } = loadIndex(new IndexStore(dataDir))!;
    expect([...index.reports.keys()].sort()).toEqual(['water', 'zuoyun-2023-rule-of-law-report']);
    // Not converted again while unchanged: named with the same reason, said once.
    const again = await ingest({ corpusDir, dataDir });
    expect(again.errors.find((e) => e.file === 'deep.html')!.message).toMatch(/not converted again/);
    writeFileSync(
      join(corpusDir, 'deep.html'),
      '<html><body><h1>Deep Report 2024</h1><p>The county dug 12 new wells this year.</p></body></html>',
    );
    expect((await ingest({ corpusDir, dataDir })).added).toEqual(['deep']);
  });

  it('an empty CORPUS_DIR (an unmounted share) keeps the index unless --allow-empty says otherwise', async () => {
    const { corpusDir, dataDir } = tempCorpus();
    await ingest({ corpusDir, dataDir });
    for (const f of readdirSync(corpusDir)) rmSync(join(corpusDir, f));
    const kept = await ingest({ corpusDir, dataDir });
    expect(kept).toMatchObject({ wroteGeneration: false, removed: [], unchanged: ['zuoyun-2023-rule-of-law-report'] });
    expect([...loadIndex(new IndexStore(dataDir))!.index.reports.keys()]).toEqual(['zuoyun-2023-rule-of-law-report']);
    const emptied = await ingest({ corpusDir, dataDir, allowEmpty: true });
    expect(emptied.removed).toEqual(['zuoyun-2023-rule-of-law-report']);
  });

  it('adding a report extends the lexical index to exactly what a rebuild gives', async () => {
    const { corpusDir, dataDir } = tempCorpus();
    await ingest({ corpusDir, dataDir });
    writeFileSync(join(corpusDir, 'zz-added.txt'), 'Added report.\n\nThe county opened 4 libraries and 2 courts.\n');
    expect((await ingest({ corpusDir, dataDir })).added).toEqual(['zz-added']);
    const fresh = tempDir();
    await ingest({ corpusDir, dataDir: fresh });
    const extended = loadIndex(new IndexStore(dataDir))!.index.lexical;
    const rebuilt = loadIndex(new IndexStore(fresh))!.index.lexical;
    for (const q of [['court'], ['librari', 'counti'], ['administr', 'case']])
      expect(extended.search(q, 10)).toEqual(rebuilt.search(q, 10));
  });

  it('adding a report writes only the tail; the index answers as one rebuilt, and a change to the main index or a tail past its share builds one index again', async () => {
    const { corpusDir, dataDir } = tempCorpus();
    const store = new IndexStore(dataDir);
    const inode = (file: string): bigint => statSync(join(store.current()!, file), { bigint: true }).ino;
    const hits = (dir: string, terms: string[]): string[] => {
      const { index } = loadIndex(new IndexStore(dir))!;
      return index.lexical
        .search(terms, 10)
        .map((h) => `${index.reportOf(h.doc)} ${index.chunk(h.doc).start} ${h.score}`);
    };
    const asRebuilt = async (): Promise<void> => {
      // The word list: every report's words summed in the index's order, whether summed again or added to.
      const dir = store.current()!;
      const total = new Map<string, number>();
      for (const id of Object.keys(store.manifest()!.reports))
        for (const [w, n] of readFileSync(join(dir, 'words', `${id}.tsv`), 'utf8')
          .split('\n')
          .map((line) => line.split('\t')))
          total.set(w!, (total.get(w!) ?? 0) + Number(n));
      expect(readFileSync(join(dir, 'words.tsv'), 'utf8')).toBe([...total].map(([w, n]) => `${w}\t${n}`).join('\n'));
      const fresh = tempDir();
      await ingest({ corpusDir, dataDir: fresh });
      for (const q of [['court'], ['librari', 'counti'], ['administr', 'case'], ['tree', 'plant']])
        expect(hits(dataDir, q)).toEqual(hits(fresh, q));
    };
    await ingest({ corpusDir, dataDir });
    const main = inode('lexical.bin');
    writeFileSync(join(corpusDir, 'zz-added.txt'), 'Added report.\n\nThe county opened 4 libraries and 2 courts.\n');
    await ingest({ corpusDir, dataDir });
    writeFileSync(join(corpusDir, 'zz-more.txt'), 'More.\n\nThe county planted 300 trees by the court.\n');
    await ingest({ corpusDir, dataDir });
    expect(store.manifest()!.tail?.ids).toEqual(['zz-added', 'zz-more']);
    expect(inode('lexical.bin')).toBe(main); // taken over, not written again
    await asRebuilt();
    // A tail report changed: the tail is written again, the main index kept.
    writeFileSync(join(corpusDir, 'zz-added.txt'), 'Added report.\n\nThe county opened 5 libraries and 2 courts.\n');
    await ingest({ corpusDir, dataDir });
    expect(store.manifest()!.tail?.ids).toEqual(['zz-more', 'zz-added']);
    expect(inode('lexical.bin')).toBe(main);
    await asRebuilt();
    // Tail reports removed: the tail without them, and none once none is left.
    rmSync(join(corpusDir, 'zz-more.txt'));
    await ingest({ corpusDir, dataDir });
    expect(store.manifest()!.tail?.ids).toEqual(['zz-added']);
    await asRebuilt();
    const tailAgain = readFileSync(join(corpusDir, 'zz-added.txt'));
    rmSync(join(corpusDir, 'zz-added.txt'));
    await ingest({ corpusDir, dataDir });
    expect(store.manifest()!.tail).toBeUndefined();
    expect(inode('lexical.bin')).toBe(main);
    await asRebuilt();
    writeFileSync(join(corpusDir, 'zz-added.txt'), tailAgain);
    await ingest({ corpusDir, dataDir });
    // A report of the main index changed, with a tail there: one index again.
    appendFileSync(join(corpusDir, 'zuoyun-2023-rule-of-law-report.txt'), '\nThe county planted 12 more trees.\n');
    await ingest({ corpusDir, dataDir });
    expect(store.manifest()!.tail).toBeUndefined();
    expect(existsSync(join(store.current()!, TAIL_LEXICAL))).toBe(false);
    await asRebuilt();
    // A tail of more than an eighth of the chunks: one index again.
    const long = Array.from({ length: 80 }, (_, i) => `The county repaired ${i + 2} roads in district ${i}.`);
    writeFileSync(join(corpusDir, 'zz-long.txt'), `Roads.\n\n${long.join('\n\n')}\n`);
    await ingest({ corpusDir, dataDir });
    expect(store.manifest()!.tail).toBeUndefined();
    await asRebuilt();
  });

  it('a changed or removed report leaves the lexical index byte for byte what a fresh ingest builds, also when the previous one is unreadable', async () => {
    const { corpusDir, dataDir } = tempCorpus();
    const store = new IndexStore(dataDir);
    const lexicalBytes = (dir: string): Buffer => readFileSync(join(new IndexStore(dir).current()!, 'lexical.bin'));
    const fresh = async (): Promise<Buffer> => {
      const dir = tempDir();
      await ingest({ corpusDir, dataDir: dir });
      return lexicalBytes(dir);
    };
    writeFileSync(join(corpusDir, 'b-middle.txt'), 'Middle report.\n\nThe county planted 300 trees.\n');
    writeFileSync(join(corpusDir, 'zz-added.txt'), 'Added report.\n\nThe county opened 4 libraries and 2 courts.\n');
    await ingest({ corpusDir, dataDir });
    // Changed: the other reports' documents come from the previous lexical.bin.
    writeFileSync(join(corpusDir, 'zz-added.txt'), 'Added report.\n\nThe county opened 5 libraries and 2 courts.\n');
    expect((await ingest({ corpusDir, dataDir })).changed).toEqual(['zz-added']);
    expect(lexicalBytes(dataDir).equals(await fresh())).toBe(true);
    // Removed from the middle.
    rmSync(join(corpusDir, 'b-middle.txt'));
    expect((await ingest({ corpusDir, dataDir })).removed).toEqual(['b-middle']);
    expect(lexicalBytes(dataDir).equals(await fresh())).toBe(true);
    // The previous lexical.bin damaged: the carried-over reports are indexed again from their stored text.
    writeFileSync(join(store.current()!, 'lexical.bin'), 'damaged');
    writeFileSync(join(corpusDir, 'zz-added.txt'), 'Added report.\n\nThe county opened 6 libraries and 2 courts.\n');
    expect((await ingest({ corpusDir, dataDir })).changed).toEqual(['zz-added']);
    expect(lexicalBytes(dataDir).equals(await fresh())).toBe(true);
    expect(readdirSync(store.current()!).filter((f) => f.endsWith('.tmp') || f === 'lexical')).toEqual([]);
  });

  it('loading reads no report text; an engine on the previous generation still answers after a new one is committed', async () => {
    const { corpusDir, dataDir } = tempCorpus();
    await ingest({ corpusDir, dataDir });
    const store = new IndexStore(dataDir);
    const dir = store.current()!;
    const text = join(dir, 'reports', 'zuoyun-2023-rule-of-law-report.bin');
    const saved = readFileSync(text);
    rmSync(text);
    const { index } = loadIndex(store)!;
    expect(index.chunkCount).toBeGreaterThan(100);
    expect([...index.reports.values()][0]!.meta.title).toMatch(/Zuoyun/);
    expect(() => [...index.reports.values()][0]!.text).toThrow(
      /report file for "zuoyun-2023-rule-of-law-report" \(.*\) is missing or corrupt; run `npm run ingest -- --rebuild`/,
    );
    writeFileSync(text, saved);
    const engine = new AnswerEngine(loadIndex(store)!.index);
    writeFileSync(join(corpusDir, 'zz-added.txt'), 'Added report.\n\nThe county opened 4 libraries.\n');
    await ingest({ corpusDir, dataDir });
    expect(store.current()).not.toBe(dir);
    expect((await engine.answer('How many mediation statements were issued?')).answers[0]!.quote.text).toContain(
      '12 mediation statements',
    );
  });

  it("keeps each report's abbreviations with it, as found at ingest, so no question finds them again", async () => {
    const { corpusDir, dataDir } = tempCorpus();
    writeFileSync(
      join(corpusDir, 'pm.txt'),
      'Programme report.\n\nEvery agency named program managers (PMs) this year.\n',
    );
    await ingest({ corpusDir, dataDir });
    const reports = [...loadIndex(new IndexStore(dataDir))!.index.reports.values()];
    for (const report of reports) expect(report.acronyms).toEqual(acronymPairs(report.text));
    expect(reports.find((r) => r.text.includes('(PMs)'))!.acronyms).toContainEqual({
      short: 'pm',
      long: ['program', 'manag'],
    });
  });

  it("keeps the closed compounds of the reports' words with the index, as found at ingest", async () => {
    const { corpusDir, dataDir } = tempCorpus();
    writeFileSync(join(corpusDir, 'gw.txt'), 'Assessment.\n\nThe governmentwide average rose to 1.96.\n');
    await ingest({ corpusDir, dataDir });
    const { index } = loadIndex(new IndexStore(dataDir))!;
    const stored = index.compounds?.();
    expect(stored).toEqual(compoundsIn(index.words!().keys(), loadThesaurus()!));
    expect(stored?.get(processTerm('government')!)).toContain(processTerm('governmentwide'));
  });

  it('ingests a 10 MB one-line report and answers from it', async () => {
    const corpusDir = tempDir();
    const dataDir = tempDir();
    writeFileSync(
      join(corpusDir, 'huge.txt'),
      `A huge report\n\n${'The county court heard 13 administrative cases in 2023. '.repeat(180_000)}\n`,
    );
    const summary = await ingest({ corpusDir, dataDir });
    expect(summary.added).toEqual(['huge']);
    const { index } = loadIndex(new IndexStore(dataDir))!;
    const { AnswerEngine } = await import('../src/answer/engine.js');
    const answer = await new AnswerEngine(index).answer('How many administrative cases did the court hear?');
    expect(answer.answers[0]!.quote.text).toContain('13 administrative cases');
  });

  it('refuses an index of another format version with a message saying what to run', async () => {
    const { corpusDir, dataDir } = tempCorpus();
    await ingest({ corpusDir, dataDir });
    const store = new IndexStore(dataDir);
    const manifestPath = join(store.current()!, 'manifest.json');
    writeFileSync(manifestPath, JSON.stringify({ ...store.manifest(), formatVersion: 99 }));
    expect(() => loadIndex(store)).toThrow(
      `format version 99, this program reads version ${FORMAT_VERSION}; run \`npm run ingest -- --rebuild\``,
    );
  });
});

describe('ingest with the tiny test model (dense path)', () => {
  let model: string;
  beforeAll(() => {
    model = buildTinyModel(join(tempDir(), 'tiny-model'), [REPORT_TEXT]);
  });

  it("embeds every chunk; after reload a dense search with a chunk's own text returns that chunk", async () => {
    const { corpusDir, dataDir } = tempCorpus();
    const embedder = counting(await loadEmbedder(model, tempDir()));
    const summary = await ingest({ corpusDir, dataDir, embedder });
    expect(summary.embeddedChunks).toBe(summary.totalChunks);
    const { index, manifest } = loadIndex(new IndexStore(dataDir))!;
    expect(manifest.model).toEqual({ id: modelId(model), dim: embedder.dim });
    const report = index.reports.get('zuoyun-2023-rule-of-law-report')!;
    for (const i of [3, 20, 40]) {
      const [vector] = await embedder.embed([passageText(report, index.chunk(i))], 'passage');
      expect(index.denseSearch(vector!, 1)[0]!.chunk).toBe(i);
    }
  });

  it('adding a report links its vectors into a tail graph beside the previous one, and into one graph again when the main index changes; no scratch file stays behind', async () => {
    const { corpusDir, dataDir } = tempCorpus();
    const embedder = await loadEmbedder(model, tempDir());
    await ingest({ corpusDir, dataDir, embedder });
    writeFileSync(join(corpusDir, 'zz-added.txt'), 'Added report.\n\nThe county opened 4 libraries and 2 courts.\n');
    const store = new IndexStore(dataDir);
    const graph = statSync(join(store.current()!, 'hnsw.bin')).ino;
    const summary = await ingest({ corpusDir, dataDir, embedder });
    expect(summary.added).toEqual(['zz-added']);
    expect(readdirSync(store.current()!).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // The main graph taken over as it is (a hard link); the new report's vectors in the tail's graph.
    expect(statSync(join(store.current()!, 'hnsw.bin')).ino).toBe(graph);
    expect(store.manifest()!.tail?.ids).toEqual(['zz-added']);
    expect(store.manifest()!.tail?.hnswBytes).toBeGreaterThan(0);
    const findsBoth = async (): Promise<void> => {
      const { index } = loadIndex(store)!;
      const manifest = store.manifest()!;
      const runs = Object.entries(manifest.reports).map(([id, e]) =>
        runCount(store.readChunks(store.current()!, id, e.chunkCount)),
      );
      expect(index.vectors!.count).toBe(runs.reduce((a, b) => a + b)); // one graph vector per run of a paragraph
      expect(index.vectors!.count).toBeLessThan(summary.totalChunks);
      for (const report of [index.reports.get('zz-added')!, index.reports.get('zuoyun-2023-rule-of-law-report')!]) {
        const i = index.chunkOfSentence(report.id, 2, 0)!;
        const [vector] = await embedder.embed([passageText(report, index.chunk(i))], 'passage');
        expect(index.denseSearch(vector!, 1)[0]!.chunk).toBe(i);
      }
    };
    await findsBoth();
    // The tail's report changed: its old vectors out of the tail's graph, the new ones in.
    writeFileSync(join(corpusDir, 'zz-added.txt'), 'Added report.\n\nThe county opened 7 libraries and 3 courts.\n');
    await ingest({ corpusDir, dataDir, embedder });
    expect(store.manifest()!.tail?.ids).toEqual(['zz-added']);
    await findsBoth();
    // A report of the main index changed: one graph again, the tail's vectors linked into it.
    appendFileSync(join(corpusDir, 'zuoyun-2023-rule-of-law-report.txt'), '\nThe county planted 12 more trees.\n');
    await ingest({ corpusDir, dataDir, embedder });
    expect(store.manifest()!.tail).toBeUndefined();
    await findsBoth();
  });

  it('a damaged tail graph is named when the index is loaded, by hnswlib or for a scan', async () => {
    const { corpusDir, dataDir } = tempCorpus();
    const embedder = await loadEmbedder(model, tempDir());
    await ingest({ corpusDir, dataDir, embedder });
    writeFileSync(join(corpusDir, 'zz-added.txt'), 'Added report.\n\nThe county opened 4 libraries and 2 courts.\n');
    await ingest({ corpusDir, dataDir, embedder });
    const store = new IndexStore(dataDir);
    const path = join(store.current()!, TAIL_GRAPH);
    const bytes = readFileSync(path);
    bytes[bytes.length - 5]! ^= 0xff;
    writeFileSync(path, bytes);
    expect(() => loadIndex(store)).toThrow(/tail-hnsw\.bin is corrupt \(its checksum does not match\)/);
    await expect(loadIndexWordsFirst(store, { graph: false })!.dense).rejects.toThrow(/tail-hnsw\.bin is corrupt/);
    writeFileSync(path, bytes.subarray(0, 100));
    expect(() => loadIndex(store)).toThrow(/tail-hnsw\.bin is missing or truncated/);
  });

  it("stores each report's off-topic level as the engine would measure it from the vectors; other probes' levels are dropped", async () => {
    const { corpusDir, dataDir } = tempCorpus();
    const embedder = await loadEmbedder(model, tempDir());
    await ingest({ corpusDir, dataDir, embedder });
    const store = new IndexStore(dataDir);
    const { index, manifest } = loadIndex(store)!;
    expect(manifest.offTopicProbes).toBe(offTopicSignature());
    const id = 'zuoyun-2023-rule-of-law-report';
    const probes = await embedder.embed(OFF_TOPIC_PROBES, 'query');
    const live = calibrate(index.bestSentenceSimilarities(id, probes)!)!;
    expect(index.offTopic?.of(id)?.mean).toBeCloseTo(live.offTopicMean, 6);
    expect(index.offTopic?.of(id)?.sd).toBeCloseTo(live.offTopicSd, 6);

    // An index measured with other probes: its carried-over levels are not trusted; the new report's is measured.
    const manifestPath = join(store.current()!, 'manifest.json');
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, offTopicProbes: 'other probes' }));
    writeFileSync(join(corpusDir, 'zz-added.txt'), 'Added report.\n\nThe county opened 4 libraries and 2 courts.\n');
    await ingest({ corpusDir, dataDir, embedder });
    const after = store.manifest()!;
    expect(after.offTopicProbes).toBe(offTopicSignature());
    expect(after.reports[id]!.offTopic).toBeUndefined();
    expect(after.reports['zz-added']!.offTopic?.sd).toBeGreaterThan(0);
  });

  it("embeds the off-topic probes only when a candidate's report has no stored level", async () => {
    const { corpusDir, dataDir } = tempCorpus();
    const embedder = await loadEmbedder(model, tempDir());
    await ingest({ corpusDir, dataDir, embedder });
    const store = new IndexStore(dataDir);
    const texts: string[][] = [];
    const counting: Embedder = { ...embedder, embed: (t, kind) => (texts.push(t), embedder.embed(t, kind)) };
    const question = 'How many legal aid cases were accepted?';
    const stored = await new AnswerEngine(loadIndex(store)!.index, { embedder: counting }).answer(question);
    expect(texts).toEqual([[expect.stringContaining('legal aid')]]); // the question only
    // Levels measured with other probes are not trusted: the probes are embedded, once, and the answer is the same.
    const manifestPath = join(store.current()!, 'manifest.json');
    writeFileSync(manifestPath, JSON.stringify({ ...store.manifest()!, offTopicProbes: 'other probes' }));
    texts.length = 0;
    const measured = new AnswerEngine(loadIndex(store)!.index, { embedder: counting });
    expect((await measured.answer(question)).answers[0]?.quote.text).toBe(stored.answers[0]?.quote.text);
    await measured.answer(question);
    expect(texts.filter((t) => t.length === OFF_TOPIC_PROBES.length)).toHaveLength(1);
  });

  it('refuses to answer with a model whose dimension differs from the stored vectors', async () => {
    const { corpusDir, dataDir } = tempCorpus();
    await ingest({ corpusDir, dataDir, embedder: await loadEmbedder(model, tempDir()) });
    const { index } = loadIndex(new IndexStore(dataDir))!;
    const other = { id: 'other', dim: 8, embed: async () => [] };
    const { AnswerEngine } = await import('../src/answer/engine.js');
    expect(() => new AnswerEngine(index, { embedder: other })).toThrow(
      'Vector dimension 8 does not match the index dimension 32. Rebuild the index: npm run ingest -- --rebuild',
    );
  });

  it('re-embeds nothing when nothing changed, and everything when the model changes', async () => {
    const { corpusDir, dataDir } = tempCorpus();
    const embedder = counting(await loadEmbedder(model, tempDir()));
    await ingest({ corpusDir, dataDir, embedder });
    const before = embedder.texts;
    const again = await ingest({ corpusDir, dataDir, embedder });
    expect(again.embeddedChunks).toBe(0);
    expect(embedder.texts).toBe(before);
    const lexical = await ingest({ corpusDir, dataDir });
    expect(lexical.changed).toEqual(['zuoyun-2023-rule-of-law-report']);
    expect(loadIndex(new IndexStore(dataDir))!.index.vectors).toBeUndefined();
  });

  it('an ingest that dies midway leaves the previous index loadable and complete', async () => {
    const { corpusDir, dataDir } = tempCorpus();
    await ingest({ corpusDir, dataDir });
    const store = new IndexStore(dataDir);
    const before = store.manifest();
    // A generation left behind by a process killed with -9 before it committed:
    mkdirSync(join(store.root, 'gen-1-99999', 'reports'), { recursive: true });
    const dying = counting(await loadEmbedder(model, tempDir()), 2);
    await expect(ingest({ corpusDir, dataDir, embedder: dying })).rejects.toThrow('killed mid-ingest');
    expect(store.manifest()).toEqual(before);
    expect(loadIndex(store)!.index.chunkCount).toBeGreaterThan(0);
    expect(existsSync(join(store.root, 'ingest.lock'))).toBe(false);
    const live = store.current();
    await ingest({ corpusDir, dataDir, embedder: counting(await loadEmbedder(model, tempDir())) });
    // The killed ingest's leftovers are gone; the new generation and the one live before it remain.
    expect(
      readdirSync(store.root)
        .filter((f) => f.startsWith('gen-'))
        .sort(),
    ).toEqual([live!.split('/').at(-1), store.current()!.split('/').at(-1)].sort());
  });
});

describe('the ingest lock', () => {
  it('is busy while another process holds it or is writing its id, and taken over from a dead one', () => {
    const root = tempDir();
    const path = join(root, 'ingest.lock');
    const release = acquireLock(root);
    expect(readFileSync(path, 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(path)).toBe(false);
    // Another process between creating the file and writing its id: busy, not stale.
    writeFileSync(path, '');
    expect(() => acquireLock(root)).toThrow(IngestBusyError);
    // The same empty file left long ago by a crash: taken over.
    const old = new Date(Date.now() - 60_000);
    utimesSync(path, old, old);
    acquireLock(root)();
    // A live holder (this test's parent process) keeps it; a dead one does not.
    writeFileSync(path, String(process.ppid));
    expect(() => acquireLock(root)).toThrow(IngestBusyError);
    writeFileSync(path, '999999999');
    acquireLock(root)();
    expect(existsSync(path)).toBe(false);
  });
});
