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
 *   index/gen-…/compounds.tsv         the reports' closed compounds by part (vocabulary.ts compoundsIn), when a dictionary
 *                                     was at hand
 *   index/gen-…/vectors/<id>.f32      float32 vectors of that report's chunks (when a model was loaded), read per report by a question
 *   index/gen-…/lexical.bin           the lexical (BM25) index over every chunk, in manifest order (lexical-file.ts): its
 *                                     head read at load, each word's postings when a question first needs them
 *   index/gen-…/hnsw.bin              HNSW graph over runs of a paragraph's sentences (each under its first chunk's label)
 *   index/gen-…/tail-lexical.bin      the same two for the reports added since lexical.bin and hnsw.bin were built (the
 *   index/gen-…/tail-hnsw.bin         manifest's `tail`), searched with them as one; an ingest that adds a report
 *                                     rewrites these and takes the two main files over from the previous generation
 * index/gen-…/postings-*.tmp        scratch: postings waiting for lexical.bin while an ingest writes (deleted before
 * commit)
 */
import {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { IndexError } from '../errors.js';
import { GenerationWriter } from './generation-writer.js';
import { OpenFiles, readFully } from './open-files.js';
import {
  bodyChecksum,
  checkedReportBody,
  eachPiece,
  FORMAT_VERSION,
  READABLE_VERSIONS,
  readJson,
  TAIL_GRAPH,
  REBUILD,
  writeFileDurable,
  type FailedConversion,
  type GenerationFiles,
  type Manifest,
} from './index-format.js';
import type { ReportBody } from './report-file.js';

export {
  FORMAT_VERSION,
  segmentOrder,
  TAIL_GRAPH,
  TAIL_LEXICAL,
  type FailedConversion,
  type Manifest,
  type ReportEntry,
} from './index-format.js';
export { GenerationWriter, type ReportChunkCount } from './generation-writer.js';

export class IndexStore implements GenerationFiles {
  readonly root: string;
  /** The manifest last read, by its generation and file's time and size (see `manifest`). */
  private lastManifest?: { stamp: string; manifest: Manifest };
  /** Vector files kept open between questions. */
  private readonly vectorFiles = new OpenFiles();
  /** Memory a report file is read into, reused (see readReport). */
  private reportBytes = Buffer.alloc(0);
  /** The report files of one generation whose checksum matched, with it (see readReport). */
  private checkedReports = { dir: '', files: new Set<string>() };

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

  /**
   * The live manifest, or undefined when there is no index yet. Refuses other format versions. Read again only when
   * the generation or its file changed: a start that checks the index is up to date and then loads it reads its
   * megabytes (at 10,000 reports) once.
   */
  manifest(): Manifest | undefined {
    const dir = this.current();
    if (!dir) return undefined;
    const path = join(dir, 'manifest.json');
    const file = statSync(path, { bigint: true, throwIfNoEntry: false });
    const stamp = file ? `${dir} ${file.mtimeNs} ${file.size}` : '';
    if (this.lastManifest && this.lastManifest.stamp === stamp) return this.lastManifest.manifest;
    const manifest = readJson(path, 'manifest') as Manifest;
    if (
      typeof manifest !== 'object' ||
      manifest === null ||
      typeof manifest.reports !== 'object' ||
      manifest.reports === null
    ) {
      throw new IndexError(`The index manifest (${join(dir, 'manifest.json')}) is malformed; ${REBUILD}.`);
    }
    if (!READABLE_VERSIONS.includes(manifest.formatVersion)) {
      throw new IndexError(
        `The index in ${this.root} has format version ${manifest.formatVersion}, this program reads version ${FORMAT_VERSION}; ${REBUILD}.`,
      );
    }
    this.lastManifest = { stamp, manifest };
    return manifest;
  }

  /** Where a report's text and paragraphs are stored in generation `dir`. */
  reportPath(dir: string, id: string): string {
    return join(dir, 'reports', `${id}.bin`);
  }

  /**
   * A report's text and paragraphs (its id and metadata are in the manifest), checked against `checksum` the first
   * time this store reads the file (a generation's files never change once written; a damaged one is found before any
   * of it is served).
   */
  readReport(dir: string, id: string, checksum?: string): ReportBody {
    const path = this.reportPath(dir, id);
    let bytes: Buffer;
    try {
      bytes = readFileInto(path, (size) => this.reportRoom(size))!;
    } catch (cause) {
      throw new IndexError(`The index report file for "${id}" (${path}) is missing or corrupt; ${REBUILD}.`, { cause });
    }
    // Only the generation read last is remembered: a bot that takes in reports every day keeps no list of old ones.
    if (this.checkedReports.dir !== dir) this.checkedReports = { dir, files: new Set() };
    const checked = `${id}\n${checksum}`;
    const { files } = this.checkedReports;
    const body = checkedReportBody(bytes, id, path, files.has(checked) ? undefined : checksum);
    if (checksum) files.add(checked);
    return body;
  }

  /**
   * Notes a report file of generation `dir` as checked against `checksum` (checkReportsAhead did): its first read
   * by a question then only decodes it.
   */
  markChecked(dir: string, id: string, checksum: string): void {
    if (this.checkedReports.dir !== dir) this.checkedReports = { dir, files: new Set() };
    this.checkedReports.files.add(`${id}\n${checksum}`);
  }

  /**
   * Room for a report file's bytes, reused by every read (good until the next): a report's bytes are decoded into its
   * text and paragraphs at once, and fresh memory for each cost more than the read (at 10,000 reports, re-ranking reads
   * the bodies of reports outside the read-ahead).
   */
  private reportRoom(size: number): Buffer {
    if (this.reportBytes.length < size)
      this.reportBytes = Buffer.allocUnsafe(Math.max(size, 2 * this.reportBytes.length));
    return this.reportBytes.subarray(0, size);
  }

  /** A report's chunks from its compact file, as rows of paragraph, start, end, without reading the report. */
  readChunks(dir: string, id: string, count: number): Int32Array {
    const path = join(dir, 'chunks', `${id}.i32`);
    const rows = new Int32Array(count * 3);
    const whole = new Uint8Array(rows.buffer);
    let bytes: Uint8Array | undefined;
    try {
      // Straight into the rows, when the file is as long as they are.
      bytes = readFileInto(path, (size) => (size === whole.length ? whole : undefined));
    } catch (cause) {
      if (count === 0 && (cause as NodeJS.ErrnoException).code === 'ENOENT') return rows; // no chunks, no file
      throw new IndexError(`The chunk file ${path} is missing or unreadable; ${REBUILD}.`, { cause });
    }
    if (bytes?.length !== whole.length)
      throw new IndexError(`The chunk file ${path} is missing or truncated; ${REBUILD}.`);
    return rows;
  }

  /** Rows `from` … `to` − 1 of a report's vector file, with one positioned read (the file kept open: OpenFiles). */
  readVectorRows(dir: string, id: string, dim: number, from: number, to: number, into?: Float32Array): Float32Array {
    const path = join(dir, 'vectors', `${id}.f32`);
    const rows = into ? into.subarray(0, (to - from) * dim) : new Float32Array((to - from) * dim);
    const bytes = new Uint8Array(rows.buffer, rows.byteOffset, rows.byteLength);
    let read = 0;
    try {
      read = this.vectorFiles.read(path, bytes, from * dim * 4);
    } catch (cause) {
      throw new IndexError(`The vector file ${path} is missing or unreadable; ${REBUILD}.`, { cause });
    }
    if (read !== bytes.length) throw new IndexError(`The vector file ${path} is truncated; ${REBUILD}.`);
    return rows;
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

  /** Makes a written generation (its word list written: writeVocabulary) live, one atomic rename, and deletes the older ones. */
  commit(writer: GenerationWriter, manifest: Manifest): void {
    // Checksums of what the generation holds, so a damaged file is found before it is used (a new report's body, and
    // a carried-over one's from an index written before checksums; the others keep theirs).
    for (const [id, entry] of Object.entries(manifest.reports))
      if (bodyChecksum(entry) === undefined) entry.bodyCrc32 = crc32(readFileSync(this.reportPath(writer.dir, id)));
    // A graph taken over from the previous generation keeps its checksum (at 10,000 reports, 622 MB read again).
    const crcOf = (file: string): number | undefined => {
      if (!existsSync(join(writer.dir, file))) return undefined;
      let crc = 0;
      eachPiece(join(writer.dir, file), (piece) => void (crc = crc32(piece, crc)));
      return crc;
    };
    if (manifest.hnswCrc32 === undefined && manifest.hnswSha1 === undefined) {
      const crc = crcOf('hnsw.bin');
      if (crc !== undefined) manifest.hnswCrc32 = crc;
    }
    if (manifest.tail) manifest.tail.hnswCrc32 = crcOf(TAIL_GRAPH);
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

/**
 * Reads the file at `path` whole into the memory `room(size)` gives, or not at all when it gives none (a file of the
 * wrong size); returns the part read. One open, one stat and a read, without the fresh buffer readFileSync makes.
 */
function readFileInto<T extends Uint8Array>(path: string, room: (size: number) => T | undefined): T | undefined {
  const fd = openSync(path, 'r');
  try {
    const into = room(fstatSync(fd).size);
    return into && (into.subarray(0, readFully(fd, into, 0)) as T);
  } finally {
    closeSync(fd);
  }
}
