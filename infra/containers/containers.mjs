#!/usr/bin/env node
// @ts-check
/**
 * The container runtime of this repo's container tooling: Debian's podman (with runc), set up and
 * served by the repo itself, so a fresh machine needs nothing installed by hand.
 *
 *   node infra/containers/containers.mjs setup     # as root: apt-get installs what is missing
 *   node infra/containers/containers.mjs start     # `podman system service` on .local/containers/podman.sock
 *   node infra/containers/containers.mjs stop      # stops the service this script started
 *   node infra/containers/containers.mjs status    # running / stopped, and the socket
 *   node infra/containers/containers.mjs env       # the variables that point tools at it (eval-able)
 *   node infra/containers/containers.mjs check     # setup, then `podman run` of a local image
 *
 * podman reads infra/containers/containers.conf (CONTAINERS_CONF): the runtime (runc), default
 * ulimits that fit the host's hard limits, cgroupfs, netavark. /etc is left alone. The Docker API
 * served on the socket is what the `docker` CLI, docker-compose and testcontainers use
 * (DOCKER_HOST=unix://<socket>). Images stay in podman's own storage (/var/lib/containers as root).
 *
 * It also holds what the container scripts (tools/test-containers.mjs, tools/kube-play.mjs) share:
 * running podman and other commands, and reading their command lines.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CONTAINERS_CONF = path.join(REPO_ROOT, 'infra', 'containers', 'containers.conf');

/**
 * Debian packages the tooling needs, by the command that shows each is there. podman-compose and
 * docker-compose (1.29) are the Compose implementations this machine can have (docs/operations.md).
 */
export const DEBIAN_PACKAGES = /** @type {const} */ ([
  { name: 'podman', command: 'podman' },
  { name: 'runc', command: 'runc' },
  { name: 'netavark', path: '/usr/lib/podman/netavark' },
  { name: 'aardvark-dns', path: '/usr/lib/podman/aardvark-dns' },
  // netavark's firewall driver: container networks are NATed with iptables (nf_tables).
  { name: 'iptables', path: '/usr/sbin/iptables' },
  { name: 'catatonit', command: 'catatonit' },
  { name: 'debootstrap', command: 'debootstrap' },
  { name: 'podman-compose', command: 'podman-compose' },
  { name: 'docker-compose', command: 'docker-compose' },
]);

/** @param {string} home */
export function runtimePaths(home = path.join(REPO_ROOT, '.local')) {
  const dir = path.join(home, 'containers');
  return {
    dir,
    socket: path.join(dir, 'podman.sock'),
    pidFile: path.join(dir, 'podman-service.pid'),
    log: path.join(dir, 'podman-service.log'),
  };
}

/**
 * The environment under which podman, docker, docker-compose and testcontainers use this setup.
 * @param {string} [home]
 */
export function containerEnvironment(home) {
  const { socket } = runtimePaths(home);
  return {
    CONTAINERS_CONF,
    DOCKER_HOST: `unix://${socket}`,
    // testcontainers: Ryuk is pulled from a public registry; the harness cleans up itself.
    TESTCONTAINERS_RYUK_DISABLED: 'true',
  };
}

