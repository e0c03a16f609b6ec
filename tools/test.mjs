// @ts-check
/**
 * `npm test`: everything CI checks, from a fresh clone. Installs dependencies if needed, then lint,
 * type checks, unit and integration tests. Jest's global setup starts the infrastructure the
 * integration tests need (see libs/testing) and stops what it started.
 */
import { spawnSync } from 'node:child_process';
import { ensureDependencies, repoRoot } from './ensure-dependencies.mjs';

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

const started = Date.now();
ensureDependencies();
step('lint', 'npm', ['run', '--silent', 'lint']);
step('type check', 'npm', ['run', '--silent', 'typecheck']);
step('unit and integration tests', 'npx', ['jest', '--ci', ...process.argv.slice(2)]);
process.stderr.write(`\nall checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
