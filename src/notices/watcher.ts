/**
 * Notices new reports while the bot runs, whichever way they arrive: a file dropped into
 * CORPUS_DIR (the corpus changes: ingest, then reload) or `npm run ingest` run beside the
 * bot (the live index generation changes: reload). Polls every `intervalMs`; a changed file is
 * ingested once it has stopped changing for one poll.
 */
import { describeError } from '../errors.js';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Runtime } from '../app.js';
import { describeIngest } from '../app.js';
import { listReportFiles } from '../corpus/files.js';
import { log } from '../log.js';

/** Names, sizes and modification times of the report files: changes when any report does. */
export function corpusSignature(dir: string): string {
  try {
    return listReportFiles(dir)
      .map((f) => {
        try {
          const s = statSync(join(dir, f));
          return `${f}:${s.size}:${s.mtimeMs}`;
        } catch {
          return `${f}:gone`;
        }
      })
      .join('|');
  } catch (error) {
    return `unreadable:${(error as NodeJS.ErrnoException).code}`;
  }
}

/**
 * Decides when a changed corpus is ready to ingest: only once the same signature has been
 * seen on two polls in a row, so a file still being copied (its size or time still moving)
 * is never ingested, and never announced, half-written. Pure.
 */
export class SettledChanges {
  private lastSeen: string;
  constructor(private ingested: string) {
    this.lastSeen = ingested;
  }

  /** True when `signature` differs from what was ingested and has stopped changing. */
  ready(signature: string): boolean {
    const settled = signature === this.lastSeen;
    this.lastSeen = signature;
    return settled && signature !== this.ingested;
  }

  /** Records a successful ingest of `signature`. */
  done(signature: string): void {
    this.ingested = signature;
  }
}

export function watchCorpus(options: {
  corpusDir: string;
  runtime: Runtime;
  intervalMs: number;
  onIndexChanged: () => Promise<unknown>;
  /**
   * Whether this replica ingests and announces (the one holding the leader lock: src/db/); the others only load the
   * generation it writes. Asked every tick, so a replica takes over when the leader dies. Default: always.
   */
  leads?: (() => Promise<boolean>) | undefined;
}): {
  stop(): Promise<void>;
} {
  const { corpusDir, runtime } = options;
  const changes = new SettledChanges(corpusSignature(corpusDir));
  let busy: Promise<void> | undefined;
  let led = true;
  const tick = async (): Promise<void> => {
    const now = corpusSignature(corpusDir);
    let changed = false;
    try {
      const leads = options.leads ? await options.leads() : true;
      // A replica that has just taken over announces what the one before it may have left unannounced.
      changed = leads && !led;
      led = leads;
      if (leads && changes.ready(now)) {
        const summary = await runtime.refresh();
        changes.done(now); // only after a successful ingest, so a failed one is retried next tick
        if (summary.wroteGeneration) log.info(describeIngest(summary));
        changed = summary.wroteGeneration;
      }
      changed = runtime.reload() || changed;
      if (changed && leads) await options.onIndexChanged();
    } catch (error) {
      log.warn('corpus update failed, will retry:', describeError(error));
    }
  };
  const timer = setInterval(() => {
    if (!busy) busy = tick().finally(() => (busy = undefined));
  }, options.intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await busy;
    },
  };
}
