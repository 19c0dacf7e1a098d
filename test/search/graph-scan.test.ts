import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crc32 } from 'node:zlib';
import { GraphScan } from '../../src/search/graph-scan.js';
import { VectorIndex } from '../../src/search/vector-index.js';

const dir = mkdtempSync(join(tmpdir(), 'graph-scan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A unit vector from a seeded generator (the same every run). */
function unitVectors(count: number, dim: number, seed: number): Float32Array[] {
  let s = seed;
  const next = (): number => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
  return Array.from({ length: count }, () => {
    const v = Float32Array.from({ length: dim }, next);
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  });
}

describe('GraphScan', () => {
  const dim = 16;
  const vectors = unitVectors(600, dim, 7);
  const graph = VectorIndex.create(dim, vectors.length);
  vectors.forEach((v, i) => graph.add(1000 + i, v));
  for (const label of [1003, 1100, 1599]) graph.remove(label);
  const path = join(dir, 'hnsw.bin');
  graph.save(path);

  it("finds the same nearest labels as hnswlib's own search, deleted ones left out, with their inner products", () => {
    const scan = GraphScan.open(path, dim);
    expect(scan.count).toBe(597);
    for (const query of unitVectors(20, dim, 99)) {
      const exact = scan.search(query, 10);
      expect(exact.map((h) => h.label)).toEqual(graph.search(query, 10).map((h) => h.label));
      exact.forEach((h, i) => {
        expect(h.similarity).toBeCloseTo(graph.search(query, 10)[i]!.similarity, 5);
        expect([1003, 1100, 1599]).not.toContain(h.label);
      });
    }
    // The query's own vector is its nearest.
    expect(scan.search(vectors[42]!, 1)[0]).toMatchObject({ label: 1042 });
  });

  it('hands every byte of the file to the checksum, in order', () => {
    let crc = 0;
    GraphScan.open(path, dim, (piece) => void (crc = crc32(piece, crc)));
    expect(crc).toBe(crc32(readFileSync(path)));
  });

  it('refuses a file of another dimension or one cut short', () => {
    expect(() => GraphScan.open(path, dim + 1)).toThrow(/not a graph of 17-dimensional/);
    const short = join(dir, 'short.bin');
    writeFileSync(short, readFileSync(path).subarray(0, 5000));
    expect(() => GraphScan.open(short, dim)).toThrow(/truncated/);
  });
});
