import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createGateway, isOriginForm, type GatewayOptions } from './gateway';
import { rawExchange } from './raw-http';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A stand-in service that records what reaches it and answers with a cookie and a hop header. */
async function startUpstream(): Promise<{ url: URL; seen: Seen[]; close: () => Promise<void> }> {
  const seen: Seen[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      seen.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString(),
      });
      if (request.url?.startsWith('/v1/recommendations/slow')) return;
      response.writeHead(200, {
        'content-type': 'application/json',
        'set-cookie': 'vouch_refresh=abc; HttpOnly; Path=/v1/auth',
        'keep-alive': 'timeout=5',
        'x-upstream': 'yes',
      });
      response.end(JSON.stringify({ ok: true }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: new URL(`http://127.0.0.1:${port}`),
    seen,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('the portal gateway', () => {
  let upstream: Awaited<ReturnType<typeof startUpstream>>;
  let appDirectory: string;
  const gateways: FastifyInstance[] = [];

  async function startGateway(options: Partial<GatewayOptions> = {}): Promise<string> {
    const gateway = await createGateway({
      upstreams: {
        identity: upstream.url,
        connections: upstream.url,
        recommendations: upstream.url,
        notifications: upstream.url,
      },
      appDirectory,
      logLevel: 'silent',
      ...options,
    });
    gateways.push(gateway);
    return gateway.listen({ port: 0, host: '127.0.0.1' });
  }

  beforeAll(async () => {
    upstream = await startUpstream();
    appDirectory = mkdtempSync(path.join(tmpdir(), 'vouch-gateway-'));
    writeFileSync(path.join(appDirectory, 'index.html'), '<!doctype html><title>Vouch</title>');
    mkdirSync(path.join(appDirectory, 'assets'));
    writeFileSync(path.join(appDirectory, 'assets', 'index-abc.js'), 'console.log(1)');
  });

  afterAll(async () => {
    await Promise.all(gateways.map((gateway) => gateway.close()));
    await upstream.close();
    rmSync(appDirectory, { recursive: true, force: true });
  });

  beforeEach(() => {
    upstream.seen.length = 0;
  });

  it.each([
    ['GET //x:99999/ HTTP/1.1'],
    ['GET //127.0.0.1:1/v1/employees/me HTTP/1.1'],
    ['GET https://127.0.0.1/v1/auth/login HTTP/1.1'],
    ['GET http://127.0.0.1:1/v1/employees/me HTTP/1.1'],
    ['OPTIONS * HTTP/1.1'],
    ['GET /\\127.0.0.1/v1/employees/me HTTP/1.1'],
  ])('answers %s with a 400 problem and forwards nothing', async (requestLine) => {
    const base = new URL(await startGateway());
    const answer = await rawExchange(
      Number(base.port),
      `${requestLine}\r\nHost: portal\r\nAuthorization: Bearer secret\r\nConnection: close\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('application/problem+json');
    expect(upstream.seen).toEqual([]);
  });

  it('accepts only paths as request targets', () => {
    expect(isOriginForm('/v1/employees?q=a')).toBe(true);
    expect(isOriginForm('/')).toBe(true);
    expect(isOriginForm('//evil.example/x')).toBe(false);
    expect(isOriginForm('http://evil.example/x')).toBe(false);
    expect(isOriginForm('*')).toBe(false);
    expect(isOriginForm('/\\evil.example/x')).toBe(false);
    expect(isOriginForm(undefined)).toBe(false);
  });

  it('forwards an API path, its query and body to the service, cookies both ways, no hop-by-hop headers', async () => {
    const base = await startGateway();
    const response = await fetch(`${base}/v1/auth/login?next=%2Fx`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: 'vouch_refresh=old',
        'x-request-id': 'req-1',
        'proxy-authorization': 'Basic leak',
      },
      body: JSON.stringify({ email: 'a@acme.com' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toBe('vouch_refresh=abc; HttpOnly; Path=/v1/auth');
    expect(response.headers.get('x-upstream')).toBe('yes');
    expect(response.headers.get('keep-alive')).not.toBe('timeout=5');
    expect(upstream.seen).toHaveLength(1);
    const [seen] = upstream.seen;
    expect(seen).toMatchObject({
      method: 'POST',
      url: '/v1/auth/login?next=%2Fx',
      body: '{"email":"a@acme.com"}',
    });
    expect(seen?.headers).toMatchObject({ cookie: 'vouch_refresh=old', 'x-request-id': 'req-1' });
    expect(seen?.headers['proxy-authorization']).toBeUndefined();
  });

  it("forwards a service's export, at the portal's path for it, to the service's own export path", async () => {
    const base = await startGateway();
    const response = await fetch(`${base}/v1/me/export/recommendations`, {
      headers: { authorization: 'Bearer t' },
    });
    expect(response.status).toBe(200);
    expect(upstream.seen).toEqual([
      expect.objectContaining({
        method: 'GET',
        url: '/v1/me/export',
        headers: expect.objectContaining({ authorization: 'Bearer t' }),
      }),
    ]);
  });

  it('streams a body of any media type, or none declared, to the service as it came', async () => {
    const base = await startGateway();
    await fetch(`${base}/v1/admin/people-import?dryRun=true`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: 'email,name\na@acme.com,Ana\n',
    });
    await fetch(`${base}/v1/auth/logout`, { method: 'POST', body: new Uint8Array([1, 2, 3]) });
    expect(upstream.seen.map((seen) => [seen.url, seen.body, seen.headers['content-type']])).toEqual([
      ['/v1/admin/people-import?dryRun=true', 'email,name\na@acme.com,Ana\n', 'text/csv'],
      ['/v1/auth/logout', '\u0001\u0002\u0003', undefined],
    ]);
  });

  it('replaces the X-Forwarded-For and -Proto a client sends with what it saw', async () => {
    const base = await startGateway();
    await fetch(`${base}/v1/employees/me`, {
      headers: { 'x-forwarded-for': '203.0.113.7', 'x-forwarded-proto': 'https' },
    });
    expect(upstream.seen[0]?.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(upstream.seen[0]?.headers['x-forwarded-proto']).toBe('http');
  });

  it("keeps a trusted proxy's X-Forwarded-For chain, and adds its own peer", async () => {
    const base = await startGateway({ trustedProxies: ['loopback'] });
    await fetch(`${base}/v1/employees/me`, {
      headers: { 'x-forwarded-for': '203.0.113.7', 'x-forwarded-proto': 'https' },
    });
    expect(upstream.seen[0]?.headers['x-forwarded-for']).toBe('203.0.113.7, 127.0.0.1');
    expect(upstream.seen[0]?.headers['x-forwarded-proto']).toBe('https');
  });

  it('answers 404 problem for an API path no service owns, and 502 when the service is down', async () => {
    const base = await startGateway();
    const unknown = await fetch(`${base}/v1/unknown`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const down = await createGateway({
      upstreams: {
        identity: new URL('http://127.0.0.1:1'),
        connections: upstream.url,
        recommendations: upstream.url,
        notifications: upstream.url,
      },
      appDirectory,
      logLevel: 'silent',
    });
    gateways.push(down);
    const downBase = await down.listen({ port: 0, host: '127.0.0.1' });
    const answer = await fetch(`${downBase}/v1/employees/me`);
    expect(answer.status).toBe(502);
    expect(await answer.json()).toMatchObject({ status: 502, title: 'Bad Gateway' });
  });

  it('gives up on a service that does not answer in time with a 504', async () => {
    const base = await startGateway({ limits: { upstreamMs: 300 } });
    const answer = await fetch(`${base}/v1/recommendations/slow`);
    expect(answer.status).toBe(504);
  });

  it('refuses a body over the limit with a 413, declared or streamed', async () => {
    const base = new URL(await startGateway({ limits: { bodyBytes: 1024 } }));
    const declared = await fetch(`${base.origin}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(2048),
    });
    expect(declared.status).toBe(413);
    const chunked = await rawExchange(
      Number(base.port),
      'POST /v1/auth/login HTTP/1.1\r\nHost: portal\r\nContent-Type: application/json\r\n' +
        `Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n800\r\n${'x'.repeat(2048)}\r\n0\r\n\r\n`,
    );
    expect(chunked).toMatch(/^HTTP\/1\.1 413 /);
  });

  it('serves the app with security headers, its assets immutable, any page path as index.html', async () => {
    const base = await startGateway({ publicUrl: new URL('https://vouch.example.com') });
    const page = await fetch(`${base}/recommendations/123`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Vouch</title>');
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    const asset = await fetch(`${base}/assets/index-abc.js`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await asset.text()).toBe('console.log(1)');
    const escape = await fetch(`${base}/..%2F..%2Fetc%2Fpasswd`);
    expect(await escape.text()).toContain('<title>Vouch</title>');
  });

  it('sends no HSTS over plain http', async () => {
    const base = await startGateway({ publicUrl: new URL('http://127.0.0.1:8080') });
    const page = await fetch(`${base}/`);
    expect(page.headers.get('strict-transport-security')).toBeNull();
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('answers its own health', async () => {
    const base = await startGateway();
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    expect((await fetch(`${base}/health/ready`)).status).toBe(200);
  });

  it("tells the app the company's language, English unless configured", async () => {
    const configured = await startGateway({ defaultLanguage: 'de' });
    expect(await (await fetch(`${configured}/portal-settings.json`)).json()).toEqual({
      defaultLanguage: 'de',
    });
    const unconfigured = await startGateway();
    expect(await (await fetch(`${unconfigured}/portal-settings.json`)).json()).toEqual({
      defaultLanguage: 'en',
    });
  });
});
