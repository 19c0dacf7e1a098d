/**
 * Where the package lives, found from this module's own location, so the same code finds
 * `models/` and the caches whether it runs from `src/` (tsx, tests) or compiled from `dist/src/`.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`package.json not found above ${from}`);
  }
}

export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

/** Built data kept beside the packages (thesaurus, Chinese glossary): rebuilt by any install. */
export const CACHE_DIR = join(PACKAGE_ROOT, 'node_modules', '.cache', 'report-quote-bot');
