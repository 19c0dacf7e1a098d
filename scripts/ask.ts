/**
 * `npm run ask -- "question"`: one answer in the terminal.
 * `--json` prints the JSON shape of DESIGN.md; `--json` without a question reads one
 * question per line from stdin and prints one JSON object per line, in order.
 */
import 'dotenv/config';
import { createInterface } from 'node:readline';
import { openRuntime } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { ConfigError, IndexError, StorageError } from '../src/errors.js';
import { toJson, toText } from '../src/answer/format.js';
import { log } from '../src/log.js';
import { createProgress } from '../src/progress.js';

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const question = argv.filter((a) => a !== '--json').join(' ');
  // Asking needs no bot: a malformed token in .env is the bot's problem, not this command's.
  const config = loadConfig({ ...process.env, TELEGRAM_BOT_TOKEN: '' });
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
    const storage = StorageError.from(error, loadConfig({ ...process.env, TELEGRAM_BOT_TOKEN: '' }).dataDir);
    log.error(error instanceof ConfigError || error instanceof IndexError ? error.message : (storage?.message ?? error));
    // Exit codes as for npm start: 2 configuration, 3 DATA_DIR not writable, 1 anything else.
    process.exit(error instanceof ConfigError ? 2 : storage ? 3 : 1);
  },
);
