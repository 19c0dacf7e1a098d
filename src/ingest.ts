/**
 * Ingest: corpus files → parsed reports → chunks → embeddings → a new index generation.
 * Incremental: unchanged reports are carried over untouched, changed ones replaced,
 * removed ones dropped; a different model (or none where there was one) rebuilds all.
 */
import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { CHUNKER_VERSION, chunkReport } from './corpus/chunk.js';
import { isConverted, loadReport, scanCorpus, type LoadOptions, type ReportFile } from './corpus/files.js';
import { parseReport } from './corpus/parse.js';
import type { Chunk, ParsedReport } from './corpus/types.js';
import { IndexError, IngestBusyError, ReportFileError } from './errors.js';
import { log } from './log.js';
import { silentProgress, type Progress } from './progress.js';
import type { Embedder } from './search/embedder.js';
import {
  FORMAT_VERSION,
  IndexStore,
  type FailedConversion,
  type GenerationWriter,
  type Manifest,
  type ReportEntry,
} from './search/store.js';
import { bestSimilarities } from './search/sentence-vectors.js';
import { buildIndexes, writeWords } from './search/index-build.js';
import { calibrate, OFF_TOPIC_PROBES, offTopicSignature } from './answer/confidence.js';
import { chunkTerms } from './search/corpus-index.js';
import { acronymPairs } from './search/acronym-terms.js';
import { tableContextOf } from './corpus/lists.js';
import { ConversionChild } from './convert-child.js';
import { loadThesaurus, type Thesaurus } from './search/thesaurus.js';
import { compoundsIn } from './search/vocabulary.js';

export interface IngestOptions {
  corpusDir: string;
  dataDir: string;
  /** The loaded model; undefined means lexical only. */
  embedder?: Embedder | undefined;
  /** Re-embed everything even when nothing changed. */
  rebuild?: boolean | undefined;
  progress?: Progress | undefined;
  batchSize?: number | undefined;
  /** Accept a corpus folder with no report at all as "every report removed" (otherwise the index is kept). */
  allowEmpty?: boolean | undefined;
  /** The store of `dataDir` to use: one the caller goes on to load reads the live manifest once (IndexStore.manifest). */
  store?: IndexStore | undefined;
  /** The dictionary that finds the reports' closed compounds (the caller's, when it has one loaded; else loaded here). */
  thesaurus?: Thesaurus | undefined;
}

export interface IngestSummary {
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: string[];
  embeddedChunks: number;
  totalChunks: number;
  errors: ReportFileError[];
  /** False when nothing changed and the live index was left as it was. */
  wroteGeneration: boolean;
  vectors: boolean;
}

/** The text embedded for a chunk: its innermost heading gives the passage its topic. */
export function passageText(report: ParsedReport, chunk: Chunk): string {
  const heading = report.paragraphs[chunk.paragraph - 1]!.section.at(-1);
  const context = tableContextOf(report, chunk.paragraph);
  const text = report.text.slice(chunk.start, chunk.end).replace(/\s+/g, ' ');
  const before = [heading && !text.startsWith(heading) ? heading : '', context].filter(Boolean);
  return [...before, text].join('. ').replace(/\s+/g, ' ');
}

/** Runs one ingest. Only one runs at a time per DATA_DIR (a lock file guards it). */
export async function ingest(options: IngestOptions): Promise<IngestSummary> {
  ensureWritable(options.dataDir);
  const store = options.store ?? new IndexStore(options.dataDir);
  const release = acquireLock(store.root);
  // PDF, Word and HTML files are converted in a child process with time and memory limits (convert-child.ts).
  const converter = new ConversionChild();
  try {
    return await ingestLocked(store, options, (name, bytes) => converter.convert(name, bytes));
  } finally {
    converter.close();
    release();
  }
}

function previousManifest(store: IndexStore): Manifest | undefined {
  try {
    return store.manifest();
  } catch (error) {
    if (!(error instanceof IndexError)) throw error;
    log.warn(`${error.message.split(';')[0]}; rebuilding from the corpus.`);
    return undefined;
  }
}

