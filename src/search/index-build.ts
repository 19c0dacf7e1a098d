/**
 * The indexes over a generation's reports, once each report's files are written: the lexical index, then (with a model)
 * the HNSW graph from the vectors written per report, one after the other so they are never both in memory. Either one
 * index over every report, or the previous generation's main index taken over as it is and the tail written again
 * (`segmentsOf`; store.ts has the layout). Also the word list, added to when only reports were added.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Progress } from '../progress.js';
import type { GenerationWriter, ReportChunkCount } from './generation-writer.js';
import { segmentOrder, TAIL_GRAPH, TAIL_LEXICAL, type Manifest, type ReportEntry } from './index-format.js';
import { runCount, runVectors } from './sentence-vectors.js';
import type { IndexStore } from './store.js';
import { VectorIndex } from './vector-index.js';

/**
 * The share of an index's chunks its tail may hold (store.ts): an ingest that would pass it builds one index again. A
 * tail is searched beside the main index (a second, small graph and lexical file), so it is kept small.
 */
export const TAIL_SHARE = 1 / 8;

/**
 * How a new generation's reports are indexed: the previous main index taken over as it is and every other report in
 * the tail, when no report of the main index changed or went and the tail stays within TAIL_SHARE of the chunks (so
 * adding a report rewrites only the tail); otherwise (undefined) one index over all of them. Pure.
 */
export function segmentsOf(
  previous: Manifest | undefined,
  reports: Record<string, ReportEntry>,
  full: boolean,
): { main: string[]; tail: string[] } | undefined {
  if (full || !previous) return undefined;
  const before = segmentOrder(previous);
  const { main } = before;
  const same = (id: string): boolean => carried(previous, reports, id);
  if (!main.length || !main.every(same)) return undefined;
  // The tail in the order its reports came: the previous tail's that stayed, then the new and changed ones.
  const kept = before.tail.filter(same);
  const old = new Set([...main, ...kept]);
  const tail = [...kept, ...Object.keys(reports).filter((id) => !old.has(id))];
  const chunks = (ids: string[]): number => ids.reduce((n, id) => n + reports[id]!.chunkCount, 0);
  return chunks(tail) <= TAIL_SHARE * (chunks(main) + chunks(tail)) ? { main, tail } : undefined;
}

/** Whether report `id` of the previous index is in `reports` as it was (a changed one has a new hash and labels). */
function carried(previous: Manifest, reports: Record<string, ReportEntry>, id: string): boolean {
  const [now, then] = [reports[id], previous.reports[id]];
  return !!now && !!then && now.hash === then.hash && now.firstLabel === then.firstLabel;
}

/**
 * The word list: when the previous reports, unchanged, come first, the previous list with the new reports' words added;
 * else every report's words summed; with the closed compounds among them.
 */
export function writeWords(
  writer: GenerationWriter,
  manifest: Manifest,
  previous: Manifest | undefined,
  previousDir: string | undefined,
  compoundsOf?: (words: Iterable<string>) => Map<string, string[]>,
): void {
  const ids = Object.keys(manifest.reports);
  const before = previous ? Object.keys(previous.reports) : [];
  const extended =
    previous && previousDir && before.every((id, i) => ids[i] === id && carried(previous, manifest.reports, id));
  writer.writeVocabulary(ids, extended ? previousDir : undefined, before.length, compoundsOf);
}

/** What building the indexes over a generation's reports works from. */
export interface IndexWork {
  previous: Manifest | undefined;
  previousDir: string | undefined;
  plan: { full: boolean };
  model: Manifest['model'];
  progress: Progress;
  /** Reports of the previous index that changed or went: their vectors leave the graph they were in. */
  gone: Set<string>;
}

/**
 * The indexes over all reports, after they are written: the lexical index, then (with a model) the HNSW graph from the
 * vectors written per report, one after the other so they are never both in memory. Either one index over every report,
 * or the previous main index taken over and the tail written again (segmentsOf).
 */
export function buildIndexes(
  store: IndexStore,
  writer: GenerationWriter,
  manifest: Manifest,
  embeddedIds: string[],
  at: IndexWork,
): void {
  const { previous, previousDir } = at;
  const segments = previousDir ? segmentsOf(previous, manifest.reports, at.plan.full) : undefined;
  if (segments && previous && previousDir) {
    buildTail(store, writer, manifest, embeddedIds, segments, { ...at, previous, previousDir });
    return;
  }
  const before = previous && previousDir && !at.plan.full ? segmentOrder(previous) : undefined;
  manifest.lexicalBytes = writer.writeLexicalIndex(
    'lexical.bin',
    chunkCounts(manifest, Object.keys(manifest.reports)),
    before && {
      files: [join(previousDir!, 'lexical.bin'), ...(before.tail.length ? [join(previousDir!, TAIL_LEXICAL)] : [])],
      reports: chunkCounts(previous!, [...before.main, ...before.tail]),
    },
  );
  if (!at.model) return;
  // The previous main graph without the reports that changed or went; the new reports and the previous tail's added.
  const kept = before?.tail.filter((id) => carried(previous!, manifest.reports, id));
  manifest.hnswBytes = writeGraph(store, writer, manifest, at, {
    file: 'hnsw.bin',
    from: before && previous!.hnswBytes ? { path: join(previousDir!, 'hnsw.bin'), ids: before.main } : undefined,
    add: [...(kept ?? []), ...embeddedIds],
  });
}

