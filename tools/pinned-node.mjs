// @ts-check
/**
 * Runs a script on the Node the repo is pinned to (.nvmrc), whatever Node started it:
 *
 *   node tools/pinned-node.mjs [node options] <script> [arguments]
 *
 * Vouch runs, builds, tests and ships on Node 24 LTS. Many machines (CI's among them) still have an
 * older one: there the official Node binary that npm installed from the registry (the optional
 * dependency `node-<platform>-<arch>`, pinned in package-lock.json with its checksum) runs the
 * script instead, with a line saying so, and its directory goes first on PATH so that the `npm`,
 * `npx` and `node` the script starts run on it too (npm's own scripts find it first anyway: the
 * package links it as `node_modules/.bin/node`). A runtime at least as new as the pin runs it as is. Uses only Node's built-ins: it runs before anything else is there.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { constants } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureDependencies, repoRoot } from './ensure-dependencies.mjs';

/** The Node version the repo is pinned to, from .nvmrc (e.g. `24.22.3`). */
export function pinnedNodeVersion() {
  return readFileSync(path.join(repoRoot, '.nvmrc'), 'utf8').trim().replace(/^v/, '');
}

/** Whether `running` (e.g. `20.20.2`) is older than `pinned`, comparing major, minor and patch. */
export function isOlder(/** @type {string} */ running, /** @type {string} */ pinned) {
  const [a, b] = [running, pinned].map((version) => version.split('.').map(Number));
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  return false;
}

/** The pinned Node binary npm installed for this platform, if it did. */
export function installedPinnedNode(/** @type {string} */ version) {
  const packageDir = path.join(repoRoot, 'node_modules', `node-${process.platform}-${process.arch}`);
  const manifest = path.join(packageDir, 'package.json');
  const binary = path.join(packageDir, 'bin', 'node');
  if (!existsSync(manifest) || !existsSync(binary)) return undefined;
  return JSON.parse(readFileSync(manifest, 'utf8')).version === version ? binary : undefined;
}

/**
 * The version of the Node that started this: npm's, when npm runs the script (npm puts the pinned
 * binary first on its scripts' PATH, so the script itself already runs on it), else this process's.
 */
function launchingNode() {
  const npmNode = process.env.npm_node_execpath;
  if (!npmNode || !existsSync(npmNode) || realpathSync(npmNode) === realpathSync(process.execPath)) {
    return process.versions.node;
  }
  const asked = spawnSync(npmNode, ['-p', 'process.versions.node'], { encoding: 'utf8' });
  return asked.stdout?.trim() || process.versions.node;
}

/**
 * The Node to run on and what to say about it: the pinned binary when the Node that started this is
 * older, else this one; with a warning when it is older and the registry ships no binary for the
 * platform. Nothing to say when the machine's Node is new enough.
 */
export function chooseNode(launchedBy = launchingNode(), execPath = process.execPath) {
  const pinned = pinnedNodeVersion();
  const binary = installedPinnedNode(pinned);
  const onPinned = binary !== undefined && realpathSync(binary) === realpathSync(execPath);
  if (!isOlder(launchedBy, pinned)) return { binary: onPinned ? binary : execPath, note: undefined };
  if (binary) {
    return {
      binary,
      note: `Node ${launchedBy} is older than Vouch's Node ${pinned} (.nvmrc): running on the pinned one npm installed (${path.relative(repoRoot, binary)})`,
    };
  }
  return {
    binary: execPath,
    note:
      `⚠ Node ${launchedBy} is older than Vouch's Node ${pinned} (.nvmrc), and npm installed no Node ` +
      `binary for ${process.platform}-${process.arch}: running on ${launchedBy}, which is not supported. ` +
      `Install Node ${pinned} (e.g. \`nvm install\`).`,
  };
}

/** Runs `args` (node options, a script, its arguments) on the chosen Node; exits as it exits. */
function runOnPinnedNode(/** @type {string[]} */ args) {
  ensureDependencies();
  const { binary, note } = chooseNode();
  // Said once per run, not again by the npm scripts the script runs.
  if (note && !process.env.VOUCH_NODE_NOTED) process.stderr.write(`[node] ${note}\n`);
  const env = {
    ...process.env,
    PATH: `${path.dirname(binary)}${path.delimiter}${process.env.PATH ?? ''}`,
    VOUCH_NODE_NOTED: '1',
  };
  const child = spawn(binary, args, { stdio: 'inherit', env });
  // Ctrl-C reaches the child from the terminal itself; a signal sent to this process alone is passed on.
  process.on('SIGINT', () => {});
  for (const signal of /** @type {const} */ (['SIGTERM', 'SIGHUP'])) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => process.exit(code ?? 128 + (signal ? constants.signals[signal] : 1)));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  if (args.length === 0) {
    process.stderr.write('usage: node tools/pinned-node.mjs [node options] <script> [arguments]\n');
    process.exit(2);
  }
  runOnPinnedNode(args);
}
