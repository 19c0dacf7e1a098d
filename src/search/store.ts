/**
 * The on-disk index: immutable generations under DATA_DIR/index, the live one named by
 * the CURRENT file. An ingest writes a whole new generation and then replaces CURRENT
 * with one rename, so a killed ingest leaves the previous index loadable and complete.
 *
 *   index/CURRENT                     "gen-…" (the live generation)
 *   index/gen-…/manifest.json         format version, model id + dimension, per-report hash/chunk count/labels
 * index/gen-…/reports/<id>.bin      the report's text and paragraphs (report-file.ts), read when a question first needs
 * them
 *   index/gen-…/chunks/<id>.i32       its chunks: paragraph, start, end per chunk
 *   index/gen-…/words/<id>.tsv        its words with their counts (summed into words.tsv for typo correction)
 *   index/gen-…/vectors/<id>.f32      float32 vectors of that report's chunks (when a model was loaded)
 *   index/gen-…/lexical.bin           the lexical (BM25) index over every chunk, in manifest order (see bm25.ts)
 *   index/gen-…/hnsw.bin              HNSW graph over all vectors; labels map to chunks via the manifest
 * index/gen-…/postings-*.tmp        scratch: postings waiting for lexical.bin while an ingest writes (deleted before
 * commit)
 */
import type { FileStamp } from '../corpus/files.js';
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Chunk, ParsedReport, ReportMeta } from '../corpus/types.js';
import { IndexError } from '../errors.js';
import { LexicalIndex, LexicalIndexBuilder, MemoryPostingPages, PAGE } from './bm25.js';
import { CorpusIndex, rowTerms, type ChunkTerms } from './corpus-index.js';
import { decodeReportBody, encodeReportBody, type ReportBody } from './report-file.js';
import { VectorIndex } from './vector-index.js';
import { QueryVocabulary } from './vocabulary.js';

/** Bump when the layout or any stored shape changes; older indexes are then refused with a rebuild hint. */
export const FORMAT_VERSION = 6;

export interface ReportEntry {
  file: string;
  hash: string;
  /** The file's stamp when it was read (corpus/files.ts): an unchanged stamp skips reading it. */
  stamp?: FileStamp | undefined;
  chunkCount: number;
  /** HNSW labels firstLabel … firstLabel+chunkCount-1 belong to this report's chunks, in order. */
  firstLabel: number;
  meta: ReportMeta;
  /** When this report first entered the index (kept across re-ingests of a changed file). */
  addedAt: string;
  /** SHA-1 of its reports/<id>.bin as written: the text is checked against it before any quote is served. */
  bodySha1?: string | undefined;
}

/** A report file that could not be converted: the hash of its bytes then, and why. */
export interface FailedConversion {
  hash: string;
  reason: string;
}

export interface Manifest {
  formatVersion: number;
  /** CHUNKER_VERSION the reports were chunked with; a different one re-ingests everything. */
  chunkerVersion: number;
  model: { id: string; dim: number } | null;
  reports: Record<string, ReportEntry>;
  nextLabel: number;
  /** Byte size of hnsw.bin, checked before reading it (a truncated file would crash the native reader). */
  hnswBytes?: number;
  /** Byte size of lexical.bin. */
  lexicalBytes: number;
  /** SHA-1 of lexical.bin and hnsw.bin, checked at load (a flipped byte in hnsw.bin can crash the native reader). */
  lexicalSha1?: string;
  hnswSha1?: string;
  builtAt: string;
}

const REBUILD = 'run `npm run ingest -- --rebuild` to rebuild it from the corpus';

