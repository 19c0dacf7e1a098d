/**
 * `npm run bench:peer`: one question answered by a whole process, the `ask` CLI as `npm run ask` starts it
 * (`node scripts/launch.cjs ask`: its up-to-date check, then the bundled script through V8's code cache) against
 * a minimal MiniSearch CLI that rebuilds its index on every run (scripts/peer-minisearch.mjs),
 * alternating A B A B… and taking the ratio pair by pair (the machine's speed drifts). Lexical
 * (EMBEDDING_MODEL=none, also through `npm run -s ask`) and with the bundled offline model;
 * `npm run build` first.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OFFLINE_MODEL } from '../src/search/embedder.js';

const QUESTION = 'How many mediation statements were issued?';
const RUNS = 9;

function wall(args: string[], env: Record<string, string>, command = process.execPath): number {
  const started = performance.now();
  const run = spawnSync(command, args, {
    env: { ...process.env, ...env, LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (run.status !== 0) throw new Error(`${args.join(' ')}: ${run.stderr.slice(0, 300)}`);
  return performance.now() - started;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

console.log(`| one question, whole process (median of ${RUNS} pairs) | ask | MiniSearch peer | ratio |`);
console.log('|---|---|---|---|');
for (const [label, model] of [
  ['lexical (EMBEDDING_MODEL=none)', 'none'],
  ['bundled offline model', OFFLINE_MODEL],
] as const) {
  const env = { EMBEDDING_MODEL: model, DATA_DIR: mkdtempSync(join(tmpdir(), 'rqb-peer-')) };
  process.once('exit', () => rmSync(env.DATA_DIR, { recursive: true, force: true }));
  wall(['scripts/launch.cjs', 'ask', QUESTION], env); // builds the index once
  const ask: number[] = [];
  const peer: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    ask.push(wall(['scripts/launch.cjs', 'ask', QUESTION], env));
    peer.push(wall(['scripts/peer-minisearch.mjs', QUESTION], env));
  }
  const ratios = ask.map((a, i) => a / peer[i]!);
  console.log(
    `| ${label} | ${median(ask).toFixed(0)} ms | ${median(peer).toFixed(0)} ms | ${median(ratios).toFixed(2)}× |`,
  );
  // `npm start` up to running: the bundled main in terminal mode (no token) with stdin closed loads everything, then
  // ends.
  const starts = Array.from({ length: RUNS }, () => wall(['dist/bundle/main.mjs'], { ...env, TELEGRAM_BOT_TOKEN: '' }));
  console.log(
    `| ${label}: start to running and exit (\`node dist/bundle/main.mjs\`, terminal mode, stdin closed; no peer) | ${median(starts).toFixed(0)} ms | | |`,
  );
  if (model !== 'none') continue;
  // What a user types: npm's own start-up, then scripts/launch.cjs (its staleness check) and the bundled CLI.
  const viaNpm: number[] = [];
  const peer2: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    viaNpm.push(wall(['run', '-s', 'ask', '--', QUESTION], env, 'npm'));
    peer2.push(wall(['scripts/peer-minisearch.mjs', QUESTION], env));
  }
  const npmRatios = viaNpm.map((a, i) => a / peer2[i]!);
  console.log(
    `| ${label}, through \`npm run -s ask\` | ${median(viaNpm).toFixed(0)} ms | ${median(peer2).toFixed(0)} ms | ${median(npmRatios).toFixed(2)}× |`,
  );
}
