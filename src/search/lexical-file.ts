/**
 * lexical.bin, the lexical index's file, and the two ways of reading it: whole (`readLexicalBytes`, for tests and
 * small tools) or by its head only, each term's postings then read from the file when a question first needs them
 * (`openLexicalFile`: at 10,000 reports the postings are a gigabyte a running bot need not hold).
 *
 * Layout (little-endian; format 3):
 *   "RQBLEX1\n" · u32 header length · header JSON {version, terms, postings, documents}, space-padded to 4 bytes
 *   offsets  i32 × (terms + 1)     term i's postings are postings offsets[i] … offsets[i+1]
 *   docs     i32 × postings        documents, ascending within a term
 *   tfs      u16 × postings        weighted term frequencies × 10 (padded to 4 bytes)
 *   lengths  f32 × documents
 *   crcs     u32 × terms           CRC-32 of each term's docs bytes then its tfs bytes, checked on its first read
 *   u32 CRC-32 of the header, offsets, lengths and crcs, checked when the file is opened
 */
import { closeSync, fstatSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { describeError, IndexError } from '../errors.js';
import {
  LexicalIndex,
  MemoryPostings,
  PostingArena,
  type LexicalData,
  type TermBatches,
  type PostingSource,
  type Postings,
} from './bm25.js';
import { REBUILD } from './index-format.js';
import { OpenFiles, readFully } from './open-files.js';

const MAGIC = 'RQBLEX1\n';
const LEXICAL_FORMAT = 3;

interface Header {
  version: number;
  terms: string[];
  postings: number;
  documents: number;
}

/** Byte positions of each part of a file with this header. */
function layout(headerBytes: number, h: Header) {
  const offsets = MAGIC.length + 4 + headerBytes;
  const docs = offsets + 4 * (h.terms.length + 1);
  const tfs = docs + 4 * h.postings;
  const lengths = tfs + 2 * h.postings + (h.postings % 2) * 2;
  const crcs = lengths + 4 * h.documents;
  const trailer = crcs + 4 * h.terms.length;
  return { offsets, docs, tfs, lengths, crcs, trailer, size: trailer + 4 };
}

const bytesOf = (a: Int32Array | Uint16Array | Float32Array | Uint32Array): Uint8Array =>
  new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** The file's bytes as consecutive parts (arrays as views where they are in memory), for writing without one buffer. */
export function lexicalFileParts(index: LexicalIndex): Uint8Array[] {
  const { terms, offsets, lengths } = index.data;
  const { docs, tfs } = allPostings(index);
  const crcs = new Uint32Array(terms.length);
  addTermCrcs(crcs, offsets, 0, terms.length, docs, tfs);
  const { before, after } = headParts(terms, offsets, lengths, crcs);
  return [...before, bytesOf(docs), bytesOf(tfs), ...(docs.length % 2 === 1 ? [new Uint8Array(2)] : []), ...after()];
}

/**
 * Writes lexical.bin from an index given in batches of terms (LexicalIndexBuilder.inBatches, LexicalIndex.concatInBatches), each batch's postings
 * written in place as it comes, so the postings are never all in memory; the same bytes as `lexicalFileParts`. Synced
 * to disk; returns the file's size.
 */
export function writeLexicalFile(path: string, index: TermBatches): number {
  const { terms, offsets, lengths } = index;
  const crcs = new Uint32Array(terms.length);
  const { before, after, places } = headParts(terms, offsets, lengths, crcs);
  const postings = offsets[terms.length]!;
  const fd = openSync(path, 'w');
  try {
    const write = (bytes: Uint8Array, position: number): void => {
      for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done, position + done);
    };
    write(Buffer.concat(before), 0);
    for (const { from, to, docs, tfs } of index.batches()) {
      addTermCrcs(crcs, offsets, from, to, docs, tfs);
      write(bytesOf(docs), places.docs + 4 * offsets[from]!);
      write(bytesOf(tfs), places.tfs + 2 * offsets[from]!);
    }
    write(new Uint8Array(places.lengths - (places.tfs + 2 * postings)), places.tfs + 2 * postings); // padding
    // The trailer's CRC covers the term CRCs: the parts after the postings are made once every batch is in.
    write(Buffer.concat(after()), places.lengths);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return places.size;
}

/**
 * CRC-32 of each term `from` … `to` − 1 (its docs bytes, then its tfs bytes) into `crcs`; `docs` and `tfs` hold the
 * postings of those terms only, from term `from`'s first.
 */
function addTermCrcs(
  crcs: Uint32Array,
  offsets: Int32Array,
  from: number,
  to: number,
  docs: Int32Array,
  tfs: Uint16Array,
): void {
  const base = offsets[from]!;
  for (let i = from; i < to; i++) {
    const [a, b] = [offsets[i]! - base, offsets[i + 1]! - base];
    crcs[i] = crc32(bytesOf(tfs.subarray(a, b)), crc32(bytesOf(docs.subarray(a, b))));
  }
}

/** The parts before the postings (magic, header, offsets), those after them (lengths, term CRCs, trailer), and where each part goes. */
function headParts(terms: string[], offsets: Int32Array, lengths: Float32Array, crcs: Uint32Array) {
  const postings = offsets[terms.length]!;
  const fields: Header = { version: LEXICAL_FORMAT, terms, postings, documents: lengths.length };
  const json = Buffer.from(JSON.stringify(fields));
  const header = Buffer.concat([json, Buffer.alloc((4 - ((MAGIC.length + 4 + json.length) % 4)) % 4, 0x20)]);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  const after = (): Uint8Array[] => {
    const trailer = Buffer.alloc(4);
    trailer.writeUInt32LE(crcOf([header, bytesOf(offsets), bytesOf(lengths), bytesOf(crcs)]));
    return [bytesOf(lengths), bytesOf(crcs), trailer];
  };
  return {
    before: [Buffer.from(MAGIC), length, header, bytesOf(offsets)],
    after,
    places: layout(header.length, fields),
  };
}

/** Every posting of the index as two arrays in term order (views when they are in memory, else read term by term). */
function allPostings(index: LexicalIndex): { docs: Int32Array; tfs: Uint16Array } {
  const { postings, offsets, terms } = index.data;
  if (postings instanceof MemoryPostings) return postings;
  const docs = new Int32Array(offsets[terms.length]!);
  const tfs = new Uint16Array(docs.length);
  const arena = new PostingArena();
  for (let i = 0; i < terms.length; i++) {
    arena.reset();
    const [d, t] = postings.read(i, offsets[i]!, offsets[i + 1]!, arena);
    docs.set(d, offsets[i]);
    tfs.set(t, offsets[i]);
  }
  return { docs, tfs };
}

/** A lexical index from the whole file's bytes; throws on anything else or on a checksum that does not match. */
export function readLexicalBytes(buffer: Uint8Array): LexicalIndex {
  const at = (from: number, bytes: number): Uint8Array => {
    if (from + bytes > buffer.length) throw new Error(`lexical index is ${buffer.length} bytes, too short`);
    return buffer.subarray(from, from + bytes);
  };
  const { header, places, head } = readHead(at, buffer.length);
  // The postings are viewed in place where the bytes are aligned (a whole-file read is), not copied: an ingest reads the
  // previous file this way, a gigabyte at 10,000 reports.
  const aligned = (buffer.byteOffset + places.docs) % 4 === 0;
  const bytes = (from: number, n: number): Uint8Array => (aligned ? at(from, n) : copy(at(from, n)));
  const docsBytes = bytes(places.docs, 4 * header.postings);
  const tfsBytes = bytes(places.tfs, 2 * header.postings);
  const docs = new Int32Array(docsBytes.buffer, docsBytes.byteOffset, header.postings);
  const tfs = new Uint16Array(tfsBytes.buffer, tfsBytes.byteOffset, header.postings);
  const index = new LexicalIndex({ ...head, postings: new MemoryPostings(docs, tfs) });
  for (let i = 0; i < header.terms.length; i++) checkTerm(head, i, docs, tfs, head.offsets[i]!, head.offsets[i + 1]!);
  return index;
}

/**
 * A lexical index reading its head from `path` now and each term's postings from the file when first asked for
 * (positioned reads). The file must stay in place while the index is used (an
 * index generation is immutable and kept until the next but one replaces it).
 * @throws Error when the file is not a lexical index, is truncated or its head's checksum does not match
 */
export function openLexicalFile(path: string): LexicalIndex {
  return new LexicalIndex(openLexicalData(path));
}

/** What `openLexicalFile` reads, without making an index of it (one joined to another: lexical-segments.ts). */
export function openLexicalData(path: string): LexicalData {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const at = (from: number, bytes: number): Uint8Array => {
      const into = new Uint8Array(bytes);
      if (from + bytes > size || readFully(fd, into, from) !== bytes)
        throw new Error(`lexical index is ${size} bytes, too short`);
      return into;
    };
    const { places, head } = readHead(at, size);
    return { ...head, postings: new FilePostings(path, places, head) };
  } finally {
    closeSync(fd);
  }
}

