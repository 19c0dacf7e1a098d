/**
 * `npm run bench [-- --all]`: runs the benchmark suite one script after another (so they do
 * not compete for the two cores), prints each table, and writes every output to
 * bench-results/bench.json. `--all` adds the 2,000-subscriber broadcast (about 4 minutes).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';

const SUITE = ['bench-ingest', 'bench-latency', 'bench-peer', 'bench-quality', 'bench-scale', 'bench-bot'];

const scripts = process.argv.includes('--all') ? [...SUITE, 'bench-broadcast'] : SUITE;
// bench-peer and bench-scale time the bundled entry points: build them from the current sources first.
if (spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' }).status !== 0) process.exit(1);
const results: Record<string, { ok: boolean; seconds: number; output: string }> = {};
for (const name of scripts) {
  process.stdout.write(`\n## ${name}\n`);
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', `scripts/${name}.ts`], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 26,
  });
  process.stdout.write(run.stdout);
  results[name] = { ok: run.status === 0, seconds: (performance.now() - started) / 1000, output: run.stdout };
}
mkdirSync('bench-results', { recursive: true });
writeFileSync(
  'bench-results/bench.json',
  JSON.stringify(
    { machine: `${cpus().length} × ${cpus()[0]?.model}`, node: process.version, at: new Date().toISOString(), results },
    null,
    2,
  ),
);
process.stdout.write('\nAll outputs written to bench-results/bench.json\n');
process.exit(Object.values(results).every((r) => r.ok) ? 0 : 1);
