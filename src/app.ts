/**
 * Wiring shared by every entry point (bot, terminal chat, ask CLI, benchmarks): load the
 * model if one is configured, bring the index up to date with the corpus, load it, and
 * return a ready answer engine.
 */
import { join } from 'node:path';
import { AnswerEngine } from './answer/engine.js';
import type { Config } from './config.js';
import { ModelUnavailableError } from './errors.js';
import { ingest, type IngestSummary } from './ingest.js';
import { log } from './log.js';
import type { Progress } from './progress.js';
import { loadEmbedder, OFFLINE_MODEL, type Embedder } from './search/embedder.js';
import { IndexStore, loadIndex } from './search/store.js';
import { chineseExpander, ensureGlossary } from './search/chinese.js';
import { loadThesaurus } from './search/thesaurus.js';

export interface Runtime {
  engine: AnswerEngine;
  /** The live index generation the engine was loaded from. */
  generation: string;
  embedder?: Embedder;
  /** Brings the index up to date with the corpus and swaps in a fresh engine. */
  refresh(): Promise<IngestSummary>;
  /** Swaps in the live index if another process (`npm run ingest`) replaced it; true when it did. */
  reload(): boolean;
}

/**
 * Loads the configured model; when it cannot be loaded, the bundled offline model, saying
 * once why; when neither loads (or EMBEDDING_MODEL=none), nothing: answers are lexical only.
 */
export async function openEmbedder(config: Pick<Config, 'embeddingModel' | 'dataDir'>): Promise<Embedder | undefined> {
  if (!config.embeddingModel) return undefined;
  try {
    return await loadEmbedder(config.embeddingModel, join(config.dataDir, 'models'));
  } catch (error) {
    const why = error instanceof ModelUnavailableError ? error.reason : String(error);
    if (config.embeddingModel !== OFFLINE_MODEL) {
      try {
        const embedder = await loadEmbedder(OFFLINE_MODEL, join(config.dataDir, 'models'));
        log.warn(`Embedding model "${config.embeddingModel}" could not be loaded (${why}); using the bundled offline model (English word vectors) instead.`);
        return embedder;
      } catch {
        // fall through: lexical only, with the configured model's reason
      }
    }
    log.warn(error instanceof ModelUnavailableError ? error.message : String(error));
    return undefined;
  }
}

/** Opens (building or updating first when needed) the index and returns the engine over it. */
export async function openRuntime(config: Pick<Config, 'embeddingModel' | 'dataDir' | 'corpusDir'>, progress?: Progress): Promise<Runtime> {
  const embedder = await openEmbedder(config);
  const expandQuery = chineseExpander(await ensureGlossary());
  const thesaurus = loadThesaurus();
  const store = new IndexStore(config.dataDir);
  const build = (): Promise<IngestSummary> => ingest({ corpusDir: config.corpusDir, dataDir: config.dataDir, embedder, progress });
  const open = (): { engine: AnswerEngine; generation: string } => {
    const generation = store.current() ?? '';
    const loaded = loadIndex(store);
    if (!loaded) throw new Error('The index is empty after ingest: is CORPUS_DIR right?');
    return { engine: new AnswerEngine(loaded.index, { embedder, expandQuery, thesaurus }), generation };
  };
  const first = await build();
  if (first.wroteGeneration) log.info(describeIngest(first));
  const runtime: Runtime = {
    ...open(),
    embedder,
    async refresh() {
      const summary = await build();
      if (summary.wroteGeneration) Object.assign(runtime, open());
      return summary;
    },
    reload() {
      if (store.current() === runtime.generation) return false;
      Object.assign(runtime, open());
      return true;
    },
  };
  return runtime;
}

/** One line saying what an ingest did. */
export function describeIngest(s: IngestSummary): string {
  const parts = [`${s.added.length} added`, `${s.changed.length} changed`, `${s.removed.length} removed`, `${s.unchanged.length} unchanged`];
  const errors = s.errors.length ? `, ${s.errors.length} file(s) skipped` : '';
  return `Index: ${parts.join(', ')}; ${s.totalChunks} chunks, ${s.embeddedChunks} embedded${s.vectors ? '' : ' (lexical only)'}${errors}.`;
}
