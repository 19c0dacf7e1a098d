/**
 * The graph file's vectors searched exactly, without building the graph: a search reads hnswlib's file a few
 * megabytes at a time into one buffer and compares the query with each live element's vector in its level-0 record.
 * For a process that asks a question or a few (the CLI) this is far quicker than hnswlib's reading of the file into
 * its own structures (at 10,000 reports, 622 MB: ~6 s, most of it the machine mapping fresh memory page by page;
 * copying the vectors into one array of our own was no better) — a scan reads the cached file in ~40 ms and compares
 * in ~100 ms, and holds 4 MB. A running bot, asked again and again, keeps hnswlib's graph (vector-index.ts).
 *
 * hnswlib's file (hnswalg.h saveIndex): a 96-byte header, then one record per element — link count and links
 * (size_links_level0), the vector (dim float32), the label (size_t) — then the upper levels' links, not read here. An
 * element marked deleted has bit 0 of its record's third byte set.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { PIECE } from './index-format.js';
import type { VectorHit } from './vector-index.js';

/** Bytes of hnswlib's header: six size_t, two int, three size_t, a double, a size_t. */
const HEADER = 96;

/** What a dense search needs of a graph: hnswlib's (VectorIndex) or this exact scan. */
export interface DenseGraph {
  readonly dim: number;
  readonly count: number;
  search(vector: Float32Array, k: number): VectorHit[];
}

/**
 * Graphs over disjoint labels searched as one (an index's main graph and its tail's, store.ts): each gives its `k`
 * best, the best `k` of them all are returned. One graph is returned as it is.
 */
export function joinGraphs(graphs: DenseGraph[]): DenseGraph {
  if (graphs.length === 1) return graphs[0]!;
  return {
    dim: graphs[0]!.dim,
    count: graphs.reduce((n, g) => n + g.count, 0),
    search: (vector, k) =>
      graphs
        .flatMap((g) => g.search(vector, k))
        .sort((a, b) => b.similarity - a.similarity || a.label - b.label)
        .slice(0, k),
  };
}

/** Where the parts of a record are, from the file's header. */
interface Layout {
  /** Records in the file, deleted ones included. */
  records: number;
  perRecord: number;
  vectorAt: number;
  labelAt: number;
}

export class GraphScan implements DenseGraph {
  private readonly piece: Buffer;
  private readonly floats: Float32Array;
  private readonly words: Uint32Array;

  private constructor(
    private readonly path: string,
    private readonly layout: Layout,
    readonly dim: number,
    readonly count: number,
  ) {
    const perPiece = Math.max(1, Math.floor(PIECE / layout.perRecord));
    this.piece = Buffer.allocUnsafeSlow(Math.max(perPiece * layout.perRecord, PIECE));
    // Records are whole multiples of four bytes: one view of the buffer as floats and one as integers serve all.
    this.floats = new Float32Array(this.piece.buffer, this.piece.byteOffset, this.piece.length >> 2);
    this.words = new Uint32Array(this.piece.buffer, this.piece.byteOffset, this.piece.length >> 2);
  }

  /**
   * Opens a graph file written by VectorIndex.save: reads it once, handing every byte to `onPiece` in order (for its
   * checksum), and counts its live vectors.
   * @throws Error when the file is not a graph of `dim` dimensions
   */
  static open(path: string, dim: number, onPiece: (piece: Uint8Array) => void = () => {}): GraphScan {
    const fd = openSync(path, 'r');
    try {
      const head = Buffer.alloc(HEADER);
      if (readSync(fd, head, 0, HEADER, 0) < HEADER) throw new Error(`${path} is too short for a graph`);
      const layout: Layout = {
        records: Number(head.readBigUInt64LE(16)),
        perRecord: Number(head.readBigUInt64LE(24)),
        labelAt: Number(head.readBigUInt64LE(32)),
        vectorAt: Number(head.readBigUInt64LE(40)),
      };
      const { perRecord, labelAt, vectorAt } = layout;
      if (labelAt - vectorAt !== dim * 4 || perRecord !== labelAt + 8 || vectorAt % 4 !== 0)
        throw new Error(`${path} is not a graph of ${dim}-dimensional vectors`);
      const scan = new GraphScan(path, layout, dim, 0);
      let live = 0;
      onPiece(head);
      const end = scan.eachPiece(fd, (bytes, records) => {
        onPiece(bytes);
        for (let r = 0; r < records; r++) if (!(bytes[r * perRecord + 2]! & 1)) live++;
      });
      // The upper levels' links: for the checksum only.
      for (let n, at = end; (n = readSync(fd, scan.piece, 0, PIECE, at)) > 0; at += n)
        onPiece(scan.piece.subarray(0, n));
      return new GraphScan(path, layout, dim, live);
    } finally {
      closeSync(fd);
    }
  }

  /** The `k` labels whose vectors have the largest inner product with a unit query vector, most similar first. */
  search(vector: Float32Array, k: number): VectorHit[] {
    const { dim, floats, words } = this;
    const { perRecord, vectorAt, labelAt } = this.layout;
    const best: VectorHit[] = [];
    const fd = openSync(this.path, 'r');
    try {
      this.eachPiece(fd, (bytes, records) => {
        for (let r = 0; r < records; r++) {
          const at = r * perRecord;
          if (bytes[at + 2]! & 1) continue; // deleted
          const dot = innerProduct(floats, (at + vectorAt) >> 2, vector, dim);
          if (best.length === k && dot <= best[k - 1]!.similarity) continue;
          let j = best.length < k ? best.length : k - 1;
          while (j > 0 && best[j - 1]!.similarity < dot) j--;
          best.splice(j, 0, { label: words[(at + labelAt) >> 2]!, similarity: dot });
          if (best.length > k) best.pop();
        }
      });
    } finally {
      closeSync(fd);
    }
    return best;
  }

  /**
   * Reads the records into the buffer, whole ones at a time, calling `each` with the bytes and how many records they
   * hold; returns the file position after the last record.
   * @throws Error when the file ends before its last record
   */
  private eachPiece(fd: number, each: (bytes: Buffer, records: number) => void): number {
    const { records, perRecord } = this.layout;
    const perPiece = Math.floor(this.piece.length / perRecord);
    let position = HEADER;
    for (let first = 0; first < records; first += perPiece) {
      const n = Math.min(perPiece, records - first);
      const bytes = n * perRecord;
      if (readSync(fd, this.piece, 0, bytes, position) < bytes) throw new Error(`${this.path} is truncated`);
      each(this.piece.subarray(0, bytes), n);
      position += bytes;
    }
    return position;
  }
}

/**
 * The inner product of `dim` floats of `floats` from `at` with `vector`, in four sums side by side (a third less time
 * than one, on 1.19 million random 100-dimensional vectors).
 */
function innerProduct(floats: Float32Array, at: number, vector: Float32Array, dim: number): number {
  let a = 0;
  let b = 0;
  let c = 0;
  let e = 0;
  let d = 0;
  for (; d + 3 < dim; d += 4) {
    a += floats[at + d]! * vector[d]!;
    b += floats[at + d + 1]! * vector[d + 1]!;
    c += floats[at + d + 2]! * vector[d + 2]!;
    e += floats[at + d + 3]! * vector[d + 3]!;
  }
  for (; d < dim; d++) a += floats[at + d]! * vector[d]!;
  return a + b + c + e;
}
