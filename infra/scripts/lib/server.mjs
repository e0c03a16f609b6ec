// @ts-check
/**
 * What the three server modules (kafka, postgres, maildev) have in common: pid/state files,
 * "is it ours and running?" inspection, and stopping.
 */
import path from 'node:path';
import {
  isOurProcess,
  isPortOpen,
  readJson,
  readPidFile,
  removeFile,
  stopProcess,
  formatDuration,
} from './util.mjs';

/** @typedef {import('./config.mjs').ResolvedConfig} ResolvedConfig */
/** @typedef {import('./config.mjs').ServerName} ServerName */

/**
 * One line of `status`.
 * - `running`: started by infra.mjs (pid file), process alive and port open
 * - `unresponsive`: pid file and process alive, but the port does not answer (starting or hung)
 * - `stopped`: not running (any stale pid file is ignored)
 * - `external`: not started by infra.mjs but the port is taken (something else, e.g. `docker compose`),
 *   or the URL comes from the environment (DATABASE_URL / SMTP_URL)
 * @typedef {object} ServerStatus
 * @property {ServerName} name
 * @property {'running' | 'unresponsive' | 'stopped' | 'external'} state
 * @property {number | null} pid pid of the server process started by infra.mjs, if alive
 * @property {number | null} port main port (Kafka broker / PostgreSQL / SMTP)
 * @property {Record<string, number>} ports all ports of the server
 * @property {string} url connection string (Kafka: host:port list)
 * @property {string} [detail] extra human readable info
 */

/**
 * Saved next to the pid file when a server is started.
 * @typedef {{ pid: number, ports: Record<string, number>, startedAt: string, [key: string]: unknown }} RunState
 */

/**
 * @param {ResolvedConfig} cfg
 * @param {string} name
 */
export function runFiles(cfg, name) {
  return {
    pidFile: path.join(cfg.runDir, `${name}.pid`),
    stateFile: path.join(cfg.runDir, `${name}.json`),
    logFile: path.join(cfg.logDir, `${name}.log`),
  };
}

/**
 * Find the live process we started earlier (pid file + command line check).
 * @param {ResolvedConfig} cfg
 * @param {string} name
 * @param {string[]} needles substrings of the command line that identify our process
 * @returns {{ pid: number, state: RunState | null } | null}
 */
export function findOurs(cfg, name, needles) {
  const { pidFile, stateFile } = runFiles(cfg, name);
  const pid = readPidFile(pidFile);
  if (pid && isOurProcess(pid, needles)) {
    return { pid, state: /** @type {RunState | null} */ (readJson(stateFile)) };
  }
  return null;
}

/**
 * Generic inspection: our process (pid file) → running/unresponsive, otherwise the configured port
 * is probed → external/stopped.
 * @param {ResolvedConfig} cfg
 * @param {{ name: ServerName, fileName: string, needles: string[], portKey: string, ports: Record<string, number>, url: (ports: Record<string, number>) => string }} spec
 * @returns {Promise<ServerStatus>}
 */
export async function inspectServer(cfg, spec) {
  const ours = findOurs(cfg, spec.fileName, spec.needles);
  if (ours) {
    const ports = ours.state?.ports ?? spec.ports;
    const port = ports[spec.portKey] ?? spec.ports[spec.portKey] ?? null;
    const open = port ? await isPortOpen(port) : false;
    return {
      name: spec.name,
      state: open ? 'running' : 'unresponsive',
      pid: ours.pid,
      port,
      ports,
      url: spec.url(ports),
    };
  }
  const port = spec.ports[spec.portKey] ?? null;
  const busy = port ? await isPortOpen(port) : false;
  return {
    name: spec.name,
    state: busy ? 'external' : 'stopped',
    pid: null,
    port,
    ports: spec.ports,
    url: spec.url(spec.ports),
    ...(busy ? { detail: `port ${port} is in use by a process not started by infra.mjs` } : {}),
  };
}

/**
 * Stop our process for `name` (if any) and remove its pid/state files.
 * @param {ResolvedConfig} cfg
 * @param {{ fileName: string, needles: string[], signals?: NodeJS.Signals[], log: (msg: string) => void, extraPids?: number[] }} spec
 * @returns {Promise<boolean>} true if a process was stopped
 */
export async function stopServer(cfg, spec) {
  const { pidFile, stateFile } = runFiles(cfg, spec.fileName);
  const ours = findOurs(cfg, spec.fileName, spec.needles);
  const pids = [...new Set([...(ours ? [ours.pid] : []), ...(spec.extraPids ?? [])])];
  let stopped = false;
  for (const pid of pids) {
    const t0 = Date.now();
    spec.log(`stopping pid ${pid} (${(spec.signals ?? ['SIGTERM'])[0]})…`);
    const gone = await stopProcess(pid, {
      signals: spec.signals ?? ['SIGTERM', 'SIGKILL'],
      timeoutMs: cfg.stopTimeoutMs,
      log: spec.log,
      label: `pid ${pid}`,
    });
    if (!gone) throw new Error(`could not stop pid ${pid}`);
    spec.log(`stopped in ${formatDuration(Date.now() - t0)}`);
    stopped = true;
  }
  removeFile(pidFile);
  removeFile(stateFile);
  return stopped;
}

/**
 * The status to report for a server the environment points at instead of one of ours, unless one
 * of ours is running anyway.
 * @param {ServerStatus} status
 * @param {string | null | undefined} externalUrl
 * @param {number} defaultPort
 * @param {string} detail
 * @returns {ServerStatus}
 */
export function preferExternal(status, externalUrl, defaultPort, detail) {
  if (status.state === 'running' || status.state === 'unresponsive' || !externalUrl) return status;
  let port = null;
  try {
    port = Number(new URL(externalUrl).port || defaultPort);
  } catch {
    // not a URL: leave the port unknown
  }
  return { ...status, state: 'external', pid: null, port, url: externalUrl, detail };
}
