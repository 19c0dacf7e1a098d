import { CHUNKER_VERSION } from '../../src/corpus/chunk.js';
import { FORMAT_VERSION, type Manifest } from '../../src/search/store.js';

/** A previous index's manifest (for the pure planning tests): reports of 10 chunks each by hash, labelled in turn. */
export function manifestOf(reports: Record<string, string>, model: Manifest['model'] = null): Manifest {
  return {
    formatVersion: FORMAT_VERSION,
    chunkerVersion: CHUNKER_VERSION,
    model,
    reports: Object.fromEntries(
      Object.entries(reports).map(([id, hash], i) => [
        id,
        { file: `${id}.txt`, hash, chunkCount: 10, firstLabel: i * 10, meta: { title: id }, addedAt: '2026-01-01' },
      ]),
    ),
    nextLabel: Object.keys(reports).length * 10,
    lexicalBytes: 0,
    builtAt: '2026-01-01',
  };
}
