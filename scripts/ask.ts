/**
 * `npm run ask -- "question"`: one answer in the terminal.
 * `--json` prints the JSON shape of DESIGN.md; `--json` without a question reads one
 * question per line from stdin and prints one JSON object per line, in order.
 */
import 'dotenv/config';
import { createInterface } from 'node:readline';
import { openRuntime } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { ConfigError } from '../src/errors.js';
import { toJson, toText } from '../src/answer/format.js';
import { log } from '../src/log.js';
import { createProgress } from '../src/progress.js';

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const question = argv.filter((a) => a !== '--json').join(' ');
  const config = loadConfig();
  const { engine } = await openRuntime(config, createProgress());
  if (question || !json) {
    if (!question) {
      log.error('usage: npm run ask -- "question"   (or --json, reading questions from stdin)');
      return 2;
    }
    const answer = await engine.answer(question);
    process.stdout.write(json ? `${JSON.stringify(toJson(answer))}\n` : `${toText(answer, process.stdout.isTTY)}\n`);
    return 0;
  }
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    process.stdout.write(`${JSON.stringify(toJson(await engine.answer(line)))}\n`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    log.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