/** The previous main index taken over (hard links); the tail's lexical index and graph written again. */
function buildTail(
  store: IndexStore,
  writer: GenerationWriter,
  manifest: Manifest,
  embeddedIds: string[],
  { main, tail }: { main: string[]; tail: string[] },
  at: IndexWork & { previous: Manifest; previousDir: string },
): void {
  const { previous, previousDir } = at;
  manifest.reports = Object.fromEntries([...main, ...tail].map((id) => [id, manifest.reports[id]!]));
  for (const file of ['lexical.bin', ...(previous.hnswBytes ? ['hnsw.bin'] : [])]) writer.takeOver(previousDir, file);
  const { lexicalBytes, hnswBytes, hnswCrc32, hnswSha1 } = previous;
  Object.assign(manifest, { lexicalBytes, hnswBytes, hnswCrc32, hnswSha1 });
  if (!tail.length) return;
  const before = previous.tail;
  manifest.tail = {
    ids: tail,
    lexicalBytes: writer.writeLexicalIndex(
      TAIL_LEXICAL,
      chunkCounts(manifest, tail),
      before && { files: [join(previousDir, TAIL_LEXICAL)], reports: chunkCounts(previous, before.ids) },
    ),
  };
  if (!at.model) return;
  manifest.tail.hnswBytes = writeGraph(store, writer, manifest, at, {
    file: TAIL_GRAPH,
    from: before?.hnswBytes ? { path: join(previousDir, TAIL_GRAPH), ids: before.ids } : undefined,
    add: embeddedIds,
  });
}

const chunkCounts = (m: Manifest, ids: string[]): ReportChunkCount[] =>
  ids.map((id) => ({ id, chunkCount: m.reports[id]!.chunkCount }));

/**
 * Writes a graph file of this generation: a previous one (`from`, over the reports `from.ids`) without the vectors of
 * those reports that changed or went, or a new one; the vectors of the reports `add` linked in. Returns its byte size.
 */
function writeGraph(
  store: IndexStore,
  writer: GenerationWriter,
  manifest: Manifest,
  at: IndexWork,
  { file, from, add }: { file: string; from: { path: string; ids: string[] } | undefined; add: string[] },
): number {
  const dim = at.model!.dim;
  // The lexical build's arrays (over 100 MB at 1,000 reports) are garbage now: collected before
  // the graph is built, not whenever V8 next looks, so the two never add up.
  collectGarbage();
  const vectors = from ? VectorIndex.load(from.path, dim) : VectorIndex.create(dim, 1024);
  for (const id of from?.ids.filter((id) => at.gone.has(id)) ?? []) {
    const entry = at.previous!.reports[id]!;
    for (let i = 0; i < entry.chunkCount; i++) vectors.remove(entry.firstLabel + i);
  }
  linkVectors(
    vectors,
    add,
    {
      rows: (id) => store.readChunks(writer.dir, id, manifest.reports[id]!.chunkCount),
      vectors: (id) => store.readVectorRows(writer.dir, id, dim, 0, manifest.reports[id]!.chunkCount),
    },
    manifest,
    at.progress,
  );
  return writer.writeVectorIndex(vectors, file);
}

/**
 * Adds the new reports' paragraphs to the graph (runs of a paragraph's sentences, each the sum of their vectors, read
 * back one report at a time, under its first chunk's label), sized once for all of them.
 */
function linkVectors(
  vectors: VectorIndex,
  ids: string[],
  read: { rows: (id: string) => Int32Array; vectors: (id: string) => Float32Array },
  manifest: Manifest,
  progress: Progress,
): void {
  vectors.reserve(ids.reduce((n, id) => n + runCount(read.rows(id)), 0));
  progress.start(
    ids.reduce((n, id) => n + manifest.reports[id]!.chunkCount, 0),
    'Building the vector index',
    'chunks',
  );
  for (const id of ids) {
    const { chunkCount, firstLabel } = manifest.reports[id]!;
    for (const p of runVectors(read.rows(id), read.vectors(id), vectors.dim))
      vectors.add(firstLabel + p.first, p.vector);
    progress.tick(chunkCount);
  }
  progress.stop();
}

/** A full garbage collection now (V8's `gc`, exposed for this process the first time it is needed). */
function collectGarbage(): void {
  if (globalThis.gc) {
    globalThis.gc();
    return;
  }
  // node:v8 and node:vm loaded only here: a process that only answers never needs them (3 ms of a one-question run).
  const require = createRequire(import.meta.url);
  (require('node:v8') as typeof import('node:v8')).setFlagsFromString('--expose_gc');
  ((require('node:vm') as typeof import('node:vm')).runInNewContext('gc') as () => void)();
}