/** What an ingest will do, decided from the files, the previous manifest and the model alone. */
export interface IngestPlan {
  /** Everything is rebuilt (no previous index, --rebuild, another chunker or model). */
  full: boolean;
  /** Files to parse, chunk and embed. */
  todo: ReportFile[];
  /** Reports carried over unchanged from the previous generation. */
  kept: Record<string, ReportEntry>;
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: string[];
  /** An empty corpus where reports were, and no --allow-empty: keep the index as it is. */
  keepEmpty: boolean;
}

/**
 * Plans an ingest. Pure: no disk, no model. A report file that failed to read keeps its
 * indexed version (nothing indexed is lost to a bad read); an empty corpus where reports were
 * changes nothing unless `allowEmpty`.
 */
export function planIngest(
  files: ReportFile[],
  failedFiles: Set<string>,
  previous: Manifest | undefined,
  model: { id: string; dim: number } | null,
  options: { rebuild?: boolean | undefined; allowEmpty?: boolean | undefined } = {},
): IngestPlan {
  const full =
    !!options.rebuild ||
    !previous ||
    previous.chunkerVersion !== CHUNKER_VERSION ||
    (previous.model?.id ?? null) !== (model?.id ?? null) ||
    (previous.model?.dim ?? null) !== (model?.dim ?? null);
  const plan: IngestPlan = {
    full,
    todo: [],
    kept: {},
    added: [],
    changed: [],
    removed: [],
    unchanged: [],
    keepEmpty: false,
  };
  const previousIds = Object.keys(previous?.reports ?? {});
  // An empty folder where reports were (an unmounted share, a failed copy) is far likelier than a wish to delete them
  // all.
  if (files.length === 0 && failedFiles.size === 0 && previousIds.length > 0 && !options.allowEmpty) {
    return { ...plan, full: false, kept: { ...previous!.reports }, unchanged: previousIds, keepEmpty: true };
  }
  for (const file of files) {
    const entry = previous?.reports[file.id];
    if (!full && entry && entry.hash === file.hash) {
      plan.unchanged.push(file.id);
      plan.kept[file.id] = entry;
    } else {
      plan.todo.push(file);
      (entry ? plan.changed : plan.added).push(file.id);
    }
  }
  const present = new Set(files.map((f) => f.id));
  for (const [id, entry] of Object.entries(previous?.reports ?? {})) {
    if (present.has(id)) continue;
    if (failedFiles.has(entry.file) && !full) plan.kept[id] = entry;
    else plan.removed.push(id);
  }
  return plan;
}

async function ingestLocked(
  store: IndexStore,
  options: IngestOptions,
  convert: LoadOptions['convert'],
): Promise<IngestSummary> {
  const progress = options.progress ?? silentProgress;
  const previous = previousManifest(store);
  const byFile = new Map(Object.values(previous?.reports ?? {}).map((e) => [e.file, e]));
  const scan = scanCorpus(options.corpusDir, (name) => byFile.get(name));
  const failedBefore = store.failedConversions();
  const { files, errors, failed } = await checkConversions(scan, failedBefore, byFile, options.corpusDir, convert);
  for (const e of errors) log.warn(e.message);
  const previousDir = previous ? store.current() : undefined;
  const model = options.embedder ? { id: options.embedder.id, dim: options.embedder.dim } : null;
  const plan = planIngest(files, new Set(errors.map((e) => e.file)), previous, model, options);
  const { full, todo, kept } = plan;
  const summary: IngestSummary = {
    added: plan.added,
    changed: plan.changed,
    removed: plan.removed,
    unchanged: plan.unchanged,
    embeddedChunks: 0,
    totalChunks: 0,
    errors,
    wroteGeneration: false,
    vectors: !!model,
  };
  if (plan.keepEmpty)
    log.warnOnce(
      'empty-corpus',
      `CORPUS_DIR (${options.corpusDir}) holds no report; the index keeps its ${plan.unchanged.length} report(s). To really remove them all: npm run ingest -- --allow-empty`,
    );
  if (!full && todo.length === 0 && summary.removed.length === 0) {
    summary.totalChunks = Object.values(kept).reduce((n, e) => n + e.chunkCount, 0);
    if (plan.keepEmpty) summary.vectors = !!previous?.model;
  } else
    await writeGeneration(store, { options, convert, progress, previous, previousDir, plan, model, summary, failed });
  if (JSON.stringify(failed) !== JSON.stringify(failedBefore)) store.saveFailedConversions(failed);
  return summary;
}

