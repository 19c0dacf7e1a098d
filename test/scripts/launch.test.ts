import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, tempCorpus, tempDir } from '../helpers/fixtures.js';

/** Runs `file` through scripts/code-cache.cjs in a process of its own; its output. */
function runCached(file: string): string {
  const r = spawnSync(
    process.execPath,
    ['-e', `require(${JSON.stringify(join(REPO, 'scripts/code-cache.cjs'))}).runCached(${JSON.stringify(file)})`],
    { encoding: 'utf8' },
  );
  expect(r.stderr).toBe('');
  return r.stdout;
}

describe('scripts/code-cache.cjs', () => {
  it('runs a script as a CommonJS main (its import() as importModule), writes its compiled code beside it and reads it next time', async () => {
    const dir = tempDir();
    const file = join(dir, 'cli.cjs');
    writeFileSync(
      file,
      "const { basename } = require('node:path');\n" +
        "importModule('node:os').then((os) => console.log(basename(__filename), typeof module.exports, typeof os.cpus, 'v1'));\n",
    );
    expect(runCached(file)).toBe('cli.cjs object function v1\n');
    const caches = readdirSync(dir).filter((f) => f.endsWith('.v8-cache'));
    expect(caches).toHaveLength(1);
    expect(runCached(file)).toBe('cli.cjs object function v1\n');
    // A changed script of the same length (V8 checks a cache against the length only) runs as changed.
    writeFileSync(
      file,
      "const { basename } = require('node:path');\n" +
        "importModule('node:os').then((os) => console.log(basename(__filename), typeof module.exports, typeof os.cpus, 'v2'));\n",
    );
    expect(runCached(file)).toBe('cli.cjs object function v2\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.v8-cache'))).toHaveLength(2);
  });
});

describe('scripts/launch.cjs ask: the built CLI', () => {
  it('builds the index (each file converted by the bundle’s child) and answers, then answers from its code cache', () => {
    const { corpusDir, dataDir } = tempCorpus();
    const env = {
      ...process.env,
      CORPUS_DIR: corpusDir,
      DATA_DIR: dataDir,
      EMBEDDING_MODEL: 'none',
      LOG_LEVEL: 'silent',
    };
    const args = [join(REPO, 'scripts/launch.cjs'), 'ask', '--json', 'How many mediation statements were issued?'];
    const ask = () => spawnSync(process.execPath, args, { cwd: REPO, encoding: 'utf8', env });
    // No cache of an earlier run: the one found at the end is this test's.
    const bundle = join(REPO, 'dist/bundle');
    const caches = () => readdirSync(bundle).filter((f) => /^ask\.cjs\.[\w-]+\.v8-cache$/.test(f));
    if (existsSync(bundle)) for (const f of caches()) rmSync(join(bundle, f));
    for (const r of [ask(), ask()]) {
      expect(r.status).toBe(0);
      expect((JSON.parse(r.stdout) as { answers: { quote: string }[] }).answers[0]!.quote).toContain(
        '12 mediation statements',
      );
    }
    expect(caches()).toHaveLength(1);
  });
});
