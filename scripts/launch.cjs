/**
 * `npm start`, `npm run ask`, `npm run ingest`: run the compiled, bundled entry point in this
 * one node process (no tsx, no second node). `npm install` compiles (the "prepare" script);
 * when a source file is newer than the last compile (someone edited src/), it compiles
 * again first, with one line saying so, so what runs is always what is in src/.
 * A CommonJS script, as is the one-question CLI it runs through V8's code cache
 * (scripts/code-cache.cjs): Node.js's loader of ES modules is about 10 ms more on each run.
 *
 *   node scripts/launch.cjs main|ask|ingest|sources [args…]
 */
'use strict';
const { readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');
const { runCached } = require('./code-cache.cjs');

const ROOT = join(__dirname, '..');
/** The bundled entry points scripts/build.mjs writes. */
const ENTRIES = {
  main: 'dist/bundle/main.mjs',
  ask: 'dist/bundle/ask.cjs',
  ingest: 'dist/bundle/ingest.mjs',
  sources: 'dist/bundle/sources.mjs',
};
const SOURCES = [
  'src',
  'scripts/ask.ts',
  'scripts/ingest.ts',
  'scripts/sources.ts',
  'scripts/build.mjs',
  'tsconfig.json',
  'tsconfig.build.json',
  'package.json',
];

/** Newest modification time under the given paths (files and directories, recursively). */
function newest(paths) {
  let latest = 0;
  for (const path of paths) {
    const stat = statSync(join(ROOT, path), { throwIfNoEntry: false });
    if (!stat) continue;
    latest = Math.max(latest, stat.mtimeMs);
    if (stat.isDirectory())
      latest = Math.max(latest, newest(readdirSync(join(ROOT, path)).map((name) => join(path, name))));
  }
  return latest;
}

const [entry] = process.argv.splice(2, 1);
if (!(entry in ENTRIES)) {
  process.stderr.write(`usage: node scripts/launch.cjs ${Object.keys(ENTRIES).join('|')} [args…]\n`);
  process.exit(2);
}
const built = statSync(join(ROOT, 'dist/.tsbuildinfo'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
if (newest(SOURCES) > built) {
  process.stderr.write(
    built
      ? 'Sources changed since the last build: compiling (a few seconds)…\n'
      : 'Compiling (first run, a few seconds)…\n',
  );
  // Loaded only to compile: node:child_process (with node:net) is about 8 ms of a one-question run.
  const { spawnSync } = require('node:child_process');
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const file = join(ROOT, ENTRIES[entry]);
if (file.endsWith('.cjs')) runCached(file);
else void import(pathToFileURL(file).href);