/** What writing a generation works from: the plan, the previous index and where the results go. */
interface GenerationWork {
  options: IngestOptions;
  convert: LoadOptions['convert'];
  progress: Progress;
  previous: Manifest | undefined;
  previousDir: string | undefined;
  plan: ReturnType<typeof planIngest>;
  model: Manifest['model'];
  summary: IngestSummary;
  /** Failed conversions, recorded so an unchanged file is not converted again. */
  failed: Record<string, FailedConversion>;
}

/**
 * Writes the new generation: reports carried over, new and changed ones indexed, then lexical.bin and the HNSW graph;
 * commits it.
 */
async function writeGeneration(store: IndexStore, at: GenerationWork): Promise<IngestSummary> {
  const { options, convert, progress, previous, previousDir, model, summary } = at;
  const { full, todo, kept } = at.plan;
  const writer = store.begin();
  try {
    const manifest: Manifest = {
      formatVersion: FORMAT_VERSION,
      chunkerVersion: CHUNKER_VERSION,
      model,
      reports: {},
      nextLabel: full ? 0 : previous!.nextLabel,
      lexicalBytes: 0,
      builtAt: new Date().toISOString(),
      offTopicProbes: model ? offTopicSignature() : undefined,
    };
    carryOver(writer, manifest, kept, previous, previousDir, !!model);
    const probeVectors = offTopicProbes(options.embedder);
    // One report at a time (indexReport), so memory does not grow with the corpus; progress counts the
    // reports' bytes (their sizes are known from the scan). The indexes over all of them after (buildIndexes).
    const embeddedIds: string[] = [];
    progress.start(
      todo.reduce((n, f) => n + kb(f), 0),
      'Indexing',
      'KB',
    );
    for (const file of todo) {
      const indexed = await indexReport(file, manifest.nextLabel, {
        options,
        convert,
        writer,
        progress,
        previous,
        probes: probeVectors,
      }).catch((error: unknown) => notAdded(file, error, at));
      if (!indexed) continue;
      manifest.nextLabel += indexed.entry.chunkCount;
      manifest.reports[indexed.id] = indexed.entry;
      if (options.embedder) {
        embeddedIds.push(indexed.id);
        summary.embeddedChunks += indexed.entry.chunkCount;
      }
    }
    progress.stop();
    buildIndexes(store, writer, manifest, embeddedIds, {
      ...at,
      gone: new Set([...summary.changed, ...summary.removed]),
    });
    summary.totalChunks = Object.values(manifest.reports).reduce((n, e) => n + e.chunkCount, 0);
    const thesaurus = at.options.thesaurus ?? loadThesaurus();
    writeWords(writer, manifest, previous, previousDir, thesaurus && ((words) => compoundsIn(words, thesaurus)));
    store.commit(writer, manifest);
    summary.wroteGeneration = true;
    return summary;
  } catch (error) {
    progress.stop();
    writer.abandon();
    throw error;
  }
}

/**
 * A new file that cannot be read or converted is named and not added; the others go on. Any other failure stops the
 * ingest.
 */
function notAdded(
  file: ReportFile,
  error: unknown,
  at: Pick<GenerationWork, 'previous' | 'summary' | 'failed' | 'progress'>,
): undefined {
  if (!(error instanceof ReportFileError) || at.previous?.reports[file.id]) throw error;
  log.warn(error.message);
  at.summary.errors.push(error);
  at.summary.added = at.summary.added.filter((id) => id !== file.id);
  if (isConverted(file.file)) at.failed[file.file] = { hash: file.hash, reason: error.reason };
  at.progress.tick(kb(file));
  return undefined;
}