interface Head {
  terms: string[];
  offsets: Int32Array;
  lengths: Float32Array;
  crcs: Uint32Array;
}

/** Reads and checks everything but the postings. */
function readHead(
  at: (from: number, bytes: number) => Uint8Array,
  size: number,
): { header: Header; places: ReturnType<typeof layout>; head: Head } {
  if (Buffer.from(at(0, MAGIC.length)).toString() !== MAGIC) throw new Error('not a lexical index file');
  const headerBytes = Buffer.from(at(MAGIC.length, 4)).readUInt32LE(0);
  const headerRaw = at(MAGIC.length + 4, headerBytes);
  const header = JSON.parse(Buffer.from(headerRaw).toString()) as Header;
  if (header.version !== LEXICAL_FORMAT)
    throw new Error(`lexical index format ${header.version}, expected ${LEXICAL_FORMAT}`);
  const places = layout(headerBytes, header);
  if (size !== places.size) throw new Error(`lexical index is ${size} bytes, expected ${places.size}`);
  const v = header.terms.length;
  const raw = {
    offsets: copy(at(places.offsets, 4 * (v + 1))),
    lengths: copy(at(places.lengths, 4 * header.documents)),
    crcs: copy(at(places.crcs, 4 * v)),
  };
  const expected = Buffer.from(at(places.trailer, 4)).readUInt32LE(0);
  if (crcOf([headerRaw, raw.offsets, raw.lengths, raw.crcs]) !== expected)
    throw new Error('lexical index is corrupt: the checksum of its head does not match');
  const head = {
    terms: header.terms,
    offsets: new Int32Array(raw.offsets.buffer),
    lengths: new Float32Array(raw.lengths.buffer),
    crcs: new Uint32Array(raw.crcs.buffer),
  };
  return { header, places, head };
}

