import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, tempCorpus } from '../helpers/fixtures.js';

function ask(args: string[], input = '', env: Record<string, string> = {}) {
  const { corpusDir, dataDir } = tempCorpus();
  return spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'scripts/ask.ts'), ...args], {
    cwd: REPO,
    input,
    encoding: 'utf8',
    env: { ...process.env, CORPUS_DIR: corpusDir, DATA_DIR: dataDir, EMBEDDING_MODEL: 'none', LOG_LEVEL: '', ...env },
  });
}

/** The `ask --json` shape (the README's quick start: a stable interface). */
interface AnswerJson {
  question: string;
  abstained: boolean;
  confidence?: 'high' | 'low';
  answers: { quote: string; score: number; citation: Record<string, unknown> }[];
}
const parseAnswer = (line: string): AnswerJson => JSON.parse(line) as AnswerJson;

describe('npm run ask', () => {
  it('--json prints the documented shape for one question', () => {
    const r = ask(['--json', 'How many administrative cases were there in the county?']);
    expect(r.status).toBe(0);
    const out = parseAnswer(r.stdout);
    expect(Object.keys(out)).toEqual(['question', 'abstained', 'confidence', 'answers']);
    expect(out.confidence).toBe('high');
    expect(out.answers[0]!.quote).toContain('13 administrative cases');
    expect(Object.keys(out.answers[0]!)).toEqual(['quote', 'score', 'citation']);
    expect(Object.keys(out.answers[0]!.citation)).toEqual(['reportId', 'reportTitle', 'section', 'paragraph']);
  });

  it('--json without a question answers each stdin line in order, hostile lines included', () => {
    const lines = [
      'How many mediation statements were issued?',
      '',
      '<script>alert(1)</script>',
      '🙂',
      "' OR 1=1 --",
      'x'.repeat(10_000),
    ];
    const r = ask(['--json'], lines.join('\n') + '\n');
    expect(r.status).toBe(0);
    const out = r.stdout.trim().split('\n').map(parseAnswer);
    expect(out.map((o) => o.question)).toEqual(lines);
    expect(out[0]!.answers[0]!.quote).toContain('12 mediation statements');
    // Hostile lines are refused, or at most offered as clearly labelled closest passages.
    expect(out.slice(1, 5).every((o) => o.abstained || o.confidence === 'low')).toBe(true);
    expect([out[1], out[3], out[4]].every((o) => o!.abstained && !('confidence' in o!))).toBe(true);
  });

  it('ends quietly when its reader stops reading ("… | head")', async () => {
    const { corpusDir, dataDir } = tempCorpus();
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'scripts/ask.ts'), '--json'], {
      cwd: REPO,
      env: { ...process.env, CORPUS_DIR: corpusDir, DATA_DIR: dataDir, EMBEDDING_MODEL: 'none', LOG_LEVEL: '' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end('How many mediation statements were issued?\n'.repeat(200));
    // The reader takes the first answer and goes away.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('exit', done));
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
  });

  it('a mistyped flag is a usage error, not a question', () => {
    const r = ask(['--jsno', 'How many cases?']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Unknown option '--jsno'");
    expect(r.stderr).toContain('usage: npm run ask -- [--json] "question"');
  });

  it('a bad setting is one line naming it, and exit code 2 (configuration)', () => {
    const r = ask(['How many mediation statements were issued?'], '', { LOG_LEVEL: 'warn' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('error: LOG_LEVEL must be "info" (the default) or "silent" (errors only).');
  });

  it('does not need the bot token: a malformed one in the environment is ignored', () => {
    const r = ask(['--json', 'How many mediation statements were issued?'], '', { TELEGRAM_BOT_TOKEN: 'not-a-token' });
    expect(r.status).toBe(0);
    expect(parseAnswer(r.stdout).answers[0]!.quote).toContain('12 mediation statements');
  });

  it('prints a readable answer and says once why the configured model is not used; an unreachable hub model is not retried on the next start', () => {
    const { corpusDir, dataDir } = tempCorpus();
    const run = () =>
      spawnSync(
        process.execPath,
        ['--import', 'tsx', join(REPO, 'scripts/ask.ts'), 'How many mediation statements were issued?'],
        {
          cwd: REPO,
          encoding: 'utf8',
          env: {
            ...process.env,
            CORPUS_DIR: corpusDir,
            DATA_DIR: dataDir,
            EMBEDDING_MODEL: 'example/no-such-model',
            HF_ENDPOINT: 'http://127.0.0.1:9/',
            LOG_LEVEL: '',
          },
        },
      );
    const r = run();
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/«.*issued 12 mediation statements.*»\n— .* · ¶\d+/s); // plain: stdout is a pipe
    const warnings = r.stderr.split('\n').filter((l) => l.includes('could not be loaded'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('no-such-model');
    expect(JSON.parse(readFileSync(join(dataDir, 'models', 'hub-unreachable.json'), 'utf8'))).toMatchObject({
      model: 'example/no-such-model',
    });
    // The next start does not try the hub again; it says since when and how to retry.
    const again = run();
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(
      /not reachable at \d{4}-.*tried again after 24 h, or now if .*hub-unreachable\.json is deleted/,
    );
  });
});
