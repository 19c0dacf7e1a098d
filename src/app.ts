/**
 * Wiring shared by every entry point (bot, terminal chat, ask CLI, benchmarks): load the
 * model if one is configured, bring the index up to date with the corpus, load it, and
 * return a ready answer engine.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AnswerEngine } from './answer/engine.js';
import type { Config } from './config.js';
import { describeError, EmptyIndexError, IngestBusyError, ModelUnavailableError } from './errors.js';
import { ingest, type IngestSummary } from './ingest.js';
import { ingestInChild } from './ingest-child.js';
import { log } from './log.js';
import type { Progress } from './progress.js';
import { isLocalModel, loadEmbedder, OFFLINE_MODEL, type Embedder } from './search/embedder.js';
import { IndexStore } from './search/store.js';
import type { CorpusIndex } from './search/corpus-index.js';
import { checkReportsAhead, loadIndex, loadIndexWordsFirst, readReportsAhead } from './search/load-index.js';
import { chineseReaders, ensureGlossary } from './search/chinese.js';
import { loadThesaurus } from './search/thesaurus.js';

export interface Runtime {
  engine: AnswerEngine;
  /** The live index generation the engine was loaded from. */
  generation: string;
  embedder?: Embedder | undefined;
  /**
   * Brings the index up to date with the corpus (in a child process: answering goes on meanwhile) and swaps in a fresh
   * engine.
   */
  refresh(): Promise<IngestSummary>;
  /** Swaps in the live index if another process (`npm run ingest`) replaced it; true when it did. */
  reload(): boolean;
  /**
   * Reads the report texts into memory in the background, now and after every swap, then summarises the index's
   * common words and reads every report's title facts, so no later question waits on the disk, on a pass over a long
   * list or on thousands of titles; for processes that answer
   * many questions (the bot, the terminal chat), not a one-question CLI. Resolves when the current index's are done.
   */
  readAhead(): Promise<void>;
  /**
   * Resolves when the engine in use answers by meaning too: a start answers by words at once and swaps in the hybrid
   * engine when the graph file is checked (its vectors scanned until hnswlib's graph is read, at 10,000 reports most of
   * a start's time). Rejects when the graph is damaged (the words go on answering). A one-question CLI waits for it.
   */
  dense: Promise<void>;
}

/** After the hub could not be reached, later starts use the offline model without trying again for this long. */
const HUB_RETRY_MS = 24 * 60 * 60 * 1000;

/** DATA_DIR/models/hub-unreachable.json: which hub model failed, when and why. */
interface HubNote {
  model: string;
  at: string;
  reason: string;
}

const hubNotePath = (dataDir: string): string => join(dataDir, 'models', 'hub-unreachable.json');

function readHubNote(dataDir: string): HubNote | undefined {
  try {
    return JSON.parse(readFileSync(hubNotePath(dataDir), 'utf8')) as HubNote;
  } catch {
    return undefined;
  }
}

/**
 * Loads the configured model; when it cannot be loaded, the bundled offline model, saying
 * once why; when neither loads (or EMBEDDING_MODEL=none), nothing: answers are lexical only.
 * A hub model that could not be fetched is remembered (DATA_DIR/models/hub-unreachable.json)
 * and not tried again for HUB_RETRY_MS, so a machine without internet does not wait on
 * every start; deleting the file retries at the next start.
 */