function writeFileDurable(path: string, data: string | Uint8Array | Uint8Array[]): void {
  const fd = openSync(path, 'w');
  try {
    if (Array.isArray(data)) for (const part of data) writeFileSync(fd, part);
    else writeFileSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function readJson(path: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new IndexError(`The index ${what} (${path}) is missing or corrupt; ${REBUILD}.`, { cause });
  }
}

export class IndexStore {
  readonly root: string;

  constructor(dataDir: string) {
    this.root = join(dataDir, 'index');
  }

  /**
   * Report files that could not be converted, by file name, with the hash of the bytes that failed
   * and why: such a file is not converted again (at every ingest) until it changes.
   */
  failedConversions(): Record<string, FailedConversion> {
    try {
      return JSON.parse(readFileSync(join(this.root, 'failed-conversions.json'), 'utf8')) as Record<
        string,
        FailedConversion
      >;
    } catch {
      return {}; // none recorded yet, or an unreadable record: converting again is merely slower
    }
  }

  saveFailedConversions(failed: Record<string, FailedConversion>): void {
    mkdirSync(this.root, { recursive: true });
    const tmp = join(this.root, `failed-conversions.${process.pid}.tmp`);
    writeFileDurable(tmp, JSON.stringify(failed));
    renameSync(tmp, join(this.root, 'failed-conversions.json'));
  }

  /** Directory of the live generation, or undefined when nothing was built yet. */
  current(): string | undefined {
    const pointer = join(this.root, 'CURRENT');
    if (!existsSync(pointer)) return undefined;
    const name = readFileSync(pointer, 'utf8').trim();
    if (!/^gen-[\w-]+$/.test(name) || !existsSync(join(this.root, name)))
      throw new IndexError(`The index pointer ${pointer} is corrupt; ${REBUILD}.`);
    return join(this.root, name);
  }

  /** The live manifest, or undefined when there is no index yet. Refuses other format versions. */
  manifest(): Manifest | undefined {
    const dir = this.current();
    if (!dir) return undefined;
    const manifest = readJson(join(dir, 'manifest.json'), 'manifest') as Manifest;
    if (
      typeof manifest !== 'object' ||
      manifest === null ||
      typeof manifest.reports !== 'object' ||
      manifest.reports === null
    ) {
      throw new IndexError(`The index manifest (${join(dir, 'manifest.json')}) is malformed; ${REBUILD}.`);
    }
    if (manifest.formatVersion !== FORMAT_VERSION) {
      throw new IndexError(
        `The index in ${this.root} has format version ${manifest.formatVersion}, this program reads version ${FORMAT_VERSION}; ${REBUILD}.`,
      );
    }
    return manifest;
  }

  /** Where a report's text and paragraphs are stored in generation `dir`. */
  reportPath(dir: string, id: string): string {
    return join(dir, 'reports', `${id}.bin`);
  }

  /** A report's text and paragraphs (its id and metadata are in the manifest). */
  readReport(dir: string, id: string, expectedSha1?: string): ReportBody {
    const path = this.reportPath(dir, id);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (cause) {
      throw new IndexError(`The index report file for "${id}" (${path}) is missing or corrupt; ${REBUILD}.`, { cause });
    }
    return checkedReportBody(bytes, id, path, expectedSha1);
  }

  /** A report's chunks from its compact file, as rows of paragraph, start, end, without reading the report. */
  readChunks(dir: string, id: string, count: number): Int32Array {
    const path = join(dir, 'chunks', `${id}.i32`);
    const bytes = existsSync(path) ? readFileSync(path) : Buffer.alloc(0);
    if (bytes.length !== count * 12)
      throw new IndexError(`The chunk file ${path} is missing or truncated; ${REBUILD}.`);
    const rows = new Int32Array(count * 3);
    new Uint8Array(rows.buffer).set(bytes);
    return rows;
  }

  readVectors(dir: string, id: string, count: number, dim: number): Float32Array {
    const path = join(dir, 'vectors', `${id}.f32`);
    const bytes = existsSync(path) ? readFileSync(path) : Buffer.alloc(0);
    if (bytes.length !== count * dim * 4)
      throw new IndexError(`The vector file ${path} is missing or truncated; ${REBUILD}.`);
    return new Float32Array(bytes.buffer, bytes.byteOffset, count * dim);
  }

  /** Starts a new generation directory; nothing is live until `commit`. */
  begin(): GenerationWriter {
    mkdirSync(this.root, { recursive: true });
    const name = `gen-${Date.now()}-${process.pid}`;
    const dir = join(this.root, name);
    mkdirSync(join(dir, 'reports'), { recursive: true });
    mkdirSync(join(dir, 'vectors'), { recursive: true });
    mkdirSync(join(dir, 'chunks'), { recursive: true });
    mkdirSync(join(dir, 'words'), { recursive: true });
    return new GenerationWriter(this, name, dir);
  }

  /** Makes a written generation live (one atomic rename) and deletes the older ones. */
  commit(writer: GenerationWriter, manifest: Manifest): void {
    writer.writeVocabulary(Object.keys(manifest.reports));
    // Checksums of what the generation holds, so a damaged file is found before it is used (a new report's body, and
    // a carried-over one's from an index written before checksums; the others keep theirs).
    for (const [id, entry] of Object.entries(manifest.reports))
      entry.bodySha1 ??= sha1(readFileSync(this.reportPath(writer.dir, id)));
    manifest.lexicalSha1 = sha1(readFileSync(join(writer.dir, 'lexical.bin')));
    if (existsSync(join(writer.dir, 'hnsw.bin'))) manifest.hnswSha1 = sha1(readFileSync(join(writer.dir, 'hnsw.bin')));
    writeFileDurable(join(writer.dir, 'manifest.json'), JSON.stringify(manifest));
    const previous = existsSync(join(this.root, 'CURRENT'))
      ? readFileSync(join(this.root, 'CURRENT'), 'utf8').trim()
      : undefined;
    const tmp = join(this.root, `CURRENT.${process.pid}.tmp`);
    writeFileDurable(tmp, writer.name);
    renameSync(tmp, join(this.root, 'CURRENT'));
    // The generation that was live stays one more round: a running engine reads report texts from
    // it as questions need them, until it reloads the new one (the corpus watcher does within seconds).
    this.prune([writer.name, ...(previous ? [previous] : [])]);
  }

  /** Removes generations other than `keep` (older ones, and ones left by killed ingests). */
  prune(keep: string[]): void {
    for (const entry of readdirSync(this.root)) {
      if (!keep.includes(entry) && (entry.startsWith('gen-') || entry.endsWith('.tmp')))
        rmSync(join(this.root, entry), { recursive: true, force: true });
    }
  }
}

export class GenerationWriter {
  constructor(
    private readonly store: IndexStore,
    readonly name: string,
    readonly dir: string,
  ) {}

  writeReport(report: ParsedReport, chunks: Chunk[]): void {
    writeFileDurable(join(this.dir, 'reports', `${report.id}.bin`), encodeReportBody(report));
    const flat = Int32Array.from(chunks.flatMap((c) => [c.paragraph, c.start, c.end]));
    writeFileDurable(join(this.dir, 'chunks', `${report.id}.i32`), new Uint8Array(flat.buffer));
    const words = QueryVocabulary.wordsOf([report.text]);
    writeFileDurable(join(this.dir, 'words', `${report.id}.tsv`), [...words].map(([w, n]) => `${w}\t${n}`).join('\n'));
  }

  /** Reports indexed in this generation, in order, with their chunk counts, and the builder they went into. */
  private readonly streamedReports: ReportChunkCount[] = [];
  private streamed?: LexicalIndexBuilder;

  /** A lexical builder whose postings wait in a scratch file of this generation, not in memory. */
  private newBuilder(name: string): LexicalIndexBuilder {
    return new LexicalIndexBuilder(new FilePostingPages(join(this.dir, `postings-${name}.tmp`)));
  }

  /** Indexes a written report's chunks (their terms) for lexical.bin. */
  indexChunkTerms(id: string, terms: ChunkTerms[]): void {
    this.streamed ??= this.newBuilder('new');
    for (const t of terms) this.streamed.addCounts(t.counts, t.length);
    this.streamedReports.push({ id, chunkCount: terms.length });
  }

  /**
   * Writes lexical.bin over `reports` (in that order); returns its byte size. Reports indexed in
   * this generation (indexChunkTerms) bring their documents; a carried-over report's are taken
   * from the previous generation's lexical.bin (LexicalIndex.concat: no report is read), or, when
   * that file cannot be read, indexed again from the report's stored text and chunks.
   */
  writeLexicalIndex(reports: ReportChunkCount[], previous?: { dir: string; reports: ReportChunkCount[] }): number {
    const parts = new Map<string, { index: LexicalIndex; start: number; count: number }>();
    const addParts = (index: LexicalIndex, list: ReportChunkCount[]): void => {
      let start = 0;
      for (const r of list) {
        if (!parts.has(r.id)) parts.set(r.id, { index, start, count: r.chunkCount });
        start += r.chunkCount;
      }
    };
    try {
      if (this.streamed) addParts(this.streamed.build(), this.streamedReports);
      const carried = (): ReportChunkCount[] => reports.filter((r) => !parts.has(r.id));
      const before = carried().length && previous ? readPreviousLexical(previous.dir, previous.reports) : undefined;
      if (before && previous) addParts(before, previous.reports);
      const again = carried();
      if (again.length) addParts(this.indexAgain(again), again);
    } finally {
      this.streamed?.dispose();
    }
    const index = LexicalIndex.concat(reports.map((r) => parts.get(r.id)!));
    const bytes = index.serializeParts();
    writeFileDurable(join(this.dir, 'lexical.bin'), bytes);
    return bytes.reduce((n, p) => n + p.byteLength, 0);
  }

  /** A lexical index of reports already written to this generation, from their stored text and chunks. */
  private indexAgain(reports: ReportChunkCount[]): LexicalIndex {
    const builder = this.newBuilder('again');
    try {
      for (const { id, chunkCount } of reports)
        for (const t of rowTerms(
          this.store.readReport(this.dir, id),
          id,
          this.store.readChunks(this.dir, id, chunkCount),
        ))
          builder.addCounts(t.counts, t.length);
      return builder.build();
    } finally {
      builder.dispose();
    }
  }

  /**
   * words.tsv: every report's words with their counts, summed (what typo correction compares against), read at the
   * first question.
   */
  writeVocabulary(reportIds: string[]): void {
    const total = new Map<string, number>();
    for (const id of reportIds) addWordCounts(join(this.dir, 'words', `${id}.tsv`), total);
    writeFileDurable(join(this.dir, 'words.tsv'), [...total].map(([w, n]) => `${w}\t${n}`).join('\n'));
  }

  writeVectors(id: string, vectors: Float32Array[]): void {
    const flat = new Float32Array(vectors.reduce((n, v) => n + v.length, 0));
    let offset = 0;
    for (const v of vectors) {
      flat.set(v, offset);
      offset += v.length;
    }
    writeFileDurable(join(this.dir, 'vectors', `${id}.f32`), new Uint8Array(flat.buffer));
  }

  /** Reuses an unchanged report's files from the previous generation without copying (hard links). */
  carryOver(previousDir: string, id: string, withVectors: boolean): void {
    const files = [
      join('reports', `${id}.bin`),
      join('chunks', `${id}.i32`),
      join('words', `${id}.tsv`),
      ...(withVectors ? [join('vectors', `${id}.f32`)] : []),
    ];
    for (const f of files) {
      try {
        linkSync(join(previousDir, f), join(this.dir, f));
      } catch {
        writeFileDurable(join(this.dir, f), readFileSync(join(previousDir, f)));
      }
    }
  }

  /** Writes the HNSW graph and returns its byte size for the manifest. */
  writeVectorIndex(index: VectorIndex): number {
    const path = join(this.dir, 'hnsw.bin');
    index.save(path);
    const fd = openSync(path, 'r+');
    fsyncSync(fd);
    closeSync(fd);
    return statSync(path).size;
  }

  abandon(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * Postings spilled to a file page by page (4 MB of term ids, then 2 MB of frequencies per full
 * page), so an ingest of 1,000 reports does not hold its 19 million postings in memory while it
 * streams, nor twice while it builds. The file is a scratch file inside the generation being
 * written: dispose deletes it, and an abandoned generation takes it along.
 */
export class FilePostingPages extends MemoryPostingPages {
  private fd?: number | undefined;

  constructor(private readonly path: string) {
    super();
  }

  /** A full page goes to the file; its arrays are filled again. */
  protected override keepPage(): void {
    this.fd ??= openSync(this.path, 'w+');
    writeFileSync(this.fd, bytesOf(this.terms));
    writeFileSync(this.fd, bytesOf(this.tfs));
  }

  protected override *fullPages(): Iterable<[Int32Array, Uint16Array]> {
    const fd = this.fd;
    if (fd === undefined) return;
    const fullPages = (this.length - this.fill) / PAGE;
    const terms = new Int32Array(PAGE);
    const tfs = new Uint16Array(PAGE);
    for (let k = 0; k < fullPages; k++) {
      readFully(fd, bytesOf(terms), k * PAGE * 6);
      readFully(fd, bytesOf(tfs), k * PAGE * 6 + PAGE * 4);
      yield [terms, tfs];
    }
  }

  override dispose(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    rmSync(this.path, { force: true });
    super.dispose();
  }
}

const bytesOf = (a: Int32Array | Uint16Array): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

function readFully(fd: number, into: Uint8Array, position: number): void {
  for (let done = 0; done < into.length;) {
    const n = readSync(fd, into, done, into.length - done, position + done);
    if (n === 0)
      throw new IndexError(
        'A scratch postings file ended early while the lexical index was built; run the ingest again.',
      );
    done += n;
  }
}

/** A report and how many chunks (lexical documents) it has. */
export interface ReportChunkCount {
  id: string;
  chunkCount: number;
}

/** The previous generation's lexical index, if it can be read and holds exactly its reports' chunks. */
function readPreviousLexical(dir: string, reports: ReportChunkCount[]): LexicalIndex | undefined {
  try {
    const index = LexicalIndex.deserialize(readFileSync(join(dir, 'lexical.bin')));
    return index.size === reports.reduce((n, r) => n + r.chunkCount, 0) ? index : undefined;
  } catch {
    return undefined; // its reports are indexed again from their stored text
  }
}

/** Adds the counts of a "word<TAB>count" file to `into`. */
function addWordCounts(path: string, into: Map<string, number>): void {
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) into.set(line.slice(0, tab), (into.get(line.slice(0, tab)) ?? 0) + Number(line.slice(tab + 1)));
  }
}

function sha1(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/**
 * A report body read from `path`, refused when it is not the file the index wrote (its checksum differs) or cannot be
 * decoded.
 */
function checkedReportBody(bytes: Buffer, id: string, path: string, expectedSha1: string | undefined): ReportBody {
  // A changed byte in a report's text would be quoted as verbatim under a correct citation: never serve it.
  if (expectedSha1 && sha1(bytes) !== expectedSha1)
    throw new IndexError(
      `The index report file for "${id}" (${path}: its checksum does not match) is missing or corrupt; ${REBUILD}.`,
    );
  try {
    return decodeReportBody(bytes, id);
  } catch (cause) {
    throw new IndexError(`The index report file for "${id}" (${path}) is missing or corrupt; ${REBUILD}.`, { cause });
  }
}

/**
 * A report whose id and metadata (from the manifest) are there at once and whose text and
 * paragraphs are read from its file the first time they are needed: start-up reads no report
 * text, and a question reads only the reports its candidates are in. `readReportsAhead` can
 * read them before any question does.
 */
class StoredReport implements ParsedReport {
  private body?: ReportBody;

  constructor(
    readonly id: string,
    readonly meta: ReportMeta,
    private readonly store: IndexStore,
    private readonly dir: string,
    private readonly sha1?: string,
  ) {}

  get text(): string {
    return this.load().text;
  }

  get paragraphs(): ReportBody['paragraphs'] {
    return this.load().paragraphs;
  }

  get loaded(): boolean {
    return this.body !== undefined;
  }

  get path(): string {
    return this.store.reportPath(this.dir, this.id);
  }

  /** Keeps a body read elsewhere (unless one was read meanwhile). */
  fill(bytes: Buffer): void {
    this.body ??= checkedReportBody(bytes, this.id, this.path, this.sha1);
  }

  private load(): ReportBody {
    this.body ??= this.store.readReport(this.dir, this.id, this.sha1);
    return this.body;
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
      if (done.bytes + (await stat(report.path)).size > budget) return { ...done, stopped: 'budget' };
      bytes = await readFile(report.path);
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
 * Loads the live index into memory. Returns undefined when nothing was built yet.
 * @throws IndexError when files are missing, corrupt or of another format version
 */
export function loadIndex(store: IndexStore): { index: CorpusIndex; manifest: Manifest } | undefined {
  const manifest = store.manifest();
  const dir = store.current();
  if (!manifest || !dir) return undefined;
  const index = new CorpusIndex();
  for (const [id, entry] of Object.entries(manifest.reports))
    index.addReport(
      new StoredReport(id, entry.meta, store, dir, entry.bodySha1),
      store.readChunks(dir, id, entry.chunkCount),
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
  const lexicalPath = join(dir, 'lexical.bin');
  if (!existsSync(lexicalPath) || statSync(lexicalPath).size !== manifest.lexicalBytes)
    throw new IndexError(`The lexical index ${lexicalPath} is missing or truncated; ${REBUILD}.`);
  const lexicalBytes = readFileSync(lexicalPath);
  if (manifest.lexicalSha1 && sha1(lexicalBytes) !== manifest.lexicalSha1)
    throw new IndexError(`The lexical index ${lexicalPath} is corrupt (its checksum does not match); ${REBUILD}.`);
  try {
    index.useLexical(LexicalIndex.deserialize(lexicalBytes));
  } catch (cause) {
    throw new IndexError(`The lexical index ${lexicalPath} is corrupt; ${REBUILD}.`, { cause });
  }
  if (manifest.model && manifest.hnswBytes) {
    const path = join(dir, 'hnsw.bin');
    if (!existsSync(path) || statSync(path).size !== manifest.hnswBytes)
      throw new IndexError(`The vector index ${path} is missing or truncated; ${REBUILD}.`);
    // Checked before the native reader sees it: a few flipped bytes could make it crash the process without a word.
    if (manifest.hnswSha1 && sha1(readFileSync(path)) !== manifest.hnswSha1)
      throw new IndexError(`The vector index ${path} is corrupt (its checksum does not match); ${REBUILD}.`);
    try {
      index.vectors = VectorIndex.load(path, manifest.model.dim);
    } catch (cause) {
      throw new IndexError(`The vector index ${path} is corrupt; ${REBUILD}.`, { cause });
    }
  }
  return { index, manifest };
}
