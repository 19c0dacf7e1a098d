/**
 * Where the package lives, found from this module's own location, so the same code finds
 * `models/` and the caches whether it runs from `src/` (tsx, tests) or compiled from `dist/src/`.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`package.json not found above ${from}`);
  }
}

export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

/**
 * The file to start a child process from (`fork`): a module that is also an entry point of its own (convert-child,
 * ingest-child). Run from its own file (the sources under tsx, or compiled one file a module), that file; bundled,
 * where the module's code shares a file with others, the bundle's entry of that name beside it (`name.mjs`, which
 * scripts/build.mjs writes).
 */
export function childEntry(moduleUrl: string, name: string): string {
  const self = fileURLToPath(moduleUrl);
  return /\.[cm]?[jt]s$/.test(self) && basename(self).replace(/\.[cm]?[jt]s$/, '') === name
    ? self
    : join(dirname(self), `${name}.mjs`);
}

/** Built data kept beside the packages (thesaurus, Chinese glossary): rebuilt by any install. */
export const CACHE_DIR = join(PACKAGE_ROOT, 'node_modules', '.cache', 'report-quote-bot');
