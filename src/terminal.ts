/**
 * The same conversation in the terminal, for running without a Telegram token: one
 * question per line on stdin, answers on stdout. Works with a pipe too.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { AnswerEngine } from './answer/engine.js';
import { exampleQuestions } from './answer/examples.js';
import { toText } from './answer/format.js';
import { shortCitation } from './bot/format.js';
import { STRINGS } from './bot/i18n.js';
import { smallTalkOf } from './bot/small-talk.js';

export interface TerminalOptions {
  input: Readable & { isTTY?: boolean };
  output: Writable & { isTTY?: boolean };
}

const HELP =
  'Type a question in your own words; answers are verbatim quotes with citations.\n/reports lists the reports, /start shows examples, /quit (or Ctrl-D) leaves.';

/** Runs until the input ends (or /quit); `engine` is called per line so a refreshed index is used. */
export async function runTerminal(engine: () => AnswerEngine, options: TerminalOptions): Promise<void> {
  const { input, output } = options;
  const interactive = !!input.isTTY;
  const write = (s: string): boolean => output.write(`${s}\n`);
  const reports = (): string =>
    [...engine().index.reports.values()]
      .map(
        (r) =>
          `• ${r.meta.title}${r.meta.issuer || r.meta.date ? ` (${[r.meta.issuer, r.meta.date, r.meta.documentNumber].filter(Boolean).join(' · ')})` : ''}`,
      )
      .join('\n');
  const welcome = async (): Promise<string> =>
    `Ask about the reports; answers are verbatim quotes with citations.\nReports:\n${reports()}\nTry: ${(await exampleQuestions(engine(), 'en')).map((e) => `"${e}"`).join(' · ')}\n(/help, /reports, /quit; Ctrl-D to leave)\n`;
  // The same small talk as in Telegram, and its short citation ("Zuoyun County 2023 Rule of Law Report · §1 › (3) ›
  // Sixth · ¶26").
  const reply = async (question: string): Promise<string> => {
    switch (smallTalkOf(question)) {
      case 'greeting':
        return welcome();
      case 'thanks':
        return STRINGS.en.youAreWelcome;
      case 'help':
        return HELP;
    }
    return toText(await engine().answer(question), !!output.isTTY, (a) => shortCitation(a.citation, a.sectionPath));
  };
  if (interactive) write(await welcome());
  const rl = createInterface({
    input,
    output: interactive ? output : undefined,
    terminal: interactive,
    crlfDelay: Infinity,
  });
  if (interactive) rl.setPrompt('? ');
  if (interactive) rl.prompt();
  for await (const line of rl) {
    const question = line.trim();
    const command = /^\/(\w+)/.exec(question)?.[1]!.toLowerCase();
    if (command === 'quit' || command === 'exit') break;
    if (command === 'reports') write(reports());
    else if (command === 'start') write(await welcome());
    else if (command) write(HELP);
    else if (question) write(`${await reply(question)}\n`);
    if (interactive) rl.prompt();
  }
  rl.close();
}
