import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { freePort, Platform, ServiceProcess, type Employee, type ServiceName } from '@vouch/testing';

const repoRoot = path.resolve(__dirname, '../..');

/** Debian's Chromium: Playwright's own browser download does not work on these machines. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** `describe` where Chromium is installed; elsewhere skipped, saying why on stderr. */
export function describeInBrowser(name: string, body: () => void): void {
  if (existsSync(CHROMIUM_PATH)) return describe(name, body);
  process.stderr.write(
    `browser tests "${name}" skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium)\n`,
  );
  describe.skip(name, body);
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

  /**
   * `port` must be the one the notifications service's PUBLIC_URL names; `environment` adds to the
   * gateway's (its DEFAULT_LANGUAGE, say).
   */
  static async start(
    platform: Platform,
    port: number,
    environment: Record<string, string> = {},
  ): Promise<Portal> {
    const appDirectory = mkdtempSync(path.join(tmpdir(), 'vouch-portal-'));
    try {
      buildApp(appDirectory);
      const gateway = await ServiceProcess.start('portal', port, {
        PORTAL_APP_DIR: appDirectory,
        IDENTITY_URL: platform.service('identity').baseUrl,
        CONNECTIONS_URL: platform.service('connections').baseUrl,
        RECOMMENDATIONS_URL: platform.service('recommendations').baseUrl,
        NOTIFICATIONS_URL: platform.service('notifications').baseUrl,
        ...environment,
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

/** The password `Platform.register` signs everyone up with. */
export const PASSWORD = 'correct horse battery staple';

/** `npm run portal:screenshots` sets it: the scenarios then photograph their pages for the README. */
const SCREENSHOTS = process.env.PORTAL_SCREENSHOTS_DIR;

/** A page's title: its one h1. */
export const pageTitle = (page: Page, name: string) =>
  page.getByRole('heading', { level: 1, name, exact: true });

/**
 * Saves a full-page picture named `name` (`phone/profile`: in a folder of its own) when
 * `npm run portal:screenshots` asks for them.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!SCREENSHOTS) return;
  const file = path.join(SCREENSHOTS, `${name}.png`);
  mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
}

/**
 * What a browser test of the portal needs: the four services as processes on real Kafka,
 * PostgreSQL and SMTP, the portal in front of them (every email's link and identity's account emails
 * lead to it, as in production), and Chromium.
 */
export class PortalInBrowser {
  private constructor(
    readonly platform: Platform,
    readonly portal: Portal,
    readonly browser: Browser,
  ) {}

  /** `environment` adds to each service's, given the portal's address; `portalEnvironment` to the gateway's. */
  static async start(
    label: string,
    environment: (portalUrl: string) => Partial<Record<ServiceName, Record<string, string>>> = () => ({}),
    portalEnvironment: Record<string, string> = {},
  ): Promise<PortalInBrowser> {
    const port = await freePort();
    const portalUrl = `http://127.0.0.1:${port}`;
    const added = environment(portalUrl);
    const platform = await Platform.start(
      label,
      ['identity', 'connections', 'recommendations', 'notifications'],
      {
        ...added,
        identity: { PUBLIC_URL: portalUrl, ...added.identity },
        notifications: { PUBLIC_URL: portalUrl, ...added.notifications },
      },
    );
    try {
      const portal = await Portal.start(platform, port, portalEnvironment);
      return new PortalInBrowser(platform, portal, await launchChromium());
    } catch (error) {
      await platform.stop();
      throw error;
    }
  }

  /** A tab of its own (cookies included) signed in as `who`, on their profile. */
  async signedIn(who: Employee, viewport = { width: 1280, height: 800 }): Promise<Page> {
    const context = await this.browser.newContext({ baseURL: this.portal.url, viewport });
    const page = await context.newPage();
    await page.goto('/signin');
    await page.getByLabel('Work email').fill(who.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await pageTitle(page, 'Your profile').waitFor();
    return page;
  }

  async stop(): Promise<void> {
    await this.browser.close();
    await this.portal.stop();
    await this.platform.stop();
  }
}
