/**
 * Hashes (SHA-1, SHA-256) with node:crypto loaded on first use: loading it is about 6 ms, and a process that answers one
 * question from an index it does not rebuild hashes nothing.
 */
import type { Hash } from 'node:crypto';
import { createRequire } from 'node:module';

let crypto: typeof import('node:crypto') | undefined;

export function createHash(algorithm: 'sha1' | 'sha256'): Hash {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return crypto.createHash(algorithm);
}
