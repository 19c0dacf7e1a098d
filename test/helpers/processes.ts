/**
 * Processes and ports for end-to-end tests and benchmarks, without a test framework (benchmarks import it): the
 * repository root, a free loopback port, and the bot started as `npm start` starts it.
 */
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../..');

/** A TCP port on loopback that is free right now. */
export async function freePort(): Promise<number> {
  const s = createServer().listen(0, '127.0.0.1');
  await once(s, 'listening');
  const { port } = s.address() as AddressInfo;
  s.close();
  return port;
}

/** The bot (src/main.ts) in a process of its own, with `env` over this process's environment. */
export function spawnBot(env: Record<string, string>, stdio: StdioOptions = 'ignore'): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: REPO,
    env: { ...process.env, ...env },
    stdio,
  });
}
