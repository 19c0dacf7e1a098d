/**
 * `npm run build` (also run by `npm install` through "prepare", and by scripts/launch.mjs
 * when sources changed): compiles src/ and the CLI entry points into dist/ with TypeScript
 * (incremental), and copies the one plain-JS module the compiled code spawns (the Chinese
 * glossary builder).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'inherit' });
if (result.status !== 0) {
  process.stderr.write('error: compiling failed (see above); `npm test` type-checks the sources too.\n');
  process.exit(result.status ?? 1);
}
copyFileSync(join(ROOT, 'src/search/glossary-build.mjs'), join(ROOT, 'dist/src/search/glossary-build.mjs'));
// The build's time stamp: newer than every source it compiled (tsc leaves it alone when nothing changed).
const now = new Date();
utimesSync(join(ROOT, 'dist/.tsbuildinfo'), now, now);
