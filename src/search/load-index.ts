/**
 * Loads the live index generation into memory: the manifest, the lexical and vector indexes,
 * and reports whose text is read from disk when a question first needs it (or read ahead).
 */
import { createHash } from '../hash.js';
// node:fs's promises, read where used: node:fs/promises is 2 ms to load, and a one-question run reads nothing ahead.
import { createReadStream, existsSync, promises, statSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { ParsedReport, ReportMeta } from '../corpus/types.js';
import { IndexError } from '../errors.js';
import { LexicalIndex, type LexicalData } from './bm25.js';
import { openLexicalData } from './lexical-file.js';
import { joinLexical } from './lexical-segments.js';
import { CorpusIndex } from './corpus-index.js';
import { type ReportBody } from './report-file.js';
import { SentenceVectors } from './sentence-vectors.js';
import { VectorIndex } from './vector-index.js';
import { GraphScan, joinGraphs, type DenseGraph } from './graph-scan.js';
import {
  addWordCounts,
  readCompounds,
  checkedReportBody,
  eachPiece,
  bodyChecksum,
  PIECE,
  REBUILD,
  segmentOrder,
  matchesChecksum,
  TAIL_GRAPH,
  TAIL_LEXICAL,
  type Manifest,
} from './index-format.js';
import type { IndexStore } from './store.js';
/**
 * A report whose id and metadata (from the manifest) are there at once and whose text and
 * paragraphs are read from its file the first time they are needed: start-up reads no report
 * text, and a question reads only the reports its candidates are in. `readReportsAhead` can
 * read them before any question does.
 */
class StoredReport implements ParsedReport {
  private body: ReportBody | undefined;
  /** Read ahead (kept while the index lives), not by a question (kept among the recently used: ReportBodies). */
  private readAhead = false;
  /** When a question last used the body (ReportBodies' clock). */
  usedAt = 0;

  constructor(
    readonly id: string,
    readonly meta: ReportMeta,
    private readonly store: IndexStore,
    private readonly dir: string,
    private readonly checksum: string | undefined,
    private readonly bodies: ReportBodies<StoredReport>,
  ) {}

  get text(): string {
    return this.load().text;
  }

  get paragraphs(): ReportBody['paragraphs'] {
    return this.load().paragraphs;
  }

  get acronyms(): ReportBody['acronyms'] {
    return this.load().acronyms;
  }

  get loaded(): boolean {
    return this.body !== undefined;
  }

  get path(): string {
    return this.store.reportPath(this.dir, this.id);
  }

  /** Keeps a body read elsewhere (unless one was read meanwhile). */
  fill(bytes: Buffer): void {
    if (this.body) return;
    this.body = checkedReportBody(bytes, this.id, this.path, this.checksum);
    this.readAhead = true;
  }

  /**
   * Checks a file's bytes read elsewhere against the checksum the manifest gives, without keeping them; true when they
   * match (a question's first read of it then only decodes it: IndexStore.markChecked).
   */
  check(bytes: Buffer): boolean {
    if (!this.checksum || !matchesChecksum(bytes, this.checksum)) return false;
    this.store.markChecked(this.dir, this.id, this.checksum);
    return true;
  }

  /** Forgets a body a question read (ReportBodies: least recently used first); returns its size. */
  forget(): number {
    const size = this.body ? bodySize(this.body) : 0;
    this.body = undefined;
    return size;
  }

  private load(): ReportBody {
    if (!this.body) {
      this.body = this.store.readReport(this.dir, this.id, this.checksum);
      this.bodies.add(this, bodySize(this.body));
    } else if (!this.readAhead) this.bodies.use(this);
    return this.body;
  }
}

/** About the memory a report's body holds: its text, a character a byte or two, and its paragraphs' records. */
function bodySize(body: ReportBody): number {
  return body.text.length + 100 * body.paragraphs.length;
}

/**
 * Report bodies questions read (not read ahead) are kept at most about this many bytes: past it, the least recently
 * used are forgotten (read again when a question needs them). At 10,000 reports, a running bot otherwise ends up
 * holding every report a question ever touched (1.3 GB of texts beside the 1.2 GB loaded).
 */
const REPORT_BODIES_BYTES = 256 * 1024 * 1024;

/**
 * The bodies of stored reports that questions read, bounded by REPORT_BODIES_BYTES: each use stamps the report with a
 * clock (a number written, not a list reordered: the text is read many times a question), and when the bodies pass
 * the budget the least recently used are forgotten down to three quarters of it, so the sort is rare.
 */
export class ReportBodies<T extends { usedAt: number; forget(): number }> {
  private readonly kept = new Set<T>();
  private bytes = 0;
  private clock = 0;

  constructor(private readonly budget = REPORT_BODIES_BYTES) {}

  /** Bytes of the bodies kept. */
  get size(): number {
    return this.bytes;
  }

  /** Marks a report's body as just used. */
  use(report: T): void {
    report.usedAt = ++this.clock;
  }

  /** Keeps a body just read (`size` bytes), forgetting the least recently used past the budget. */
  add(report: T, size: number): void {
    this.use(report);
    this.kept.add(report);
    this.bytes += size;
    if (this.bytes <= this.budget) return;
    for (const old of [...this.kept].sort((a, b) => a.usedAt - b.usedAt)) {
      if (this.bytes <= (3 * this.budget) / 4 || old === report) break;
      this.kept.delete(old);
      this.bytes -= old.forget();
    }
  }
}

/**
 * Report texts read ahead at most (file bytes; about 2,000 reports of the benchmark's size):
 * beyond it, a report is read when a question first needs it.
 */
export const READ_AHEAD_BYTES = 256 * 1024 * 1024;

export interface ReadAhead {
  reports: number;
  bytes: number;
  /** Why it stopped before reading every report: "budget", "aborted", or an error naming the report file. */
  stopped?: string;
}

/**
 * Reads into memory the texts of stored reports no question has needed yet, one at a time with
 * non-blocking reads, so a long-running process answers later questions without waiting on the
 * disk (a report's first reading was most of the slowest answers at 1,000 reports: docs/benchmarks.md,
 * "Scale"). Stops at `budget` bytes, when `signal` aborts (the index was replaced) or at a file
 * it cannot read (that report is then read, and its error reported, when a question needs it).
 * Reports not loaded from a store are skipped.
 */
export async function readReportsAhead(
  reports: Iterable<ParsedReport>,
  options: { signal?: AbortSignal; budget?: number } = {},
): Promise<ReadAhead> {
  const budget = options.budget ?? READ_AHEAD_BYTES;
  const done: ReadAhead = { reports: 0, bytes: 0 };
  for (const report of reports) {
    if (!(report instanceof StoredReport) || report.loaded) continue;
    if (options.signal?.aborted) return { ...done, stopped: 'aborted' };
    let bytes: Buffer;
    try {
      if (done.bytes + (await promises.stat(report.path)).size > budget) return { ...done, stopped: 'budget' };
      bytes = await promises.readFile(report.path);
      report.fill(bytes);
    } catch (error) {
      return { ...done, stopped: `${report.path}: ${error instanceof Error ? error.message : String(error)}` };
    }
    done.reports++;
    done.bytes += bytes.length;
  }
  return done;
}

/**
 * Checks, one at a time with non-blocking reads, the files of stored reports that are neither in memory nor checked
 * yet against their manifest checksums, keeping nothing but the fact: beyond the read-ahead budget, a question's first
 * read of a report then only decodes it (at 10,000 reports, the checksum was a third of a slow question's first reads:
 * docs/benchmarks.md). A file that does not match, or cannot be read, is left for the question that needs it to report.
 * Returns how many were checked; stops when `signal` aborts.
 */
export async function checkReportsAhead(reports: Iterable<ParsedReport>, signal?: AbortSignal): Promise<number> {
  let checked = 0;
  for (const report of reports) {
    if (signal?.aborted) break;
    if (!(report instanceof StoredReport) || report.loaded) continue;
    const bytes = await promises.readFile(report.path).catch(() => undefined);
    if (bytes && report.check(bytes)) checked++;
  }
  return checked;
}

/**
 * Loads the live index into memory. Returns undefined when nothing was built yet.
 * @throws IndexError when files are missing, corrupt or of another format version
 */
export function loadIndex(store: IndexStore): { index: CorpusIndex; manifest: Manifest } | undefined {
  const loaded = loadWords(store);
  const graphs = loaded && graphsOf(loaded.dir, loaded.manifest);
  if (!loaded || !graphs) return loaded;
  const read = graphs.map((graph) => {
    // Checked before the native reader sees it: a few flipped bytes could make it crash the process without a word.
    const sum = graph.checksum();
    eachPiece(graph.path, sum.add);
    if (!sum.matches()) throw corruptGraph(graph.path);
    return readGraph(() => VectorIndex.load(graph.path, graph.dim), graph.path);
  });
  attachDense(store, loaded, joinGraphs(read));
  return loaded;
}

/**
 * The live index with its words at once, its meaning soon after and its graph last (at 10,000 reports hnswlib's reading
 * of the graph is most of a start's time): questions are answered by words until `dense` resolves — the graph file
 * checked a few megabytes at a time between questions, its vectors then searched by an exact scan (graph-scan.ts;
 * ~150 ms a question at 10,000 reports) — and by hnswlib's graph once `graph` resolves, read on the library's own
 * thread (`{ graph: false }`, the CLI, reads none). Both are undefined for an index without vectors and reject with an
 * IndexError when the graph is damaged (the words still answer).
 * @throws IndexError as `loadIndex`, for everything but the graph
 */
export function loadIndexWordsFirst(
  store: IndexStore,
  options: { graph?: boolean } = {},
): { index: CorpusIndex; manifest: Manifest; dir: string; dense?: Promise<void>; graph?: Promise<void> } | undefined {
  const loaded = loadWords(store);
  const graphs = loaded && graphsOf(loaded.dir, loaded.manifest);
  if (!loaded || !graphs) return loaded;
  if (options.graph === false) return { ...loaded, dense: scanNow(store, loaded, graphs) };
  const dense = (async () => {
    const scans: GraphScan[] = [];
    for (const graph of graphs) {
      const sum = graph.checksum();
      for await (const piece of createReadStream(graph.path, { highWaterMark: PIECE })) sum.add(piece as Buffer);
      if (!sum.matches()) throw corruptGraph(graph.path);
      scans.push(readGraph(() => GraphScan.open(graph.path, graph.dim), graph.path));
    }
    attachDense(store, loaded, joinGraphs(scans));
  })();
  const read = dense.then(async () => {
    const read: DenseGraph[] = [];
    for (const graph of graphs)
      read.push(
        await VectorIndex.loadInBackground(graph.path, graph.dim).catch((cause: unknown) => {
          throw unreadableGraph(graph.path, cause);
        }),
      );
    loaded.index.vectors = joinGraphs(read);
  });
  read.catch(() => undefined); // a damaged file rejects `dense` too: whoever awaits only that one hears of it
  return { ...loaded, dense, graph: read };
}

/**
 * The graph file opened for a scan with its checksum taken in the same pass (nothing is answered meanwhile: the CLI),
 * joined to the index once it matches.
 */
async function scanNow(
  store: IndexStore,
  loaded: { index: CorpusIndex; manifest: Manifest; dir: string },
  graphs: GraphFile[],
): Promise<void> {
  await Promise.resolve(); // its errors reach whoever awaits `dense`, as a read in the background would
  const scans = graphs.map((graph) => {
    const sum = graph.checksum();
    const scan = readGraph(() => GraphScan.open(graph.path, graph.dim, sum.add), graph.path);
    if (!sum.matches()) throw corruptGraph(graph.path);
    return scan;
  });
  attachDense(store, loaded, joinGraphs(scans));
}

/** Everything but the graph: the reports, their chunks, the words, the lexical index's head. */
function loadWords(store: IndexStore): { index: CorpusIndex; manifest: Manifest; dir: string } | undefined {
  const manifest = store.manifest();
  const dir = store.current();
  if (!manifest || !dir) return undefined;
  const index = new CorpusIndex();
  const bodies = new ReportBodies<StoredReport>();
  // The main index's reports, then the tail's: the lexical documents' order.
  const { main, tail } = segmentOrder(manifest);
  for (const [id, entry] of [...main, ...tail].map((id) => [id, manifest.reports[id]!] as const))
    index.addReport(
      new StoredReport(id, entry.meta, store, dir, bodyChecksum(entry), bodies),
      { count: entry.chunkCount, read: () => store.readChunks(dir, id, entry.chunkCount) },
      entry.firstLabel,
      'stored',
    );
  index.words = () => {
    const words = new Map<string, number>();
    try {
      addWordCounts(join(dir, 'words.tsv'), words);
    } catch (cause) {
      throw new IndexError(`The word list ${join(dir, 'words.tsv')} is missing or corrupt; ${REBUILD}.`, { cause });
    }
    return words;
  };
  index.compounds = () => readCompounds(join(dir, 'compounds.tsv'));
  const lexical = (file: string, bytes: number): LexicalData => {
    const path = join(dir, file);
    if (!existsSync(path) || statSync(path).size !== bytes)
      throw new IndexError(`The lexical index ${path} is missing or truncated; ${REBUILD}.`);
    try {
      // Its head now, each word's postings when a question first asks for the word.
      return openLexicalData(path);
    } catch (cause) {
      throw new IndexError(`The lexical index ${path} is corrupt; ${REBUILD}.`, { cause });
    }
  };
  const mainData = lexical('lexical.bin', manifest.lexicalBytes);
  index.useLexical(
    manifest.tail
      ? joinLexical(mainData, lexical(TAIL_LEXICAL, manifest.tail.lexicalBytes))
      : new LexicalIndex(mainData),
  );
  return { index, manifest, dir };
}

interface GraphFile {
  path: string;
  dim: number;
  /** The checksum its manifest gives (CRC-32, or SHA-1 for an older index), fed the file's bytes in pieces. */
  checksum: () => { add: (piece: Uint8Array) => void; matches: () => boolean };
}

/**
 * The graphs an index with vectors has, each checked for its size: the main one, and the tail's when it has one;
 * undefined for a lexical index.
 */
function graphsOf(dir: string, manifest: Manifest): GraphFile[] | undefined {
  if (!manifest.model || !manifest.hnswBytes) return undefined;
  const { hnswCrc32, hnswSha1, tail } = manifest;
  const dim = manifest.model.dim;
  return [
    graphFile(join(dir, 'hnsw.bin'), dim, manifest.hnswBytes, hnswCrc32, hnswSha1),
    ...(tail?.hnswBytes ? [graphFile(join(dir, TAIL_GRAPH), dim, tail.hnswBytes, tail.hnswCrc32)] : []),
  ];
}

/** A graph file checked for its size, with the checksum its manifest gives (CRC-32, or SHA-1 for an older index). */
function graphFile(path: string, dim: number, bytes: number, crc32Sum?: number, sha1Sum?: string): GraphFile {
  if (!existsSync(path) || statSync(path).size !== bytes)
    throw new IndexError(`The vector index ${path} is missing or truncated; ${REBUILD}.`);
  const checksum = (): { add: (piece: Uint8Array) => void; matches: () => boolean } => {
    let crc = 0;
    const hash = crc32Sum === undefined && sha1Sum !== undefined ? createHash('sha1') : undefined;
    return {
      add: (piece) => void (hash ? hash.update(piece) : (crc = crc32(piece, crc))),
      matches: () => (hash ? hash.digest('hex') === sha1Sum : crc32Sum === undefined || crc === crc32Sum),
    };
  };
  return { path, dim, checksum };
}

function corruptGraph(path: string): IndexError {
  return new IndexError(`The vector index ${path} is corrupt (its checksum does not match); ${REBUILD}.`);
}

function unreadableGraph(path: string, cause: unknown): IndexError {
  return new IndexError(`The vector index ${path} is corrupt; ${REBUILD}.`, { cause });
}

/** The graph read (by hnswlib, or opened for a scan); its failure as an IndexError. */
function readGraph<T>(read: () => T, path: string): T {
  try {
    return read();
  } catch (cause) {
    throw unreadableGraph(path, cause);
  }
}

/** The dense side joins the index: the graph, each sentence's vector read when needed, the stored off-topic levels. */
function attachDense(
  store: IndexStore,
  { index, manifest, dir }: { index: CorpusIndex; manifest: Manifest; dir: string },
  vectors: DenseGraph,
): void {
  const dim = vectors.dim;
  index.sentenceVectors = new SentenceVectors(
    (id, from, to, into) => store.readVectorRows(dir, id, dim, from, to, into),
    dim,
  );
  if (manifest.offTopicProbes && manifest.model)
    index.offTopic = {
      model: manifest.model.id,
      probes: manifest.offTopicProbes,
      of: (id) => manifest.reports[id]?.offTopic,
    };
  index.vectors = vectors;
}
