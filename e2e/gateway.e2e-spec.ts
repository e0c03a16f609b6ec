import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, Platform, ServiceProcess } from '@vouch/testing';

/** Login attempts one client address gets here before identity answers 429 (production: 100). */
const ATTEMPTS_PER_ADDRESS = 3;

/** Sends one raw request line (no HTTP client to tidy it) and resolves with the answer's first line. */
function statusLineFor(port: number, requestLine: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port, host: '127.0.0.1' }, () =>
      socket.write(`${requestLine}\r\nHost: portal\r\nConnection: close\r\n\r\n`),
    );
    let answer = '';
    socket.setTimeout(5_000, () => socket.destroy(new Error(`no answer to ${requestLine}`)));
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => resolve(answer.split('\r\n')[0] ?? ''));
  });
}

/**
 * identity behind the portal's gateway, configured as `npm start` and Compose configure them:
 * identity believes the gateway's X-Forwarded-For (TRUSTED_PROXIES), so the gateway must say who
 * the client really is, whatever the client claims.
 */
describe('identity behind the portal gateway', () => {
  let platform: Platform;
  let gateway: ServiceProcess;
  let appDirectory: string;

  beforeAll(async () => {
    platform = await Platform.start('e2e_gateway', ['identity'], {
      identity: {
        TRUSTED_PROXIES: 'loopback',
        LOGIN_MAX_ATTEMPTS_PER_ADDRESS: String(ATTEMPTS_PER_ADDRESS),
      },
    });
    appDirectory = mkdtempSync(path.join(tmpdir(), 'vouch-gateway-e2e-'));
    writeFileSync(path.join(appDirectory, 'index.html'), '<!doctype html><title>Vouch</title>');
    const identity = platform.service('identity').baseUrl;
    gateway = await ServiceProcess.start('portal', await freePort(), {
      PORTAL_APP_DIR: appDirectory,
      IDENTITY_URL: identity,
      CONNECTIONS_URL: identity,
      RECOMMENDATIONS_URL: identity,
      NOTIFICATIONS_URL: identity,
      TRUSTED_PROXIES: '',
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    await platform?.stop();
    if (appDirectory) rmSync(appDirectory, { recursive: true, force: true });
  });

  it('counts login attempts per real client address, whatever X-Forwarded-For the client sends', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= ATTEMPTS_PER_ADDRESS; attempt += 1) {
      const response = await fetch(`${gateway.baseUrl}/v1/auth/login`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          // A sprayer that names a new address each time, and a new account each time.
          'x-forwarded-for': `203.0.113.${attempt + 1}`,
        },
        body: JSON.stringify({
          email: `nobody-${attempt}-${Date.now()}@acme.com`,
          password: 'not-the-password',
        }),
      });
      statuses.push(response.status);
      if (response.status === 429) expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    }
    expect(statuses.slice(0, ATTEMPTS_PER_ADDRESS)).toEqual(Array(ATTEMPTS_PER_ADDRESS).fill(401));
    expect(statuses[ATTEMPTS_PER_ADDRESS]).toBe(429);
  });

  it('refuses a request target naming another host, and still serves afterwards', async () => {
    const port = Number(new URL(gateway.baseUrl).port);
    const identityPort = new URL(platform.service('identity').baseUrl).port;
    for (const target of ['//x:99999/', `http://127.0.0.1:${identityPort}/v1/auth/methods`, '*']) {
      expect(await statusLineFor(port, `GET ${target} HTTP/1.1`)).toMatch(/^HTTP\/1\.1 400 /);
    }
    expect((await fetch(`${gateway.baseUrl}/v1/auth/methods`)).status).toBe(200);
  });
});
