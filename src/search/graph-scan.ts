/**
 * The graph file's vectors searched exactly, without building the graph: one pass over hnswlib's file picks each live
 * element's vector and label out of its level-0 record, and a search compares the query with every one of them. For a
 * process that asks a question or a few (the CLI), reading 622 MB of graph into hnswlib's structures (~6 s at 10,000
 * reports) costs far more than the comparisons (~0.1 s a question there). Pure but for the file read.
 *
 * hnswlib's file (hnswalg.h saveIndex): a 96-byte header, then one record per element — link count and links
 * (size_links_level0), the vector (dim float32), the label (size_t) — then the upper levels' links, not read here. An
 * element marked deleted has bit 0 of its record's third byte set.
 */
import { open } from 'node:fs/promises';
import type { VectorHit } from './vector-index.js';

/** Bytes of hnswlib's header: six size_t, two int, three size_t, a double, a size_t. */
const HEADER = 96;
/** Bytes read at a time. */
const PIECE = 4 << 20;

/** What a dense search needs of a graph: hnswlib's (VectorIndex) or this exact scan. */
export interface DenseGraph {
  readonly dim: number;
  readonly count: number;
  search(vector: Float32Array, k: number): VectorHit[];
}

export class GraphScan implements DenseGraph {
  private constructor(
    private readonly vectors: Float32Array,
    private readonly labels: Uint32Array,
    readonly dim: number,
  ) {}

  get count(): number {
    return this.labels.length;
  }

  /**
   * Reads the vectors of a graph file written by VectorIndex.save, handing every byte of the file to `onPiece` in
   * order (for its checksum).
   * @throws Error when the file is not a graph of `dim` dimensions
   */
  static async read(path: string, dim: number, onPiece: (piece: Uint8Array) => void = () => {}): Promise<GraphScan> {
    const file = await open(path, 'r');
    try {
      const head = Buffer.alloc(HEADER);
      const { bytesRead } = await file.read(head, 0, HEADER, 0);
      if (bytesRead < HEADER) throw new Error(`${path} is too short for a graph`);
      onPiece(head);
      const count = Number(head.readBigUInt64LE(16));
      const perElement = Number(head.readBigUInt64LE(24));
      const labelAt = Number(head.readBigUInt64LE(32));
      const vectorAt = Number(head.readBigUInt64LE(40));
      if (labelAt - vectorAt !== dim * 4 || perElement !== labelAt + 8)
        throw new Error(`${path} is not a graph of ${dim}-dimensional vectors`);
      const vectors = new Float32Array(count * dim);
      const labels = new Uint32Array(count);
      let live = 0;
      // Whole records at a time, then the rest of the file for the checksum alone.
      const perPiece = Math.max(1, Math.floor(PIECE / perElement));
      const piece = Buffer.allocUnsafeSlow(Math.max(perPiece * perElement, PIECE));
      let position = HEADER;
      for (let first = 0; first < count; first += perPiece) {
        const records = Math.min(perPiece, count - first);
        const bytes = records * perElement;
        if ((await file.read(piece, 0, bytes, position)).bytesRead < bytes) throw new Error(`${path} is truncated`);
        onPiece(piece.subarray(0, bytes));
        position += bytes;
        for (let r = 0; r < records; r++) {
          const at = r * perElement;
          if (piece[at + 2]! & 1) continue; // deleted
          const floats = new Float32Array(piece.buffer, piece.byteOffset + at + vectorAt, dim);
          vectors.set(floats, live * dim);
          labels[live++] = piece.readUInt32LE(at + labelAt);
        }
      }
      for (let n; (n = (await file.read(piece, 0, PIECE, position)).bytesRead) > 0; position += n)
        onPiece(piece.subarray(0, n));
      return new GraphScan(vectors.slice(0, live * dim), labels.slice(0, live), dim);
    } finally {
      await file.close();
    }
  }

  /** The `k` labels whose vectors have the largest inner product with a unit query vector, most similar first. */
  search(vector: Float32Array, k: number): VectorHit[] {
    const { dim, vectors, labels } = this;
    const best: VectorHit[] = [];
    for (let i = 0, at = 0; i < labels.length; i++, at += dim) {
      // Four sums side by side: a third less time than one (at 10,000 reports, 85 instead of 140 ms a search).
      let a = 0;
      let b = 0;
      let c = 0;
      let e = 0;
      let d = 0;
      for (; d + 3 < dim; d += 4) {
        a += vectors[at + d]! * vector[d]!;
        b += vectors[at + d + 1]! * vector[d + 1]!;
        c += vectors[at + d + 2]! * vector[d + 2]!;
        e += vectors[at + d + 3]! * vector[d + 3]!;
      }
      for (; d < dim; d++) a += vectors[at + d]! * vector[d]!;
      const dot = a + b + c + e;
      if (best.length === k && dot <= best[k - 1]!.similarity) continue;
      let j = best.length < k ? best.length : k - 1;
      while (j > 0 && best[j - 1]!.similarity < dot) j--;
      best.splice(j, 0, { label: labels[i]!, similarity: dot });
      if (best.length > k) best.pop();
    }
    return best;
  }
}