/** CRC-32 of parts in turn (an empty part is skipped: zlib.crc32 returns 0 for one whose buffer is empty). */
function crcOf(parts: Uint8Array[]): number {
  return parts.reduce((crc, part) => (part.byteLength ? crc32(part, crc) : crc), 0);
}

/** A copy in its own (aligned) buffer. */
function copy(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes);
}

/** Throws when term `id`'s postings do not match their checksum. */
function checkTerm(head: Head, id: number, docs: Int32Array, tfs: Uint16Array, from: number, to: number): void {
  const crc = crc32(bytesOf(tfs.subarray(from, to)), crc32(bytesOf(docs.subarray(from, to))));
  if (crc !== head.crcs[id])
    throw new Error(`lexical index is corrupt: the postings of "${head.terms[id]}" do not match their checksum`);
}

/**
 * The lexical index files kept open between questions: two, the main index's and its tail's (store.ts), the ones read
 * last, so a replaced generation's files (a gigabyte at 10,000 reports) are closed, and their space freed, at the first
 * reads of the new one.
 */
const LEXICAL_FILES = new OpenFiles(2);

/** A term with at most this many postings is kept in memory once read (96 kB); a longer one is read each time. */
const KEPT_POSTINGS = 16_384;
/** Short terms' postings kept, at most this many bytes (the most recently read first). */
const KEPT_BYTES = 16 << 20;

/**
 * Term postings read from the index file when asked for, each checked against its checksum the first time. Short terms
 * (most of a small index) are kept once read: a question reads dozens. Long ones are read into the caller's reused
 * memory every time: the system's file cache holds what is read often, and such a read costs little more than a copy,
 * where fresh arrays for a million postings cost ten times as much.
 */
class FilePostings implements PostingSource {
  private readonly checked: Uint8Array;
  private readonly kept = new Map<number, Postings>();
  private keptBytes = 0;

  constructor(
    private readonly path: string,
    private readonly places: ReturnType<typeof layout>,
    private readonly head: Head,
  ) {
    this.checked = new Uint8Array(head.terms.length);
  }

  read(id: number, from: number, to: number, arena: PostingArena): Postings {
    const [first, end] = [this.head.offsets[id]!, this.head.offsets[id + 1]!];
    const short = end - first <= KEPT_POSTINGS;
    if (short || (!this.checked[id] && (from !== first || to !== end))) {
      // The whole term: kept when short, or read once to check it before any part of it is read alone.
      const whole = short ? this.shortTerm(id, first, end) : this.readInto(arena.take(end - first), id, first);
      if (from === first && to === end) return whole;
      return [whole[0].subarray(from - first, to - first), whole[1].subarray(from - first, to - first)];
    }
    return this.readInto(arena.take(to - from), id, from);
  }

  /** A short term's postings, from memory or read and kept. */
  private shortTerm(id: number, first: number, end: number): Postings {
    let postings = this.kept.get(id);
    if (postings) {
      this.kept.delete(id);
    } else {
      postings = this.readInto([new Int32Array(end - first), new Uint16Array(end - first)], id, first);
      this.keptBytes += 6 * (end - first);
      for (const [old, p] of this.kept) {
        if (this.keptBytes <= KEPT_BYTES) break;
        this.kept.delete(old);
        this.keptBytes -= 6 * p[0].length;
      }
    }
    this.kept.set(id, postings);
    return postings;
  }

  /** Reads postings `from` … of term `id` into `into`; checks the term's checksum on its first whole read. */
  private readInto(into: Postings, id: number, from: number): Postings {
    const [docs, tfs] = into;
    try {
      if (
        LEXICAL_FILES.read(this.path, bytesOf(docs), this.places.docs + 4 * from) !== docs.byteLength ||
        LEXICAL_FILES.read(this.path, bytesOf(tfs), this.places.tfs + 2 * from) !== tfs.byteLength
      )
        throw new Error('the file ended early');
      if (!this.checked[id]) checkTerm(this.head, id, docs, tfs, 0, docs.length);
    } catch (cause) {
      throw new IndexError(`The lexical index ${this.path} could not be read (${describeError(cause)}); ${REBUILD}.`, {
        cause,
      });
    }
    this.checked[id] = 1;
    return into;
  }
}
