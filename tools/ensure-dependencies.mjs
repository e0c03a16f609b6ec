// @ts-check
/**
 * Installs the npm dependencies when a fresh clone has none, or when package-lock.json changed
 * since the last install. Uses only Node's built-ins: it runs before anything else is there.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function ensureDependencies() {
  const lock = path.join(repoRoot, 'package-lock.json');
  const installed = path.join(repoRoot, 'node_modules', '.package-lock.json');
  // The lock's content at the last install: a checkout (a branch, a worktree) that only touched the
  // lock's modification time installs nothing. `npm ci` would wipe node_modules first, and with it
  // the embedded PostgreSQL the local infrastructure runs from.
  const installedLock = path.join(repoRoot, 'node_modules', '.vouch-installed-lock');
  const lockDigest = createHash('sha256').update(readFileSync(lock)).digest('hex');
  if (existsSync(installed)) {
    const sameLock = existsSync(installedLock) && readFileSync(installedLock, 'utf8') === lockDigest;
    // Installed by hand (`npm ci`, `npm install`) after the lock last changed.
    const installedSince = statSync(installed).mtimeMs >= statSync(lock).mtimeMs;
    if (sameLock || installedSince) {
      if (!sameLock) writeFileSync(installedLock, lockDigest);
      return;
    }
  }
  process.stderr.write('[deps] installing npm dependencies (npm ci)…\n');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error(
      'npm ci failed: check that the npm registry is reachable, then run `npm ci` by hand to see why',
    );
  }
  writeFileSync(installedLock, lockDigest);
}
