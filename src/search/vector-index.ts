/**
 * The dense side's graph: an hnswlib-node HNSW index over unit vectors (inner product = cosine); the product puts
 * one vector per paragraph in it (sentence-vectors.ts).
 * Owns the library's traps: `ef` resets when an index is read back (set after loading),
 * capacity is fixed at creation (resize before adding), deletions are soft.
 */
import { createRequire } from 'node:module';
import type { HierarchicalNSW as Hnsw } from 'hnswlib-node';
import { DimensionMismatchError } from '../errors.js';

/** The native library, loaded when a dense index is first made or read: a lexical-only start does not pay for it. */
let hnswClass: typeof Hnsw | undefined;
function HierarchicalNSW(space: 'ip', dim: number): Hnsw {
  hnswClass ??= (createRequire(import.meta.url)('hnswlib-node') as typeof import('hnswlib-node')).HierarchicalNSW;
  return new hnswClass(space, dim);
}

export interface VectorHit {
  label: number;
  similarity: number;
}

/**
 * Graph parameters. efConstruction 100 rather than 200: on 96,630 synthetic sentence vectors
 * (`npm run bench:hnsw -- --reports 300`) the build took 60 s instead of 100 s for recall@10 0.986
 * instead of 0.995 on data-like queries; M 8 fell below 0.95 there. `ef` (search) stays 200.
 */
export const HNSW_PARAMS = { M: 16, efConstruction: 100, ef: 200 } as const;

export class VectorIndex {
  private constructor(
    private readonly index: Hnsw,
    readonly dim: number,
  ) {}

  /** An empty index with room for `capacity` vectors. */
  static create(dim: number, capacity: number): VectorIndex {
    const index = HierarchicalNSW('ip', dim);
    index.initIndex(Math.max(capacity, 16), HNSW_PARAMS.M, HNSW_PARAMS.efConstruction, 100, true);
    index.setEf(HNSW_PARAMS.ef);
    return new VectorIndex(index, dim);
  }

  /** Reads an index written by `save`. */
  static load(path: string, dim: number): VectorIndex {
    const index = HierarchicalNSW('ip', dim);
    index.readIndexSync(path, true);
    index.setEf(HNSW_PARAMS.ef); // readIndex resets ef to 10
    return new VectorIndex(index, dim);
  }

  /** Reads an index written by `save` in the library's own thread: the event loop goes on meanwhile. */
  static async loadInBackground(path: string, dim: number): Promise<VectorIndex> {
    const index = HierarchicalNSW('ip', dim);
    await index.readIndex(path, true);
    index.setEf(HNSW_PARAMS.ef); // readIndex resets ef to 10
    return new VectorIndex(index, dim);
  }

  get count(): number {
    return this.index.getCurrentCount();
  }

  /**
   * Makes room for `more` vectors at once (growing one at a time would copy the graph and, while
   * copying, hold it twice).
   */
  reserve(more: number): void {
    const needed = this.index.getCurrentCount() + more;
    if (needed > this.index.getMaxElements()) this.index.resizeIndex(needed);
  }

  /** Adds a vector under `label`, growing capacity when full. */
  add(label: number, vector: Float32Array): void {
    this.checkDim(vector);
    if (this.index.getCurrentCount() >= this.index.getMaxElements())
      this.index.resizeIndex(Math.ceil(this.index.getMaxElements() * 1.5) + 16);
    this.index.addPoint(Array.from(vector), label, true);
  }

  /** Soft-deletes a label: it is never returned again; its slot is reused by the next add. */
  remove(label: number): void {
    try {
      this.index.markDelete(label);
    } catch {
      // already deleted or never added: nothing to do
    }
  }

  /** The `k` nearest labels to a unit query vector, most similar first. */
  search(vector: Float32Array, k: number, filter?: (label: number) => boolean): VectorHit[] {
    this.checkDim(vector);
    const n = Math.min(k, this.count);
    if (n === 0) return [];
    const { neighbors, distances } = this.index.searchKnn(Array.from(vector), n, filter);
    return neighbors.map((label, i) => ({ label, similarity: 1 - distances[i]! }));
  }

  save(path: string): void {
    this.index.writeIndexSync(path);
  }

  private checkDim(vector: Float32Array): void {
    if (vector.length !== this.dim) throw new DimensionMismatchError(this.dim, vector.length);
  }
}
