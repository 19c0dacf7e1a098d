import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { afterAll } from 'vitest';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

import { REPO } from './processes.js';

export { REPO };
export const REPORT_FILE = 'zuoyun-2023-rule-of-law-report.txt';
export const REPORT_TEXT = readFileSync(join(REPO, 'corpus', REPORT_FILE), 'utf8');

const created: string[] = [];
afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary directory, removed after the test file. */
export function tempDir(prefix = 'rqb-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** The GSA Section 508 assessment fixture (test/fixtures/reports): its report file and sidecar. */
export const GSA_FILES = ['gsa-fy2025-section-508-assessment.md', 'gsa-fy2025-section-508-assessment.meta.json'].map(
  (f) => join(REPO, 'test/fixtures/reports', f),
);

/** A temporary folder holding copies of `files` (report files and sidecars): a corpus of exactly those. */
export function corpusOf(...files: string[]): string {
  const dir = tempDir();
  for (const f of files) cpSync(f, join(dir, basename(f)));
  return dir;
}

/** A temporary corpus holding a copy of the real report, plus an empty data dir. */
export function tempCorpus(): { corpusDir: string; dataDir: string } {
  const root = tempDir();
  cpSync(join(REPO, 'corpus'), join(root, 'corpus'), { recursive: true });
  return { corpusDir: join(root, 'corpus'), dataDir: join(root, 'data') };
}

export { NEW_REPORT, NEW_REPORT_META } from './new-report.js';
