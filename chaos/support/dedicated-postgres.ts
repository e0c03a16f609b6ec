import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort, waitFor } from '@vouch/testing';

const run = promisify(execFile);
const infraCli = path.resolve(__dirname, '../../infra/scripts/infra.mjs');

/** What `crash()` killed: the postmaster, and how many of its processes outlived it by `graceMs`. */
export interface PostgresCrash {
  postmaster: number;
  children: number;
  killedAfterGrace: number;
}

/**
 * A PostgreSQL server of one scenario's own (the repo's embedded PostgreSQL, started by
 * `infra.mjs --only postgres` in a home of its own, as DedicatedKafkaBroker does for Kafka), so it
 * can be stopped and restarted without disturbing the shared one other tests use.
 */
export class DedicatedPostgres {
  private constructor(
    private readonly home: string,
    readonly port: number,
  ) {}

  static async start(): Promise<DedicatedPostgres> {
    const home = await mkdtemp(path.join(tmpdir(), 'vouch-postgres-'));
    // As root, PostgreSQL runs as the `postgres` user, which must reach its data directory.
    await chmod(home, 0o755);
    const postgres = new DedicatedPostgres(home, await freePort());
    await postgres.up();
    return postgres;
  }

  /** The server's maintenance database, as DATABASE_URL names a server for the tests. */
  get url(): string {
    return `postgres://postgres:postgres@127.0.0.1:${this.port}/postgres`;
  }

  /** Fast shutdown: connections are cut, open transactions roll back. The data stays. */
  async down(): Promise<void> {
    await this.cli('down');
  }

  /**
   * A crash: `kill -9` of the postmaster, no shutdown at all; the next `up()` runs crash recovery
   * from the WAL. On Linux its backends and auxiliary processes notice the postmaster's death and
   * exit on their own; any still there after `graceMs` are killed too (a new postmaster refuses to
   * start while they hold the old shared memory). Resolves once every one of them is gone.
   */
  async crash({ graceMs = 5_000 } = {}): Promise<PostgresCrash> {
    const postmaster = Number((await readFile(this.postmasterPidFile, 'utf8')).split('\n')[0]);
    const children = await childrenOf(postmaster);
    process.kill(postmaster, 'SIGKILL');
    const allGone = async (pids: number[]) => (await Promise.all(pids.map(isGone))).every(Boolean);
    await waitFor(`the postmaster (pid ${postmaster}) to exit`, () => allGone([postmaster]), Boolean, {
      timeoutMs: 10_000,
      intervalMs: 20,
    });
    await waitFor('its backends to exit on their own', () => allGone(children), Boolean, {
      timeoutMs: graceMs,
      intervalMs: 50,
    }).catch(() => undefined);
    const stillThere = await Promise.all(children.map(isGone));
    const leftovers = children.filter((_, index) => !stillThere[index]);
    for (const pid of leftovers) process.kill(pid, 'SIGKILL');
    await waitFor('every backend to exit', () => allGone(children), Boolean, {
      timeoutMs: 10_000,
      intervalMs: 50,
    });
    return { postmaster, children: children.length, killedAfterGrace: leftovers.length };
  }

  /** What the server logged, for its crash recovery. */
  async log(): Promise<string> {
    return readFile(path.join(this.home, 'logs', 'postgres.log'), 'utf8').catch(() => '');
  }

  private get postmasterPidFile(): string {
    return path.join(this.home, 'postgres', 'data', 'postmaster.pid');
  }

  async up(): Promise<void> {
    await this.cli('up', '--postgres-port', String(this.port));
  }

  async destroy(): Promise<void> {
    await this.down();
    await rm(this.home, { recursive: true, force: true });
  }

  private async cli(command: string, ...options: string[]): Promise<void> {
    // Without DATABASE_URL: with it, infra.mjs would use that server instead of starting its own.
    const { DATABASE_URL: _shared, ...environment } = process.env;
    await run(process.execPath, [infraCli, command, '--only', 'postgres', '--home', this.home, ...options], {
      env: environment,
      timeout: 180_000,
    });
  }
}

/** The processes whose parent is `pid` (a postmaster's backends and auxiliary processes). */
async function childrenOf(pid: number): Promise<number[]> {
  const candidates = (await readdir('/proc')).filter((name) => /^\d+$/.test(name)).map(Number);
  const parents = await Promise.all(
    candidates.map((candidate) =>
      readFile(`/proc/${candidate}/stat`, 'utf8').then(
        (stat) => Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]),
        () => 0,
      ),
    ),
  );
  return candidates.filter((_, index) => parents[index] === pid);
}

/** Gone, or a zombie waiting to be reaped (a detached server's parent is init, which may be slow to). */
async function isGone(pid: number): Promise<boolean> {
  return readFile(`/proc/${pid}/stat`, 'utf8').then(
    (stat) => stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z'),
    () => true,
  );
}
