/**
 * Progress on long work: a bar with counts and ETA on a terminal, plain lines otherwise
 * (logs, CI, pipes).
 */
import { createRequire } from 'node:module';
import { log } from './log.js';

export interface Progress {
  /** @param unit what is counted ("chunks", "KB") */
  start(total: number, label: string, unit?: string): void;
  tick(count?: number): void;
  stop(): void;
}

export const silentProgress: Progress = { start() {}, tick() {}, stop() {} };

/** A progress reporter suited to where stderr goes. */
export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY) {
    // The bar's library is loaded when a bar is first drawn: most runs never draw one.
    let bar: import('cli-progress').SingleBar | undefined;
    return {
      start: (total, label, unit = 'chunks') => {
        const cliProgress = createRequire(import.meta.url)('cli-progress') as typeof import('cli-progress');
        bar ??= new cliProgress.SingleBar(
          { stream, format: '{label} [{bar}] {value}/{total} {unit} · ETA {eta_formatted}', hideCursor: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, 0, { label, unit });
      },
      tick: (n = 1) => bar?.increment(n),
      stop: () => bar?.stop(),
    };
  }
  let total = 0;
  let done = 0;
  let label = '';
  let unit = 'chunks';
  let lastDecile = -1;
  const began = Date.now();
  return {
    start(t, l, u = 'chunks') {
      total = t;
      label = l;
      unit = u;
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
        log.info(`${label}: ${done}/${total} ${unit}${done < total ? `, ETA ${eta}s` : ''}`);
      }
    },
    stop() {},
  };
}
