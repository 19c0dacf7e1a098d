/**
 * The index's on-disk format (see store.ts for the layout): its version, the manifest's shape,
 * and the file helpers the store, the writer and the loader share: durable writes, checked
 * reads, and the error that tells how to rebuild.
 */
import { createHash } from '../hash.js';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import type { FileStamp } from '../corpus/files.js';
import type { ReportMeta } from '../corpus/types.js';
import { IndexError } from '../errors.js';
import { decodeReportBody, type ReportBody } from './report-file.js';

/** Bump when the layout or any stored shape changes; older indexes are then refused with a rebuild hint. */
export const FORMAT_VERSION = 10;
/**
 * Versions this program reads: an index of version 9 is one of version 10 whose report files do not hold their
 * abbreviations (report-file.ts format 1), and one of version 8 also has no tail.
 */
export const READABLE_VERSIONS = [8, 9, FORMAT_VERSION];

export interface ReportEntry {
  file: string;
  hash: string;
  /** The file's stamp when it was read (corpus/files.ts): an unchanged stamp skips reading it. */
  stamp?: FileStamp | undefined;
  chunkCount: number;
  /**
   * Labels firstLabel … firstLabel+chunkCount-1 belong to this report's chunks, in order: a chunk's vector is its row
   * of vectors/<id>.f32, and the graph holds each paragraph under its first chunk's label.
   */
  firstLabel: number;
  meta: ReportMeta;
  /** When this report first entered the index (kept across re-ingests of a changed file). */
  addedAt: string;
  /**
   * CRC-32 of its reports/<id>.bin as written: the text is checked against it before any quote is served
   * (bodyChecksum). An index written before has the file's SHA-1 instead (`bodySha1`), checked the same way.
   */
  bodyCrc32?: number | undefined;
  bodySha1?: string | undefined;
  /**
   * How high off-topic questions reach among its sentences (mean and spread of the best similarity each probe of
   * `Manifest.offTopicProbes` reaches), measured when it was embedded so that no question has to read all its vectors.
   */
  offTopic?: OffTopicLevel | undefined;
}

export interface OffTopicLevel {
  mean: number;
  sd: number;
}

/** The tail's files (see Manifest.tail). */
export const TAIL_LEXICAL = 'tail-lexical.bin';
export const TAIL_GRAPH = 'tail-hnsw.bin';

export interface Tail {
  ids: string[];
  /** Byte size of tail-lexical.bin. */
  lexicalBytes: number;
  /** Byte size and CRC-32 of tail-hnsw.bin, for an index with vectors. */
  hnswBytes?: number | undefined;
  hnswCrc32?: number | undefined;
}

/** The reports of the main index, in its document order, and the tail's, in its own: an index's reports in order. */
export function segmentOrder(manifest: Pick<Manifest, 'reports' | 'tail'>): { main: string[]; tail: string[] } {
  const tail = manifest.tail?.ids ?? [];
  const inTail = new Set(tail);
  return { main: Object.keys(manifest.reports).filter((id) => !inTail.has(id)), tail };
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
  /** Byte size of lexical.bin (which checks itself: a checksum of its head, and one per term's postings). */
  lexicalBytes: number;
  /**
   * CRC-32 of hnsw.bin, checked at load (a flipped byte in it can crash the native reader): a tenth of SHA-1's time on
   * the 622 MB graph of 10,000 reports.
   */
  hnswCrc32?: number;
  /** SHA-1 of hnsw.bin, as indexes written before 2026-12-03 check it. */
  hnswSha1?: string;
  /**
   * Reports added since lexical.bin and hnsw.bin were built, in an index of their own beside them (tail-lexical.bin,
   * tail-hnsw.bin) and searched with them as one: adding a report rewrites only these small files. Their ids in the
   * tail's document order; the other reports are the main index's, in manifest order (segmentOrder).
   */
  tail?: Tail | undefined;
  /** Which off-topic probes the reports' `offTopic` levels were measured with (the answer side's signature of them). */
  offTopicProbes?: string | undefined;
  builtAt: string;
}

