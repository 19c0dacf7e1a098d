/**
 * `npm run ask -- "question"`: one answer in the terminal.
 * `--json` prints the JSON shape the README documents; `--json` without a question reads one
 * question per line from stdin and prints one JSON object per line, in order.
 */
import 'dotenv/config';
import { openRuntime } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { parseCli, runMain } from '../src/cli.js';
import { toJson, toText } from '../src/answer/format.js';
import { log } from '../src/log.js';
import { createProgress } from '../src/progress.js';

const USAGE = 'npm run ask -- [--json] "question"   (--json without a question reads one question per line from stdin)';

// Asking needs no bot: a malformed token in .env is the bot's problem, not this command's.
const configOf = () => loadConfig({ ...process.env, TELEGRAM_BOT_TOKEN: '' });

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCli(argv, { json: { type: 'boolean' } }, USAGE);
  const json = values.json === true;
  const question = positionals.join(' ');
  const config = configOf();
  log.quiet = config.quiet;
  // The graph's vectors are compared one by one and hnswlib's graph is not read (src/search/graph-scan.ts): for a few
  // questions that is quicker (at 10,000 reports, ~6 s less), and exact.
  const runtime = await openRuntime(config, createProgress(), { graph: false });
  await runtime.dense; // answered by meaning and words
  const { engine } = runtime;
  if (question || !json) {
    if (!question) {
      log.error(`usage: ${USAGE}`);
      return 2;
    }
    const answer = await engine.answer(question);
    process.stdout.write(json ? `${JSON.stringify(toJson(answer))}\n` : `${toText(answer, process.stdout.isTTY)}\n`);
    return 0;
  }
  // Loaded here: one question from the command line reads no lines.
  const { createInterface } = await import('node:readline');
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    process.stdout.write(`${JSON.stringify(toJson(await engine.answer(line)))}\n`);
  }
  return 0;
}

runMain(
  () => main(process.argv.slice(2)),
  () => configOf().dataDir,
);
