/**
 * Progress on long work: a bar with counts and ETA on a terminal, plain lines otherwise
 * (logs, CI, pipes).
 */
import cliProgress from 'cli-progress';
import { log } from './log.js';

export interface Progress {
  start(total: number, label: string): void;
  tick(count?: number): void;
  stop(): void;
}

export const silentProgress: Progress = { start() {}, tick() {}, stop() {} };

/** A progress reporter suited to where stderr goes. */
export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream, format: '{label} [{bar}] {value}/{total} chunks · ETA {eta_formatted}', hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    return {
      start: (total, label) => bar.start(total, 0, { label }),
      tick: (n = 1) => bar.increment(n),
      stop: () => bar.stop(),
    };
  }
  let total = 0;
  let done = 0;
  let label = '';
  let lastDecile = -1;
  const began = Date.now();
  return {
    start(t, l) {
      total = t;
      label = l;
      done = 0;
      lastDecile = -1;
    },
    tick(n = 1) {
      done += n;
      const decile = Math.floor((done / Math.max(total, 1)) * 10);
      if (decile > lastDecile) {
        lastDecile = decile;
        const rate = done / Math.max((Date.now() - began) / 1000, 0.001);
        const eta = rate > 0 ? Math.round((total - done) / rate) : 0;
        log.info(`${label}: ${done}/${total} chunks${done < total ? `, ETA ${eta}s` : ''}`);
      }
    },
    stop() {},
  };
}