export const REBUILD = 'run `npm run ingest -- --rebuild` to rebuild it from the corpus';

/** Bytes of a large file read at a time (the 622 MB graph of 10,000 reports is never held whole for its checksum). */
export const PIECE = 4 << 20;

/** Hands a file's bytes to `each` a piece at a time, in order (a read whole maps fresh memory page by page). */
export function eachPiece(path: string, each: (piece: Uint8Array) => void): void {
  const piece = Buffer.allocUnsafeSlow(PIECE);
  const fd = openSync(path, 'r');
  try {
    for (let n; (n = readSync(fd, piece, 0, PIECE, null)) > 0;) each(piece.subarray(0, n));
  } finally {
    closeSync(fd);
  }
}

export function writeFileDurable(path: string, data: string | Uint8Array | Uint8Array[]): void {
  const fd = openSync(path, 'w');
  try {
    if (Array.isArray(data)) for (const part of data) writeFileSync(fd, part);
    else writeFileSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function readJson(path: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new IndexError(`The index ${what} (${path}) is missing or corrupt; ${REBUILD}.`, { cause });
  }
}

/** Each "key<TAB>value" line of a file, in order (lines without a key skipped). */
function eachKeyedLine(path: string, each: (key: string, value: string) => void): void {
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) each(line.slice(0, tab), line.slice(tab + 1));
  }
}

/** Adds the counts of a "word<TAB>count" file to `into`. */
export function addWordCounts(path: string, into: Map<string, number>): void {
  eachKeyedLine(path, (word, count) => into.set(word, (into.get(word) ?? 0) + Number(count)));
}

/**
 * A generation's compounds.tsv ("term<TAB>whole,whole" per line: generation-writer.ts writeVocabulary), or undefined
 * when it has none (written without a dictionary, or by a version before it was kept): the caller finds them itself.
 */
export function readCompounds(path: string): Map<string, string[]> | undefined {
  if (!existsSync(path)) return undefined;
  const compounds = new Map<string, string[]>();
  eachKeyedLine(path, (term, wholes) => compounds.set(term, wholes.split(',')));
  return compounds;
}

function sha1(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/**
 * What a report's file is checked against: its CRC-32 as `crc32:<n>`, or for an index written before, its SHA-1 (a CRC
 * needs no node:crypto, 6 ms of a one-question run, and finds a damaged file as surely).
 */
export function bodyChecksum(entry: Pick<ReportEntry, 'bodyCrc32' | 'bodySha1'>): string | undefined {
  return entry.bodyCrc32 !== undefined ? `crc32:${entry.bodyCrc32}` : entry.bodySha1;
}

/** Whether bytes match a checksum bodyChecksum gave. */
export function matchesChecksum(bytes: Uint8Array, checksum: string): boolean {
  return checksum.startsWith('crc32:') ? crc32(bytes) === Number(checksum.slice(6)) : sha1(bytes) === checksum;
}

/**
 * A report body read from `path`, refused when it is not the file the index wrote (its checksum differs) or cannot be
 * decoded.
 */
export function checkedReportBody(bytes: Buffer, id: string, path: string, checksum: string | undefined): ReportBody {
  // A changed byte in a report's text would be quoted as verbatim under a correct citation: never serve it.
  if (checksum && !matchesChecksum(bytes, checksum))
    throw new IndexError(
      `The index report file for "${id}" (${path}: its checksum does not match) is missing or corrupt; ${REBUILD}.`,
    );
  try {
    return decodeReportBody(bytes, id);
  } catch (cause) {
    throw new IndexError(`The index report file for "${id}" (${path}) is missing or corrupt; ${REBUILD}.`, { cause });
  }
}

/** What the writer and the loader read from a generation through the store. */
export interface GenerationFiles {
  reportPath(dir: string, id: string): string;
  readReport(dir: string, id: string, checksum?: string): ReportBody;
  readChunks(dir: string, id: string, count: number): Int32Array;
}
