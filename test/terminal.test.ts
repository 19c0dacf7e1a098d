import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO, tempCorpus, tempDir } from './helpers/fixtures.js';

/** `npm start` with no token over a fresh copy of the corpus, `input` piped in. */
function chat(input: string) {
  const { corpusDir, dataDir } = tempCorpus();
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: REPO,
    input,
    encoding: 'utf8',
    env: {
      ...process.env,
      TELEGRAM_BOT_TOKEN: '',
      CORPUS_DIR: corpusDir,
      DATA_DIR: dataDir,
      EMBEDDING_MODEL: 'none',
      LOG_LEVEL: '',
    },
  });
}

describe('npm start without a token: the terminal conversation', () => {
  it('answers each piped line and exits 0 at the end of input', () => {
    const r = chat(
      'How many mediation statements were issued?\n\nWhat is the unemployment rate?\nHow do I bake sourdough bread?\n',
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('issued 12 mediation statements'); // plain text: stdout is a pipe, not a terminal
    expect(r.stdout).not.toContain('**');
    expect(r.stdout).toContain('Closest passages — the report may not answer this exactly:');
    expect(r.stdout).toContain('The report does not seem to cover this.');
    expect(r.stderr).toContain('running the conversation in the terminal');
  });

  it('/help, /reports and /start work in the terminal as in Telegram, and are not searched as questions', () => {
    const r = chat('/help\n/reports\n/start\n/quit\nHow many mediation statements were issued?\n');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('/reports lists the reports, /start shows examples, /quit (or Ctrl-D) leaves.');
    expect(r.stdout).toContain("• The People's Government of Zuoyun County 2023 Annual Report");
    expect(r.stdout).toContain('Try: "How many administrative cases did the county have in 2023?"');
    expect(r.stdout).not.toContain('does not seem to cover'); // no command was searched
    expect(r.stdout).not.toContain('mediation statements'); // nothing after /quit
  });

  it('small talk as in Telegram, and the short citation', () => {
    const r = chat('hi\nthanks a lot\nHow many mediation statements were issued?\n');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Try: "How many administrative cases did the county have in 2023?"'); // "hi": the welcome
    expect(r.stdout).toContain('You are welcome. Ask another question any time.');
    expect(r.stdout).not.toContain('does not seem to cover');
    const citation = r.stdout.split('\n').find((l) => l.startsWith('— '))!;
    expect(citation).toMatch(/^— Zuoyun County 2023 Rule of Law Report · §\d/);
    expect(citation.length).toBeLessThanOrEqual(122);
  });

  it('names a missing CORPUS_DIR instead of failing with a stack trace', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: REPO,
      encoding: 'utf8',
      input: '',
      env: {
        ...process.env,
        TELEGRAM_BOT_TOKEN: '',
        CORPUS_DIR: '/nonexistent-corpus',
        DATA_DIR: tempDir(),
        EMBEDDING_MODEL: 'none',
        LOG_LEVEL: '',
      },
    });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(
      'error: CORPUS_DIR (/nonexistent-corpus) is not a directory: create it, or set CORPUS_DIR to the folder holding the reports.',
    );
  });

  it('stops with one line naming the setting to fix, never echoing the token', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: REPO,
      encoding: 'utf8',
      env: { ...process.env, TELEGRAM_BOT_TOKEN: 'not-a-real-token-SECRET', LOG_LEVEL: '' },
    });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(
      'error: TELEGRAM_BOT_TOKEN is malformed: expected "<digits>:<secret>" as given by @BotFather.',
    );
    expect(r.stderr).not.toContain('SECRET');
  });
});
