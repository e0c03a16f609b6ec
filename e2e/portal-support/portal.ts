import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ServiceProcess } from '@vouch/testing';
import type { Platform } from '@vouch/testing';

const repoRoot = path.resolve(__dirname, '../..');

/** Debian's Chromium: Playwright's own browser download does not work on these machines. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function chromiumIsInstalled(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** vite build of the portal's app, from the current sources, into `outDir`. */
function buildApp(outDir: string): void {
  const build = spawnSync(
    process.execPath,
    [
      path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'services/portal/vite.config.mjs',
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  if (build.status !== 0) throw new Error(`vite build failed:\n${build.stdout}\n${build.stderr}`);
}

/**
 * The portal as `npm start` runs it: the app built from the current sources (into a directory of
 * its own, so parallel runs never serve each other's half-written files) and the gateway in front
 * of a platform's four services.
 */
export class Portal {
  private constructor(
    private readonly gateway: ServiceProcess,
    private readonly appDirectory: string,
  ) {}

  get url(): string {
    return this.gateway.baseUrl;
  }

  /** `port` must be the one the notifications service's PUBLIC_URL names. */
  static async start(platform: Platform, port: number): Promise<Portal> {
    const appDirectory = mkdtempSync(path.join(tmpdir(), 'vouch-portal-'));
    try {
      buildApp(appDirectory);
      const gateway = await ServiceProcess.start('portal', port, {
        PORTAL_APP_DIR: appDirectory,
        IDENTITY_URL: platform.service('identity').baseUrl,
        CONNECTIONS_URL: platform.service('connections').baseUrl,
        RECOMMENDATIONS_URL: platform.service('recommendations').baseUrl,
        NOTIFICATIONS_URL: platform.service('notifications').baseUrl,
      });
      return new Portal(gateway, appDirectory);
    } catch (error) {
      rmSync(appDirectory, { recursive: true, force: true });
      throw error;
    }
  }

  async stop(): Promise<void> {
    await this.gateway.stop();
    rmSync(this.appDirectory, { recursive: true, force: true });
  }
}