export async function openEmbedder(
  config: Pick<Config, 'embeddingModel' | 'dataDir' | 'hubEndpoint'>,
): Promise<Embedder | undefined> {
  const model = config.embeddingModel;
  if (!model) return undefined;
  const cacheDir = join(config.dataDir, 'models');
  const hub = !isLocalModel(model);
  const note = hub ? readHubNote(config.dataDir) : undefined;
  const recent = note && note.model === model && Date.now() - Date.parse(note.at) < HUB_RETRY_MS;
  try {
    if (recent)
      throw new ModelUnavailableError(
        model,
        `not reachable at ${note.at} (${note.reason}); tried again after 24 h, or now if ${hubNotePath(config.dataDir)} is deleted`,
      );
    const embedder = await loadEmbedder(model, cacheDir, undefined, config.hubEndpoint);
    if (note) rmSync(hubNotePath(config.dataDir), { force: true });
    return embedder;
  } catch (error) {
    const why = error instanceof ModelUnavailableError ? error.reason : String(error);
    if (hub && !recent) writeHubNote(config.dataDir, { model, at: new Date().toISOString(), reason: why });
    if (model !== OFFLINE_MODEL) {
      try {
        const embedder = await loadEmbedder(OFFLINE_MODEL, cacheDir);
        log.warn(
          `Embedding model "${model}" could not be loaded (${why}); using the bundled offline model (English word vectors) instead.`,
        );
        return embedder;
      } catch {
        // fall through: lexical only, with the configured model's reason
      }
    }
    log.warn(error instanceof ModelUnavailableError ? error.message : String(error));
    return undefined;
  }
}

/** Remembers an unreachable hub model; a DATA_DIR that cannot be written only means the next start tries again. */
function writeHubNote(dataDir: string, note: HubNote): void {
  try {
    mkdirSync(join(dataDir, 'models'), { recursive: true });
    writeFileSync(hubNotePath(dataDir), `${JSON.stringify(note)}\n`);
  } catch {
    // not worth failing a start over
  }
}

/**
 * Another replica (or `npm run ingest`) is bringing the index up to date: a start answers from the live index meanwhile
 * (the watcher loads what the other writes). Any other error, or no index yet, is thrown.
 */
function unlessBusy(error: unknown, store: IndexStore): undefined {
  if (!(error instanceof IngestBusyError && store.current())) throw error;
  log.info(`${error.message} Answering from the live index meanwhile.`);
  return undefined;
}

/**
 * Opens (building or updating first when needed, in this thread: nothing is answered yet) the
 * index and returns the engine over it.
 */
export async function openRuntime(
  config: Pick<Config, 'embeddingModel' | 'dataDir' | 'corpusDir' | 'hubEndpoint'>,
  progress?: Progress,
  { graph = true }: { graph?: boolean } = {},
): Promise<Runtime> {
  const embedder = await openEmbedder(config);
  const chinese = chineseReaders(await ensureGlossary());
  const thesaurus = loadThesaurus();
  const store = new IndexStore(config.dataDir);
  const engineOver = (index: CorpusIndex): AnswerEngine => new AnswerEngine(index, { embedder, ...chinese, thesaurus });
  const { corpusDir, dataDir } = config;
  const first = await ingest({ corpusDir, dataDir, embedder, progress, store, thesaurus }).catch((error: unknown) =>
    unlessBusy(error, store),
  );
  if (first?.wroteGeneration) log.info(describeIngest(first));
  // The read-ahead of the engine in use; a swap stops it and starts one for the new index.
  let reading: AbortController | undefined;
  const swap = (): void => {
    Object.assign(runtime, openEngine(store, config.corpusDir, engineOver));
    if (reading) void runtime.readAhead();
  };
  const start = openWordsFirst(store, config.corpusDir, engineOver, graph);
  const runtime: Runtime = {
    engine: start.engine,
    generation: start.generation,
    // A swap meanwhile brought its own engine (with its graph): nothing to do then.
    dense: start.dense.then((engine) => {
      if (engine && runtime.generation === start.generation) runtime.engine = engine;
    }),
    embedder,
    async refresh() {
      const summary = await ingestInChild({
        corpusDir: config.corpusDir,
        dataDir: config.dataDir,
        model: embedder?.source ?? embedder?.id,
        cacheDir: join(config.dataDir, 'models'),
        hubEndpoint: config.hubEndpoint,
      });
      if (summary.wroteGeneration) swap();
      return summary;
    },
    reload() {
      if (store.current() === runtime.generation) return false;
      swap();
      return true;
    },
    async readAhead() {
      reading?.abort();
      const current = (reading = new AbortController());
      await readAheadOf(runtime.engine.index, current.signal);
      // Then the titles, by the engine that answers (over meaning once its graph is read); then the files' checksums.
      await runtime.dense.catch(() => undefined);
      if (!current.signal.aborted) await runtime.engine.readTitlesAhead(current.signal);
      await checkReportsAhead(runtime.engine.index.reports.values(), current.signal);
    },
  };
  // Handled by whoever awaits it (the bot logs a damaged graph and answers by words, the CLI fails); never unhandled.
  runtime.dense.catch(() => undefined);
  return runtime;
}