/** @param {string} command */
function hasCommand(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** The Debian packages not installed yet. */
export function missingPackages() {
  return DEBIAN_PACKAGES.filter((pkg) =>
    'command' in pkg ? !hasCommand(pkg.command) : !fs.existsSync(pkg.path),
  ).map((pkg) => pkg.name);
}

/** Installs what is missing with apt-get (root only; says what to run otherwise). */
export function setup() {
  const missing = missingPackages();
  if (missing.length === 0) {
    console.error('[containers] podman, runc, debootstrap and the Compose tools are installed');
    return;
  }
  if (process.getuid?.() !== 0) {
    throw new Error(
      `missing ${missing.join(', ')}: run as root, or: sudo apt-get install ${missing.join(' ')}`,
    );
  }
  console.error(`[containers] apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // The package lists may be missing or old on a fresh machine.
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
    stdio: 'inherit',
    env,
  });
}

/** @param {string} socket */
function socketAnswers(socket) {
  return new Promise((resolve) => {
    const connection = net.connect(socket);
    connection.once('connect', () => {
      connection.end();
      resolve(true);
    });
    connection.once('error', () => resolve(false));
  });
}

/** @param {number} pid */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** @param {string} file */
function readPid(file) {
  const pid = Number.parseInt(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '', 10);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** @param {string} [home] */
export async function status(home) {
  const paths = runtimePaths(home);
  const pid = readPid(paths.pidFile);
  const running = pid !== null && isAlive(pid) && (await socketAnswers(paths.socket));
  return { running, pid: running ? pid : null, socket: paths.socket };
}

/**
 * Starts `podman system service` on the socket (no time-out: it serves until stopped) unless it
 * runs already. Returns the environment pointing at it.
 * @param {string} [home]
 */
export async function start(home) {
  const paths = runtimePaths(home);
  const current = await status(home);
  if (current.running) return containerEnvironment(home);
  fs.mkdirSync(paths.dir, { recursive: true });
  fs.rmSync(paths.socket, { force: true });
  const log = fs.openSync(paths.log, 'a');
  const child = spawn('podman', ['system', 'service', '--time=0', `unix://${paths.socket}`], {
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...process.env, CONTAINERS_CONF },
  });
  child.unref();
  fs.closeSync(log);
  fs.writeFileSync(paths.pidFile, `${child.pid}\n`);
  const deadline = Date.now() + 30_000;
  while (!(await socketAnswers(paths.socket))) {
    if (child.exitCode !== null || Date.now() > deadline || (child.pid && !isAlive(child.pid))) {
      throw new Error(`podman system service did not start; see ${paths.log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return containerEnvironment(home);
}

/**
 * Stops the service this script started (SIGTERM, then SIGKILL after 10 s); never another.
 * @param {string} [home]
 */
export async function stop(home) {
  const paths = runtimePaths(home);
  const pid = readPid(paths.pidFile);
  if (pid !== null && isAlive(pid)) {
    process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + 10_000;
    while (isAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  }
  fs.rmSync(paths.pidFile, { force: true });
  fs.rmSync(paths.socket, { force: true });
}

/**
 * Runs podman with the repo's configuration.
 * @param {string[]} args
 * @param {import('node:child_process').SpawnSyncOptions} [options]
 */
export function podman(args, options = {}) {
  return spawnSync('podman', args, {
    encoding: 'utf8',
    ...options,
    env: { ...process.env, ...options.env, CONTAINERS_CONF },
  });
}

/**
 * podman with the repo's configuration, asynchronously (for pods played side by side, or
 * healthchecks run meanwhile): the command line and its output appended to `log`.
 * @param {string[]} args
 * @param {string} log
 */
export function podmanAsync(args, log) {
  fs.appendFileSync(log, `\n$ podman ${args.join(' ')}\n`);
  return runCommand('podman', args, { env: { ...process.env, CONTAINERS_CONF }, log });
}

/**
 * What `podman stats` says of the containers (memory, CPU), or nothing if it fails.
 * @param {string[]} containers
 * @returns {{ name: string, mem_usage: string, cpu_percent?: string }[]}
 */
export function containerStats(containers) {
  const stats = podman(['stats', '--no-stream', '--format', 'json', ...containers]);
  return stats.status === 0 ? JSON.parse(String(stats.stdout)) : [];
}

/**
 * Runs a command in the repo's root, its output appended to `log` (else inherited).
 * @param {string} command
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, log?: string }} [options]
 * @returns {Promise<number>} its exit code
 */
export function runCommand(command, args, { env = process.env, log } = {}) {
  return new Promise((resolve, reject) => {
    const out = log ? fs.openSync(log, 'a') : 'inherit';
    const child = spawn(command, args, { cwd: REPO_ROOT, env, stdio: ['ignore', out, out] });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (typeof out === 'number') fs.closeSync(out);
      resolve(code ?? 1);
    });
  });
}

/**
 * The arguments of a container script's command line, each with a reader of its value (the
 * argument after it, which the loop then skips).
 * @param {string[]} argv
 * @returns {Generator<[string, () => string]>}
 */
export function* commandLineArguments(argv) {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = /** @type {string} */ (argv[i]);
    yield [
      arg,
      () => {
        const next = argv[(i += 1)];
        if (next === undefined) throw new Error(`${arg} needs a value`);
        return next;
      },
    ];
  }
}

/** @param {Record<string, string>} environment */
const exports = (environment) =>
  Object.entries(environment)
    .map(([name, value]) => `export ${name}=${JSON.stringify(value)}`)
    .join('\n');

async function main() {
  const [command = 'status'] = process.argv.slice(2);
  switch (command) {
    case 'setup':
      setup();
      return;
    case 'start':
      console.log(exports(await start()));
      return;
    case 'stop':
      await stop();
      return;
    case 'status': {
      const current = await status();
      console.log(current.running ? `running (pid ${current.pid}) on ${current.socket}` : 'stopped');
      return;
    }
    case 'env':
      console.log(exports(containerEnvironment()));
      return;
    case 'check': {
      setup();
      const image = process.argv[3] ?? 'localhost/vouch-base/debian:bookworm';
      const run = podman(['run', '--rm', '--pull=never', image, 'sh', '-c', 'echo ok; ulimit -n'], {
        stdio: 'inherit',
      });
      process.exitCode = run.status ?? 1;
      return;
    }
    default:
      throw new Error(`unknown command ${command}: setup | start | stop | status | env | check [image]`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`[containers] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
