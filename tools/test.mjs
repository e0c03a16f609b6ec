// @ts-check
/**
 * `npm test`: everything CI checks, from a fresh clone. Installs dependencies if needed, then lint,
 * type checks, the generated contract documents against the code, unit and integration tests.
 * Jest's global setup starts the infrastructure the integration tests need (see libs/testing) and
 * stops what it started.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureDependencies, repoRoot } from './ensure-dependencies.mjs';

/** The portal's browser tests drive Debian's Chromium (Playwright's own download does not work here). */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** @param {string} title @param {string} command @param {string[]} args */
function step(title, command, args) {
  const started = Date.now();
  process.stderr.write(`\n▶ ${title}\n`);
  const result = spawnSync(command, args, {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    process.stderr.write(`✖ ${title} failed after ${seconds} s\n`);
    process.exit(result.status ?? 1);
  }
  process.stderr.write(`✔ ${title} (${seconds} s)\n`);
}

/** Installs Chromium when it is missing and this machine can; otherwise the browser tests skip. */
function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  const apt = (/** @type {string[]} */ args) =>
    spawnSync('apt-get', args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status === 0;
  if (process.getuid?.() === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0) {
    process.stderr.write('\n▶ install Chromium for the browser tests (apt-get install chromium)\n');
    // A fresh image has no package lists yet: fetch them only when the first try needs them.
    if (apt(['install', '-y', 'chromium']) || (apt(['update']) && apt(['install', '-y', 'chromium']))) return;
  }
  process.stderr.write(
    `\n⚠ no Chromium at ${CHROMIUM}, and it could not be installed here (apt-get as root): the ` +
      "portal's browser tests (e2e/portal.e2e-spec.ts) will be skipped. Install it with " +
      '`sudo apt-get install chromium`, or point CHROMIUM_PATH at one.\n',
  );
}

const started = Date.now();
ensureDependencies();
ensureChromium();
step('lint', 'npm', ['run', '--silent', 'lint']);
step('type check', 'npm', ['run', '--silent', 'typecheck']);
step('contract documents match the code', 'npm', ['run', '--silent', 'contract', '--', '--check']);
step('unit and integration tests', 'npx', ['jest', '--ci', ...process.argv.slice(2)]);
process.stderr.write(`\nall checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
