// @ts-check
/**
 * Small process / file / network helpers shared by the infra services.
 * POSIX oriented (Linux, macOS); nothing here needs Docker.
 */
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import http from 'node:http';
import path from 'node:path';

/** @param {number} ms */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Human readable duration, e.g. `850ms`, `4.2s`, `1m05s`.
 * @param {number} ms
 */
export function formatDuration(ms) {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const m = Math.floor(ms / 60_000);
  const s = Math.round((ms % 60_000) / 1000);
  return `${m}m${String(s).padStart(2, '0')}s`;
}

/** An error whose message is meant for humans (printed without a stack trace by the CLI). */
export class InfraError extends Error {
  /**
   * @param {string} message
   * @param {{ cause?: unknown }} [options]
   */
  constructor(message, options) {
    super(message, options);
    this.name = 'InfraError';
  }
}

/** @param {string} dir */
export function mkdirp(dir) {
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * @param {string} file
 * @returns {number | null} the pid stored in `file`, or null if missing/garbage
 */
export function readPidFile(file) {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8').trim().split(/\s+/)[0] ?? '', 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * @param {string} file
 * @param {number} pid
 */
export function writePidFile(file, pid) {
  mkdirp(path.dirname(file));
  fs.writeFileSync(file, `${pid}\n`);
}

/** @param {string} file */
export function removeFile(file) {
  fs.rmSync(file, { force: true });
}

/**
 * @param {string} file
 * @returns {any} parsed JSON or null
 */
export function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * @param {string} file
 * @param {unknown} value
 */
export function writeJson(file, value) {
  mkdirp(path.dirname(file));
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(value, null, 2)}\n`);
  fs.renameSync(tmp, file);
}

/**
 * Is a process with this pid alive (zombies count as dead)?
 * @param {number | null | undefined} pid
 */
export function isAlive(pid) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    // EPERM: exists but belongs to another user (e.g. postgres started as root runs as `postgres`).
    if (/** @type {NodeJS.ErrnoException} */ (err).code !== 'EPERM') return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    if (state === 'Z' || state === 'X') return false;
  } catch {
    // no /proc (macOS): trust kill(0)
  }
  return true;
}

/**
 * Command line of a process, or null if it cannot be read.
 * @param {number} pid
 * @returns {string | null}
 */
export function commandLine(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    // fall through to ps (macOS)
  }
  try {
    return execFileSync('ps', ['-p', String(pid), '-o', 'command='], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

/**
 * Is `pid` alive and does its command line contain every `needle`? Guards against pid reuse.
 * If the command line cannot be read at all, a live pid is trusted.
 * @param {number | null | undefined} pid
 * @param {string[]} needles
 */
export function isOurProcess(pid, needles) {
  if (!pid || !isAlive(pid)) return false;
  const cmd = commandLine(pid);
  if (cmd === null) return true;
  return needles.every((n) => cmd.includes(n));
}

/**
 * Can we open a TCP connection to host:port?
 * @param {number} port
 * @param {string} [host]
 * @param {number} [timeoutMs]
 * @returns {Promise<boolean>}
 */
export function isPortOpen(port, host = '127.0.0.1', timeoutMs = 500) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (/** @type {boolean} */ ok) => {
      socket.removeAllListeners();
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * HTTP GET returning the status code (or 0 when the request fails).
 * @param {string} url
 * @param {number} [timeoutMs]
 * @returns {Promise<number>}
 */
export function httpStatus(url, timeoutMs = 1500) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

/**
 * Poll `check` until it returns a truthy value, `deadline` passes or `abort` returns an error text.
 * @template T
 * @param {() => Promise<T | null | undefined | false>} check
 * @param {{ timeoutMs: number, intervalMs?: number, abort?: () => string | null, what: string }} opts
 * @returns {Promise<T>}
 */
export async function waitFor(check, { timeoutMs, intervalMs = 250, abort, what }) {
  const deadline = Date.now() + timeoutMs;
  /** @type {unknown} */
  let lastError;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (err) {
      lastError = err;
    }
    const aborted = abort?.();
    if (aborted) throw new InfraError(aborted);
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new InfraError(`timed out after ${formatDuration(timeoutMs)} waiting for ${what}${why}`);
    }
    await sleep(intervalMs);
  }
}

/**
 * Stop a process: send `signals[0]`, wait up to `timeoutMs`, then each following signal
 * (e.g. SIGKILL) with a shorter wait. Resolves true if the process is gone.
 * @param {number} pid
 * @param {{ signals?: NodeJS.Signals[], timeoutMs?: number, log?: (msg: string) => void, label?: string }} [opts]
 */
export async function stopProcess(pid, opts = {}) {
  const { signals = ['SIGTERM', 'SIGKILL'], timeoutMs = 30_000, log, label = `pid ${pid}` } = opts;
  for (let i = 0; i < signals.length; i++) {
    if (!isAlive(pid)) return true;
    const signal = /** @type {NodeJS.Signals} */ (signals[i]);
    if (i > 0) log?.(`${label} still running after ${formatDuration(timeoutMs)}, sending ${signal}`);
    try {
      process.kill(pid, signal);
    } catch (err) {
      if (/** @type {NodeJS.ErrnoException} */ (err).code === 'ESRCH') return true;
      throw err;
    }
    const wait = i === signals.length - 1 ? 5_000 : timeoutMs;
    const deadline = Date.now() + wait;
    while (Date.now() < deadline) {
      if (!isAlive(pid)) return true;
      await sleep(100);
    }
  }
  return !isAlive(pid);
}

/**
 * Start a long running server detached from this process (own session, no shared stdio):
 * it keeps running after node exits and does not get the terminal's Ctrl-C.
 * stdout and stderr are appended to `logFile`.
 * @param {string} command
 * @param {string[]} args
 * @param {{ logFile: string, cwd?: string, env?: NodeJS.ProcessEnv }} opts
 * @returns {Promise<import('node:child_process').ChildProcess>}
 */
export async function spawnDetached(command, args, { logFile, cwd, env }) {
  mkdirp(path.dirname(logFile));
  rotateLog(logFile);
  const fd = fs.openSync(logFile, 'a');
  try {
    fs.writeSync(fd, `\n===== ${new Date().toISOString()} starting: ${command} ${args.join(' ')}\n`);
    const child = spawn(command, args, {
      cwd,
      env,
      detached: true,
      stdio: ['ignore', fd, fd],
    });
    await new Promise((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', reject);
    });
    child.unref();
    return child;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Keep logs from growing forever: move a log bigger than `maxBytes` to `<file>.1`.
 * @param {string} file
 * @param {number} [maxBytes]
 */
export function rotateLog(file, maxBytes = 20 * 1024 * 1024) {
  try {
    if (fs.statSync(file).size > maxBytes) fs.renameSync(file, `${file}.1`);
  } catch {
    // missing file: nothing to rotate
  }
}

/**
 * Last `lines` lines of a text file ('' if missing).
 * @param {string} file
 * @param {number} [lines]
 */
export function tailFile(file, lines = 25) {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const size = fs.fstatSync(fd).size;
      const len = Math.min(size, 64 * 1024);
      const buf = Buffer.alloc(len);
      fs.readSync(fd, buf, 0, len, size - len);
      return buf
        .toString('utf8')
        .split('\n')
        .slice(-lines - 1)
        .join('\n')
        .trimEnd();
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return '';
  }
}

/**
 * Indent a block of text (for log tails inside error messages).
 * @param {string} text
 */
export const indent = (text) =>
  text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');

/**
 * Run a command to completion, capturing output (also appended to `logFile` if given).
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, logFile?: string, uid?: number, gid?: number, detached?: boolean }} [opts]
 * @returns {Promise<{ code: number | null, signal: NodeJS.Signals | null, output: string }>}
 */
export function run(command, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: opts.cwd,
      env: opts.env,
      uid: opts.uid,
      gid: opts.gid,
      detached: opts.detached,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    /** @type {fs.WriteStream | undefined} */
    let log;
    if (opts.logFile) {
      mkdirp(path.dirname(opts.logFile));
      log = fs.createWriteStream(opts.logFile, { flags: 'a' });
    }
    const onData = (/** @type {Buffer} */ chunk) => {
      output += chunk.toString('utf8');
      if (output.length > 256 * 1024) output = output.slice(-128 * 1024);
      log?.write(chunk);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', (err) => {
      log?.end();
      reject(err);
    });
    child.once('close', (code, signal) => {
      if (log) log.end(() => resolve({ code, signal, output }));
      else resolve({ code, signal, output });
    });
  });
}

/**
 * A simple cross-process lock: a file created with O_EXCL holding the owner's pid.
 * Stale locks (owner dead) are taken over. Waits (polling) while another live process holds it.
 * @template T
 * @param {string} file
 * @param {() => Promise<T>} fn
 * @param {{ log?: (msg: string) => void, timeoutMs?: number, what?: string }} [opts]
 * @returns {Promise<T>}
 */
export async function withLock(file, fn, opts = {}) {
  const { log, timeoutMs = 10 * 60_000, what = 'another infra.mjs' } = opts;
  mkdirp(path.dirname(file));
  const deadline = Date.now() + timeoutMs;
  let announced = false;
  for (;;) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, `${process.pid}\n`);
      fs.closeSync(fd);
      break;
    } catch (err) {
      if (/** @type {NodeJS.ErrnoException} */ (err).code !== 'EEXIST') throw err;
      const owner = readPidFile(file);
      if (!owner || (!isAlive(owner) && owner !== process.pid)) {
        // Stale (or half-written) lock. Remove only if it still holds what we read.
        let age = 0;
        try {
          age = Date.now() - fs.statSync(file).mtimeMs;
        } catch {
          continue;
        }
        if (owner || age > 2000) removeFile(file);
        await sleep(50);
        continue;
      }
      if (!announced) {
        log?.(`waiting for ${what} (pid ${owner}) to finish (lock ${file})…`);
        announced = true;
      }
      if (Date.now() > deadline) {
        throw new InfraError(
          `timed out waiting for lock ${file} held by pid ${owner}; if that process is gone, delete the file`,
        );
      }
      await sleep(250);
    }
  }
  try {
    return await fn();
  } finally {
    if (readPidFile(file) === process.pid) removeFile(file);
  }
}

/**
 * sha256 of a file, hex.
 * @param {string} file
 */
export async function sha256File(file) {
  const { createHash } = await import('node:crypto');
  return createHash('sha256')
    .update(await fsp.readFile(file))
    .digest('hex');
}
