/**
 * Runs a CommonJS script through V8's code cache. A process that answers one question spends much of its time
 * compiling the code it runs (about 45 ms of 260 for `npm run ask`); the cache, written when a run ends
 * (`<script>.<its modification time and size>.v8-cache` beside it, with every function that run compiled), lets the
 * next runs skip that. Named by the file's time, since V8 checks a cache against the script's length only (hashing the
 * text would load node:crypto, 6 ms). ES modules
 * cannot use the cache on Node.js 20, hence a script (scripts/build.mjs bundles the one-question CLI as one). A cache
 * V8 rejects (another Node.js, another build) is written again; one that cannot be written (a read-only install) is
 * simply not used.
 */
'use strict';
const { readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname } = require('node:path');
const { Script } = require('node:vm');

/** Runs `file` (an absolute path) as Node.js runs a CommonJS main script, its compiled code cached. */
function runCached(file) {
  const source = readFileSync(file, 'utf8');
  const { mtimeNs, size } = statSync(file, { bigint: true });
  const cacheFile = `${file}.${mtimeNs.toString(36)}-${size.toString(36)}.v8-cache`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // no cache yet
  }
  const script = new Script(
    `(function (exports, require, module, __filename, __dirname, importModule) {${source}\n})`,
    { filename: file, cachedData },
  );
  if (!cachedData || script.cachedDataRejected) process.once('exit', () => writeCache(script, cacheFile));
  const module = { exports: {} };
  // A script compiled from a string cannot import() without an experimental flag: it is given this module's import()
  // (scripts/build.mjs writes the bundle's imports of packages as importModule calls).
  const importModule = (specifier) => import(specifier);
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file), importModule);
}

/** The script's compiled code, with what this run compiled, written beside it (replaced whole, never half). */
function writeCache(script, cacheFile) {
  const temporary = `${cacheFile}.${process.pid}`;
  try {
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, cacheFile);
  } catch {
    // read-only: run without a cache
  }
}

module.exports = { runCached };
