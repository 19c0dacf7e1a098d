/**
 * PDF, Word and HTML conversion in a child process with limits, so that one file cannot cost the
 * ingest minutes or all its memory: Readability's time grows steeply with nesting (1,000 nested
 * divs took 37 s), a PDF of 20,000 empty pages 68 s, an honest .docx inflating to gigabytes. Each
 * file gets a time budget (CONVERT_TIME: a base plus a share per megabyte) and the child a heap
 * cap; a file that exceeds either is stopped and named, the child is started again for the next
 * file. One child serves a whole ingest, started on the first file that needs converting.
 */
import type { ChildProcess } from 'node:child_process';
import { convertReport, type Converted } from './corpus/files.js';
import { describeError, ReportFileError } from './errors.js';
import { loadThesaurus, type Thesaurus } from './search/thesaurus.js';
import { childEntry } from './paths.js';

export interface ConvertLimits {
  /** Time for any file, plus `msPerMb` per megabyte of it. */
  baseMs: number;
  msPerMb: number;
  /** The child's JavaScript heap (V8 stops it beyond). */
  heapMb: number;
}

export const CONVERT_LIMITS: ConvertLimits = { baseMs: 10_000, msPerMb: 5_000, heapMb: 1024 };

type Request = { name: string; bytes: Uint8Array };
type Reply = { ok: true; converted: Converted } | { ok: false; reportFileReason?: string | undefined; message: string };

const SELF = childEntry(import.meta.url, 'convert-child');
const RUN = '--run-convert';

/** How long a new child may take to start (Node.js, and tsx from the sources) before a file's time begins. */
const START_MS = 30_000;

export class ConversionChild {
  private child?: Promise<ChildProcess> | undefined;

  constructor(private readonly limits: ConvertLimits = CONVERT_LIMITS) {}

  /** The running child, started when none is: ready once it says so, so a file's time is its own, not the start's. */
  private started(): Promise<ChildProcess> {
    // node:child_process is loaded here, not with the module: an ingest with no such file never starts a child.
    return (this.child ??= import('node:child_process').then(
      ({ fork }) =>
        new Promise<ChildProcess>((resolve, reject) => {
          const child = fork(SELF, [RUN], {
            // Run from the TypeScript sources (tests, tsx), the child needs the same loader.
            execArgv: [
              `--max-old-space-size=${this.limits.heapMb}`,
              ...(SELF.endsWith('.ts') ? ['--import', 'tsx'] : []),
            ],
            serialization: 'advanced',
            stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
          });
          const failed = (why: string): void => {
            clearTimeout(timer);
            this.child = undefined;
            child.kill('SIGKILL');
            reject(new Error(why));
          };
          const timer = setTimeout(() => failed(`the converter did not start within ${START_MS / 1000} s`), START_MS);
          child.once('exit', (code, signal) =>
            failed(`the converter stopped as it started (${signal ?? `exit code ${code}`})`),
          );
          child.once('message', () => {
            clearTimeout(timer);
            child.removeAllListeners('exit');
            resolve(child);
          });
        }),
    ));
  }

  /** Converts one file in the child; a file over its time or the child's memory is a ReportFileError naming it. */
  async convert(name: string, bytes: Buffer): Promise<Converted> {
    const child = await this.started();
    // What the child logs is passed on with its reply; a child stopped for its memory leaves only V8's dying words,
    // dropped.
    const logged: Buffer[] = [];
    const onLog = (chunk: Buffer): number => logged.push(chunk);
    child.stderr?.on('data', onLog);
    const budgetMs = this.limits.baseMs + (this.limits.msPerMb * bytes.length) / 1048576;
    return new Promise<Converted>((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        child.stderr?.off('data', onLog);
      };
      const stop = (reason: string): void => {
        done();
        this.child = undefined;
        child.kill('SIGKILL');
        reject(new ReportFileError(name, reason));
      };
      const timer = setTimeout(
        () => stop(`took over ${Math.round(budgetMs / 1000)} s to convert; stopped and skipped.`),
        budgetMs,
      );
      const onMessage = (reply: Reply): void => {
        done();
        for (const chunk of logged) process.stderr.write(chunk);
        if (reply.ok) resolve(reply.converted);
        else
          reject(reply.reportFileReason ? new ReportFileError(name, reply.reportFileReason) : new Error(reply.message));
      };
      const onExit = (code: number | null, signal: string | null): void =>
        stop(
          `stopped the converter (${signal ?? `exit code ${code}`}: past its ${this.limits.heapMb} MB of memory?); skipped.`,
        );
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send({ name, bytes } satisfies Request);
    });
  }

  /** Ends the child (the ingest is over). */
  close(): void {
    void this.child?.then(
      (child) => child.kill(),
      () => undefined,
    );
    this.child = undefined;
  }
}

if (process.argv[1] === SELF && process.argv[2] === RUN && process.send) {
  // The ingest ending (or dying) ends the converter too.
  process.once('disconnect', () => process.exit(0));
  let dictionary: Thesaurus | undefined | null = null;
  const isWord = (word: string): boolean => {
    if (dictionary === null) dictionary = loadThesaurus();
    return dictionary?.knows(word) ?? false;
  };
  process.send({ ready: true });
  process.on('message', (request: Request) => {
    convertReport(
      request.name,
      Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength),
      isWord,
    ).then(
      (converted) => process.send!({ ok: true, converted } satisfies Reply),
      (error: unknown) =>
        process.send!({
          ok: false,
          reportFileReason: error instanceof ReportFileError ? error.reason : undefined,
          message: describeError(error),
        } satisfies Reply),
    );
  });
}
