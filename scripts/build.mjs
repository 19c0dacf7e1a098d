/**
 * `npm run build` (also run by `npm install` through "prepare", and by scripts/launch.cjs
 * when sources changed): compiles src/ and the CLI entry points into dist/ with TypeScript
 * (incremental), then bundles each entry point with esbuild into dist/bundle/ (our modules in
 * a few files, packages left as imports; converters and other modules imported on demand stay
 * separate chunks): one file to load instead of some forty took a one-question ask from 1.43×
 * to about 1.25× the MiniSearch peer (`npm run bench:peer`). Copies the one plain-JS module
 * the compiled code spawns (the Chinese glossary builder) beside both.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
/** Entry points: what scripts/launch.cjs runs. */
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
const { ask, ...modules } = ENTRIES;
await build({
  absWorkingDir: ROOT,
  // The modules a process forks are entries too (src/paths.ts childEntry).
  entryPoints: { ...modules, 'convert-child': 'dist/src/convert-child.js', 'ingest-child': 'dist/src/ingest-child.js' },
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  outdir: 'dist/bundle',
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
});
// The one-question CLI as one CommonJS script, which V8's code cache can serve (scripts/launch.cjs runs it through
// scripts/code-cache.cjs). Packages stay imports, but for those only published as ES modules (a script cannot require
// them before Node.js 20.19).
const ESM_ONLY = ['stemmer'];
const { dependencies } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
await build({
  absWorkingDir: ROOT,
  entryPoints: [ask],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  external: Object.keys(dependencies)
    .filter((name) => !ESM_ONLY.includes(name))
    .flatMap((name) => [name, `${name}/*`]),
  outfile: 'dist/bundle/ask.cjs',
  define: { 'import.meta.url': 'importMetaUrl' },
  logLevel: 'warning',
});
// A prelude: its imports of packages on demand (a converter, transformers.js) call the importModule
// scripts/code-cache.cjs gives it (a script V8 compiled from a string cannot import() on Node.js 20 without an
// experimental flag; run as a plain script, it has import() itself), and import.meta.url is the script's own address,
// as each module's is when bundled as modules.
const script = join(ROOT, 'dist/bundle/ask.cjs');
const PRELUDE = [
  "var importModule = typeof importModule === 'function' ? importModule : (s) => import(s);",
  "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;",
];
const text = readFileSync(script, 'utf8').replace(/(?<![\w$.])import\((?=")/g, 'importModule(');
if (!text.startsWith('"use strict";\n'))
  throw new Error('dist/bundle/ask.cjs: esbuild no longer opens with "use strict"');
writeFileSync(script, text.replace('"use strict";\n', ['"use strict";', ...PRELUDE, ''].join('\n')));
copyFileSync(join(ROOT, 'src/search/glossary-build.mjs'), join(ROOT, 'dist/bundle/glossary-build.mjs'));
// The build's time stamp: newer than every source it compiled (tsc leaves it alone when nothing changed).
const now = new Date();
utimesSync(join(ROOT, 'dist/.tsbuildinfo'), now, now);
