// @ts-check
/**
 * maildev (npm, installed in node_modules): SMTP sink + web UI / REST API, run detached with node.
 * SMTP on 127.0.0.1:<smtpPort>, web on 127.0.0.1:<maildevWebPort>, mails kept in <home>/maildev,
 * log <home>/logs/maildev.log. Not started when SMTP_URL is set.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { prefixed } from './config.mjs';
import { inspectServer, preferExternal, runFiles, stopServer } from './server.mjs';
import {
  InfraError,
  formatDuration,
  httpStatus,
  indent,
  isPortOpen,
  mkdirp,
  removeFile,
  spawnDetached,
  stopProcess,
  tailFile,
  waitFor,
  writeJson,
  writePidFile,
} from './util.mjs';

/** @typedef {import('./config.mjs').ResolvedConfig} ResolvedConfig */
/** @typedef {import('./server.mjs').ServerStatus} ServerStatus */

/** @param {ResolvedConfig} cfg */
export function maildevPaths(cfg) {
  return { mailDir: path.join(cfg.home, 'maildev'), ...runFiles(cfg, 'maildev') };
}

const needles = (/** @type {ResolvedConfig} */ cfg) => ['maildev', maildevPaths(cfg).mailDir];

/** @param {number} port */
export const localSmtpUrl = (port) => `smtp://127.0.0.1:${port}`;
/** @param {number} port */
export const localMaildevUrl = (port) => `http://127.0.0.1:${port}`;

/**
 * Is maildev answering: web `/healthz` is 200 and the SMTP port accepts connections?
 * @param {{ smtpPort: number, maildevWebPort: number }} ports
 */
export async function maildevAnswers(ports) {
  return (
    (await httpStatus(`${localMaildevUrl(ports.maildevWebPort)}/healthz`)) === 200 &&
    (await isPortOpen(ports.smtpPort))
  );
}

/**
 * @param {ResolvedConfig} cfg
 * @returns {Promise<ServerStatus>}
 */
export async function inspectMaildev(cfg) {
  const status = await inspectServer(cfg, {
    name: 'smtp',
    fileName: 'maildev',
    needles: needles(cfg),
    portKey: 'smtpPort',
    ports: { smtpPort: cfg.ports.smtpPort, maildevWebPort: cfg.ports.maildevWebPort },
    url: (ports) => localSmtpUrl(/** @type {number} */ (ports.smtpPort)),
  });
  return preferExternal(status, cfg.externalSmtpUrl, 25, 'SMTP_URL is set');
}

/**
 * @param {ResolvedConfig} cfg
 * @returns {Promise<{ started: boolean, smtpUrl: string, maildevUrl: string | null, status: ServerStatus }>}
 */
export async function upMaildev(cfg) {
  const log = prefixed(cfg, 'smtp');
  const p = maildevPaths(cfg);
  const ports = { smtpPort: cfg.ports.smtpPort, maildevWebPort: cfg.ports.maildevWebPort };
  const smtpUrl = localSmtpUrl(ports.smtpPort);
  const maildevUrl = localMaildevUrl(ports.maildevWebPort);

  if (cfg.externalSmtpUrl) {
    log(`SMTP_URL is set (${cfg.externalSmtpUrl}): not starting maildev`);
    return {
      started: false,
      smtpUrl: cfg.externalSmtpUrl,
      maildevUrl: cfg.externalMaildevUrl,
      status: await inspectMaildev(cfg),
    };
  }

  const status = await inspectMaildev(cfg);
  if (status.state === 'running' || status.state === 'unresponsive') {
    if (status.ports.smtpPort !== ports.smtpPort || status.ports.maildevWebPort !== ports.maildevWebPort) {
      throw new InfraError(
        `maildev from ${cfg.home} is already running on ports ${status.ports.smtpPort}/${status.ports.maildevWebPort}: ` +
          `run \`node infra/scripts/infra.mjs down --only smtp\` first`,
      );
    }
    log(`already running (pid ${status.pid}), checking it answers…`);
    await waitFor(() => maildevAnswers(ports), {
      timeoutMs: 20_000,
      what: `maildev pid ${status.pid} to answer`,
    });
    log(`reusing pid ${status.pid} (SMTP ${ports.smtpPort}, web ${ports.maildevWebPort})`);
    return { started: false, smtpUrl, maildevUrl, status };
  }
  const webBusy = await isPortOpen(ports.maildevWebPort);
  if (status.state === 'external' || webBusy) {
    if (await maildevAnswers(ports)) {
      log(
        `a maildev not started by infra.mjs already answers on ${ports.smtpPort}/${ports.maildevWebPort}; using it (\`down\` will not stop it)`,
      );
      return { started: false, smtpUrl, maildevUrl, status };
    }
    throw new InfraError(
      `port ${status.state === 'external' ? ports.smtpPort : ports.maildevWebPort} is in use by another process: free it, ` +
        `pick other ports (--smtp-port / VOUCH_SMTP_PORT, --maildev-web-port / VOUCH_MAILDEV_WEB_PORT) or set SMTP_URL`,
    );
  }

  removeFile(p.pidFile);
  removeFile(p.stateFile);
  mkdirp(p.mailDir);
  const bin = path.join(
    path.dirname(createRequire(import.meta.url).resolve('maildev/package.json')),
    'bin',
    'maildev',
  );
  log(`starting maildev: SMTP 127.0.0.1:${ports.smtpPort}, web ${maildevUrl} (log ${p.logFile})…`);
  const t0 = Date.now();
  const child = await spawnDetached(
    process.execPath,
    [
      bin,
      '--smtp',
      String(ports.smtpPort),
      '--web',
      String(ports.maildevWebPort),
      '--ip',
      '127.0.0.1',
      '--web-ip',
      '127.0.0.1',
      '--mail-directory',
      p.mailDir,
    ],
    { logFile: p.logFile, cwd: cfg.home, env: cfg.env },
  );
  const pid = /** @type {number} */ (child.pid);
  writePidFile(p.pidFile, pid);
  writeJson(p.stateFile, { pid, ports, startedAt: new Date().toISOString(), mailDir: p.mailDir });
  /** @type {number | null} */
  let exitCode = null;
  child.once('exit', (code, signal) => {
    exitCode = code ?? (signal ? 128 : -1);
  });
  try {
    await waitFor(() => maildevAnswers(ports), {
      timeoutMs: 30_000,
      intervalMs: 150,
      what: `maildev to answer on ${maildevUrl}/healthz and SMTP ${ports.smtpPort}`,
      abort: () => (exitCode !== null ? `maildev exited (code ${exitCode}) during startup` : null),
    });
  } catch (err) {
    await stopProcess(pid, { timeoutMs: 5000 });
    removeFile(p.pidFile);
    removeFile(p.stateFile);
    throw new InfraError(
      `${/** @type {Error} */ (err).message}. Last lines of ${p.logFile}:\n${indent(tailFile(p.logFile, 15))}`,
    );
  }
  log(`ready in ${formatDuration(Date.now() - t0)} (pid ${pid})`);
  return { started: true, smtpUrl, maildevUrl, status: await inspectMaildev(cfg) };
}

/**
 * @param {ResolvedConfig} cfg
 * @returns {Promise<boolean>}
 */
export function downMaildev(cfg) {
  return stopServer(cfg, { fileName: 'maildev', needles: needles(cfg), log: prefixed(cfg, 'smtp') });
}
