/**
 * `npm run build` (also run by `npm install` through "prepare", and by scripts/launch.mjs
 * when sources changed): compiles src/ and the CLI entry points into dist/ with TypeScript
 * (incremental), then bundles each entry point with esbuild into dist/bundle/ (our modules in
 * a few files, packages left as imports; converters and other modules imported on demand stay
 * separate chunks): one file to load instead of some forty took a one-question ask from 1.43×
 * to about 1.25× the MiniSearch peer (`npm run bench:peer`). Copies the one plain-JS module
 * the compiled code spawns (the Chinese glossary builder) beside both.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, rmSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
/** Entry points: what scripts/launch.mjs runs. */
export const ENTRIES = {
  main: 'dist/src/main.js',
  ask: 'dist/scripts/ask.js',
  ingest: 'dist/scripts/ingest.js',
  sources: 'dist/scripts/sources.js',
};

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], {
  cwd: ROOT,
  stdio: 'inherit',
});
if (result.status !== 0) {
  process.stderr.write('error: compiling failed (see above); `npm test` type-checks the sources too.\n');
  process.exit(result.status ?? 1);
}
copyFileSync(join(ROOT, 'src/search/glossary-build.mjs'), join(ROOT, 'dist/src/search/glossary-build.mjs'));
rmSync(join(ROOT, 'dist/bundle'), { recursive: true, force: true });
await build({
  absWorkingDir: ROOT,
  entryPoints: ENTRIES,
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  outdir: 'dist/bundle',
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
});
copyFileSync(join(ROOT, 'src/search/glossary-build.mjs'), join(ROOT, 'dist/bundle/glossary-build.mjs'));
// The build's time stamp: newer than every source it compiled (tsc leaves it alone when nothing changed).
const now = new Date();
utimesSync(join(ROOT, 'dist/.tsbuildinfo'), now, now);
