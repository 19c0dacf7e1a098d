/**
 * The same conversation in the terminal, for running without a Telegram token: one
 * question per line on stdin, answers on stdout. Works with a pipe too.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { AnswerEngine } from './answer/engine.js';
import { toText } from './answer/format.js';

export interface TerminalOptions {
  input: Readable & { isTTY?: boolean };
  output: Writable & { isTTY?: boolean };
  examples: string[];
}

/** Runs until the input ends (or /quit); `engine` is called per line so a refreshed index is used. */
export async function runTerminal(engine: () => AnswerEngine, options: TerminalOptions): Promise<void> {
  const { input, output } = options;
  const interactive = !!input.isTTY;
  const write = (s: string): boolean => output.write(`${s}\n`);
  if (interactive) {
    const reports = [...engine().index.reports.values()].map((r) => `  • ${r.meta.title}`).join('\n');
    write(
      `Ask about the reports; answers are verbatim quotes with citations.\nReports:\n${reports}\nTry: ${options.examples.map((e) => `"${e}"`).join(' · ')}\n(/reports, /quit; Ctrl-D to leave)\n`,
    );
  }
  const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive, crlfDelay: Infinity });
  if (interactive) rl.setPrompt('? ');
  if (interactive) rl.prompt();
  for await (const line of rl) {
    const question = line.trim();
    if (question === '/quit' || question === '/exit') break;
    if (question === '/reports')
      write(
        [...engine().index.reports.values()]
          .map((r) => `• ${r.meta.title} (${[r.meta.issuer, r.meta.date, r.meta.documentNumber].filter(Boolean).join(' · ')})`)
          .join('\n'),
      );
    else if (question) write(`${toText(await engine().answer(question), !!output.isTTY)}\n`);
    if (interactive) rl.prompt();
  }
  rl.close();
}