/**
 * An index's report texts read into memory, then its common words summarised (bm25.ts summarizeAhead), which a question
 * would otherwise do on meeting them; until `signal` aborts.
 */
async function readAheadOf(index: CorpusIndex, signal: AbortSignal): Promise<void> {
  logReadAhead(await readReportsAhead(index.reports.values(), { signal }));
  await index.lexical.summarizeAhead(signal).catch((error: unknown) => {
    log.warn(`Summarising the index's common words ahead stopped: ${describeError(error)}`);
  });
}

function logReadAhead(done: Awaited<ReturnType<typeof readReportsAhead>>): void {
  if (done.stopped === 'budget')
    log.info(
      `Read ${done.reports} report texts (${Math.round(done.bytes / 1048576)} MB) into memory; the rest are read when a question first needs them.`,
    );
  else if (done.stopped && done.stopped !== 'aborted')
    log.warn(`Reading report texts ahead stopped at ${done.stopped}.`);
}

/** The live index's engine, the index loaded whole. */
function openEngine(
  store: IndexStore,
  corpusDir: string,
  engineOver: (index: CorpusIndex) => AnswerEngine,
): { engine: AnswerEngine; generation: string } {
  const generation = store.current() ?? '';
  const loaded = loadIndex(store);
  if (!loaded) throw new EmptyIndexError(corpusDir);
  return { engine: engineOver(loaded.index), generation };
}

/**
 * The live index's engine answering by words at once; `dense` resolves with the engine over words and meaning once the
 * graph file is checked (undefined for an index without one; load-index.ts loadIndexWordsFirst) and rejects when it is
 * damaged.
 */
function openWordsFirst(
  store: IndexStore,
  corpusDir: string,
  engineOver: (index: CorpusIndex) => AnswerEngine,
  graph: boolean,
): { engine: AnswerEngine; generation: string; dense: Promise<AnswerEngine | undefined> } {
  const generation = store.current() ?? '';
  const loaded = loadIndexWordsFirst(store, { graph });
  if (!loaded) throw new EmptyIndexError(corpusDir);
  const dense = loaded.dense ? loaded.dense.then(() => engineOver(loaded.index)) : Promise.resolve(undefined);
  // Until hnswlib's graph is read, meaning is searched by scanning the vectors (slower, the same answers or better).
  loaded.graph?.then(
    () => log.info("The vector graph is read: meaning is searched by hnswlib's graph."),
    (error: unknown) => log.warn(`${describeError(error)} Meaning is searched by scanning the vectors meanwhile.`),
  );
  return { engine: engineOver(loaded.index), generation, dense };
}

/** One line saying what an ingest did. */
export function describeIngest(s: IngestSummary): string {
  const parts = [
    `${s.added.length} added`,
    `${s.changed.length} changed`,
    `${s.removed.length} removed`,
    `${s.unchanged.length} unchanged`,
  ];
  const errors = s.errors.length ? `, ${s.errors.length} file(s) skipped` : '';
  return `Index: ${parts.join(', ')}; ${s.totalChunks} chunks, ${s.embeddedChunks} embedded${s.vectors ? '' : ' (lexical only)'}${errors}.`;
}
