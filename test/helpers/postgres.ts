/**
 * A throwaway PostgreSQL cluster for tests, from the machine's own binaries: `initdb` into a temporary
 * folder, the server on a free loopback port (and a socket in that folder), stopped and removed after.
 * As root (CI containers) the server runs as the `postgres` user, as PostgreSQL refuses root. A machine
 * without PostgreSQL fails the test saying how to install it: the store tests never skip silently.
 */
import { execFileSync, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './processes.js';

export interface TestPostgres {
  /** The cluster's maintenance database, as a URL. */
  url: string;
  /** A new, empty database in the cluster, as a URL. */
  newDatabase(): Promise<string>;
  stop(): void;
}

/** Where initdb and pg_ctl are: PG_BIN, then pg_config's answer, then Debian's folders, then PATH. */
export function postgresBinDir(): string {
  const candidates = [process.env.PG_BIN ?? ''];
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim());
  } catch {
    // no pg_config: look further
  }
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian))
    for (const v of readdirSync(debian).sort((a, b) => Number(b) - Number(a))) candidates.push(join(debian, v, 'bin'));
  for (const dir of (process.env.PATH ?? '').split(':')) candidates.push(dir);
  const found = candidates.find((dir) => dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
  if (!found)
    throw new Error(
      "PostgreSQL's server binaries (initdb, pg_ctl) were not found: install them (Debian: apt-get install postgresql) or set PG_BIN to their folder. The store tests run on SQLite and PostgreSQL both.",
    );
  return found;
}

/** The user the server runs as: ourselves, or `postgres` when we are root. */
function serverUser(): Pick<SpawnSyncOptions, 'uid' | 'gid'> {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string): number => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error(
      'Running as root, PostgreSQL needs a "postgres" user to run as (Debian\'s postgresql package makes one).',
    );
  }
}

export async function startPostgres(): Promise<TestPostgres> {
  const bin = postgresBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'rqb-pg-'));
  const user = serverUser();
  if (user.uid !== undefined) chownSync(dir, user.uid, user.gid!);
  const run = (cmd: string, args: string[]): void => {
    const r = spawnSync(join(bin, cmd), args, { ...user, encoding: 'utf8', cwd: dir });
    if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}): ${r.stderr || r.stdout}`);
  };
  const port = await freePort();
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'rqb', '-E', 'UTF8', '--no-sync', '--no-instructions']);
  run('pg_ctl', [
    '-D',
    data,
    '-l',
    join(dir, 'server.log'),
    '-w',
    '-o',
    `-h 127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c max_connections=200`,
    'start',
  ]);
  const url = `postgres://rqb@127.0.0.1:${port}/postgres`;
  let n = 0;
  return {
    url,
    async newDatabase() {
      const name = `t${process.pid}_${++n}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`CREATE DATABASE ${name}`);
      await client.end();
      return `postgres://rqb@127.0.0.1:${port}/${name}`;
    },
    stop() {
      spawnSync(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], { ...user, cwd: dir });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
