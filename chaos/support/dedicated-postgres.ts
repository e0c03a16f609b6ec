import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '@vouch/testing';

const run = promisify(execFile);
const infraCli = path.resolve(__dirname, '../../infra/scripts/infra.mjs');

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