/**
 * A changed PDF, Word or HTML file is converted now: one that cannot be is named and treated like an
 * unreadable file (its indexed version stays). A new one is converted once, when it is indexed
 * (indexReport): failing there it is simply not added. One that failed before and has not changed since
 * is not converted again (a 20,000-page PDF took a minute each time).
 */
async function checkConversions(
  scan: { files: ReportFile[]; errors: ReportFileError[] },
  failedBefore: Record<string, FailedConversion>,
  byFile: Map<string, ReportEntry>,
  corpusDir: string,
  convert: LoadOptions['convert'],
): Promise<{ files: ReportFile[]; errors: ReportFileError[]; failed: Record<string, FailedConversion> }> {
  const errors = [...scan.errors];
  const files: ReportFile[] = [];
  const failed: Record<string, FailedConversion> = {};
  for (const file of scan.files) {
    if (isConverted(file.file) && byFile.get(file.file)?.hash !== file.hash) {
      const before = failedBefore[file.file];
      if (before?.hash === file.hash) {
        failed[file.file] = before;
        errors.push(new ReportFileError(file.file, `${before.reason} (unchanged since; not converted again)`));
        continue;
      }
      try {
        if (byFile.has(file.file)) await loadReport(corpusDir, file.file, { convert });
      } catch (error) {
        if (!(error instanceof ReportFileError)) throw error;
        failed[file.file] = { hash: file.hash, reason: error.reason };
        errors.push(error);
        continue;
      }
    }
    files.push(file);
  }
  return { files, errors, failed };
}

/**
 * Unchanged reports' files and entries from the previous generation; a level measured with other probes is left out
 * (the engine then measures it from the report's vectors).
 */
function carryOver(
  writer: GenerationWriter,
  manifest: Manifest,
  kept: Record<string, ReportEntry>,
  previous: Manifest | undefined,
  previousDir: string | undefined,
  withVectors: boolean,
): void {
  const sameProbes = previous?.offTopicProbes === offTopicSignature();
  for (const [id, entry] of Object.entries(kept)) {
    writer.carryOver(previousDir!, id, withVectors);
    manifest.reports[id] = sameProbes ? entry : { ...entry, offTopic: undefined };
  }
}

/** The off-topic probes' vectors, embedded the first time a report needs them. */
function offTopicProbes(embedder: Embedder | undefined): () => Promise<Float32Array[]> {
  let probes: Promise<Float32Array[]> | undefined;
  return () =>
    (probes ??= embedder!.embed(OFF_TOPIC_PROBES, 'query').then((vs) => vs.filter((v) => v.every(Number.isFinite))));
}

/**
 * One report into the generation being written: read, parse, chunk, embed, write, then let go, so
 * memory does not grow with the corpus. Progress counts the report's bytes.
 */
