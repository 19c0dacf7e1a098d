/**
 * Ingest in a child process: how a running bot takes in a new or changed report, so that
 * parsing, embedding and building the HNSW graph do not hold up answers (on 2 cores the
 * child has one to itself) and its memory is returned when it ends. The child loads its own
 * copy of the model the bot answers with (the same id, so the same vectors). A process, not a
 * worker thread: the ONNX runtime's native module cannot be loaded twice in one process.
 */
import { ReportFileError } from './errors.js';
import { ingest, type IngestSummary } from './ingest.js';
import { loadEmbedder } from './search/embedder.js';
import { childEntry } from './paths.js';

export interface ChildIngestOptions {
  corpusDir: string;
  dataDir: string;
  /** The model the running engine uses, as it loads (Embedder.source); none for lexical only. */
  model?: string | undefined;
  /** Where hub downloads are kept (DATA_DIR/models). */
  cacheDir: string;
  hubEndpoint?: string | undefined;
}

type Reply =
  | { ok: true; summary: Omit<IngestSummary, 'errors'>; errors: { file: string; reason: string }[] }
  | { ok: false; message: string };

const SELF = childEntry(import.meta.url, 'ingest-child');
const RUN = '--run-ingest';

/** Runs one ingest in a child process and resolves with its summary; the child ends with it. */
export async function ingestInChild(options: ChildIngestOptions): Promise<IngestSummary> {
  // Loaded here, not with the module: a process that only answers never starts one (4 ms of a one-question run).
  const { fork } = await import('node:child_process');
  // Run from the TypeScript sources (tests, tsx), the child needs the same loader.
  const child = fork(SELF, [RUN, JSON.stringify(options)], {
    execArgv: SELF.endsWith('.ts') ? ['--import', 'tsx'] : [],
    stdio: 'inherit',
  });
  return new Promise((resolve, reject) => {
    let reply: Reply | undefined;
    child.once('message', (message: Reply) => (reply = message));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (!reply) reject(new Error(`the ingest process stopped (${signal ?? `exit code ${code}`}) before it finished`));
      else if (!reply.ok) reject(new Error(reply.message));
      else resolve({ ...reply.summary, errors: reply.errors.map((e) => new ReportFileError(e.file, e.reason)) });
    });
  });
}

async function runChild(options: ChildIngestOptions): Promise<Reply> {
  try {
    const embedder = options.model
      ? await loadEmbedder(options.model, options.cacheDir, undefined, options.hubEndpoint)
      : undefined;
    const { errors, ...summary } = await ingest({ corpusDir: options.corpusDir, dataDir: options.dataDir, embedder });
    return { ok: true, summary, errors: errors.map((e) => ({ file: e.file, reason: e.reason })) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

if (process.argv[1] === SELF && process.argv[2] === RUN && process.send) {
  // The bot stopping (or dying) ends the ingest too: the index keeps its last complete generation.
  process.once('disconnect', () => process.exit(1));
  // No await at the top level: the one-question CLI is bundled as a script (scripts/build.mjs), where it cannot be.
  void runChild(JSON.parse(process.argv[3] ?? '{}') as ChildIngestOptions).then((reply) =>
    process.send!(reply, () => process.exit(0)),
  );
}