async function indexReport(
  file: ReportFile,
  firstLabel: number,
  at: {
    options: IngestOptions;
    convert: LoadOptions['convert'];
    writer: GenerationWriter;
    progress: Progress;
    previous: Manifest | undefined;
    /** The off-topic probes' vectors (answer/confidence.ts), embedded once per ingest. */
    probes: () => Promise<Float32Array[]>;
  },
): Promise<{ id: string; entry: ReportEntry }> {
  const { options, writer, progress } = at;
  const read = await loadReport(options.corpusDir, file.file, { convert: at.convert });
  const report = parseReport(read.text, file.file, read.layout);
  report.meta = { ...report.meta, ...read.sidecar };
  if (read.pageStarts) assignPages(report, read.pageStarts);
  const chunks = chunkReport(report);
  let ticked = 0;
  let offTopic: ReportEntry['offTopic'];
  if (options.embedder) {
    const embedded = await embedAll(
      options.embedder,
      chunks.map((c) => passageText(report, c)),
      options.batchSize ?? 16,
      (done) => {
        const share = Math.floor((kb(file) * done) / Math.max(chunks.length, 1));
        progress.tick(share - ticked);
        ticked = share;
      },
    );
    const flat = new Float32Array(embedded.length * options.embedder.dim);
    embedded.forEach((v, k) => flat.set(v, k * v.length));
    writer.writeVectors(report.id, flat);
    const level = calibrate(bestSimilarities(flat, options.embedder.dim, await at.probes()));
    offTopic = level && { mean: level.offTopicMean, sd: level.offTopicSd };
  }
  const pairs = acronymPairs(report.text);
  writer.writeReport(report, chunks, pairs);
  writer.indexChunkTerms(
    report.id,
    chunks.map((c) => chunkTerms(report, c, pairs)),
  );
  progress.tick(kb(file) - ticked);
  const entry: ReportEntry = {
    file: file.file,
    // The hash of what was indexed (the file may have changed since the scan; the stamp then no longer matches either).
    hash: read.hash,
    stamp: file.stamp,
    chunkCount: chunks.length,
    firstLabel,
    // A copy: fields sliced from the text would keep each whole report text alive until the end.
    meta: structuredClone(report.meta),
    addedAt: at.previous?.reports[report.id]?.addedAt ?? new Date().toISOString(),
    offTopic,
  };
  return { id: report.id, entry };
}

async function embedAll(
  embedder: Embedder,
  texts: string[],
  batchSize: number,
  onDone: (done: number) => void,
): Promise<Float32Array[]> {
  const out: Float32Array[] = [];
  for (let i = 0; i < texts.length; i += batchSize) {
    const batch = texts.slice(i, i + batchSize);
    out.push(...(await embedder.embed(batch, 'passage')));
    onDone(out.length);
  }
  return out;
}

/** Each paragraph's page, from where the pages start in the converted text. */
function assignPages(report: ParsedReport, pageStarts: number[]): void {
  for (const p of report.paragraphs) {
    let page = 1;
    while (page < pageStarts.length && pageStarts[page]! <= p.start) page++;
    p.page = page;
  }
}

/** A report's size in KB (at least 1), for progress. */
const kb = (file: ReportFile): number => Math.max(1, Math.round((file.stamp?.size ?? 0) / 1024));

/**
 * Fails early, with the system's error code, when DATA_DIR cannot be written (read-only
 * mount, no permission): before any work, and before mkdir's less telling errors.
 */
function ensureWritable(dir: string): void {
  if (!existsSync(dir)) {
    let parent = dirname(dir);
    while (!existsSync(parent) && parent !== dirname(parent)) parent = dirname(parent);
    accessSync(parent, constants.W_OK);
    // Built state holds subscribers' chat ids: readable by the bot's own user only.
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  }
  accessSync(dir, constants.W_OK);
}

/** How long a lock file may stand without its process id before it is taken as left by a crash. */
const LOCK_WRITE_MS = 10_000;

/**
 * Takes DATA_DIR/index/ingest.lock; a lock left by a dead process is taken over. Another process may be between
 * creating the file and writing its id into it (an empty file, just made: busy), or may release it while this one
 * looks (gone: try again) — two `npm run ask` started together must not fail on each other's lock.
 */
export function acquireLock(root: string): () => void {
  mkdirSync(root, { recursive: true });
  const path = join(root, 'ingest.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = lockHolder(path);
      if (holder === 'gone') continue;
      if (holder === 'starting') throw new IngestBusyError(root, undefined);
      if (holder && holder !== process.pid && isAlive(holder)) throw new IngestBusyError(root, holder);
      rmSync(path, { force: true });
    }
  }
  throw new IndexError(`Could not take the ingest lock ${path}; remove it if no ingest is running.`);
}

/** Who holds a lock file: a process id (0 when unreadable), "starting" while its id is being written, or "gone". */
function lockHolder(path: string): number | 'starting' | 'gone' {
  try {
    const text = readFileSync(path, 'utf8');
    if (!text && Date.now() - statSync(path).mtimeMs < LOCK_WRITE_MS) return 'starting';
    return Number(text) || 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
