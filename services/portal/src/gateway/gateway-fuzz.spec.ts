import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createGateway } from './gateway';
import { rawExchange } from './raw-http';

/** mulberry32: the same "random" requests on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TARGETS = [
  '//x:99999/',
  'https://127.0.0.1/v1/auth/login',
  'http://127.0.0.1:1/v1/employees/me',
  '//127.0.0.1:1/v1/employees/me',
  '*',
  '/v1/employees/%',
  '/v1/employees/%E0%A4%A',
  '/%2e%2e/%2e%2e/etc/passwd',
  '/v1/../../etc/passwd',
  '/\\\\evil/x',
  '/v1/employees/me?' + 'a=1&'.repeat(200),
  '/' + 'a'.repeat(9000),
  '',
  ' ',
  '/v1/auth/login\u0000',
  '/v1/employees/\u00ff',
];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'CONNECT', 'TRACE', 'BREW', 'G ET', '', 'get'];
const VERSIONS = ['HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/9.9', 'HTTP/1', '', 'FOO'];
const HEADERS = [
  'Host: portal',
  'Host: evil.example:99999',
  'Content-Length: -1',
  'Content-Length: 99999999999',
  'Content-Length: 5\r\nContent-Length: 6',
  'Transfer-Encoding: chunked',
  'Transfer-Encoding: chunked\r\nContent-Length: 3',
  'X-Forwarded-For: 203.0.113.9',
  'Connection: keep-alive, x-forwarded-for',
  'Expect: 100-continue',
  'Upgrade: websocket\r\nConnection: Upgrade',
  'Bad Header: x',
  ': no name',
  'X-Long: ' + 'v'.repeat(20_000),
];

function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)] as T;
}

function fuzzedRequest(random: () => number): string {
  const lines = [`${pick(random, METHODS)} ${pick(random, TARGETS)} ${pick(random, VERSIONS)}`];
  const count = Math.floor(random() * 4);
  for (let i = 0; i < count; i += 1) lines.push(pick(random, HEADERS));
  const body = random() < 0.3 ? 'x'.repeat(Math.floor(random() * 3000)) : '';
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

describe('the portal gateway under malformed and hostile requests', () => {
  let gateway: FastifyInstance;
  let port: number;
  let appDirectory: string;
  let upstream: http.Server;
  let upstreamRequests = 0;

  beforeAll(async () => {
    upstream = http.createServer((request, response) => {
      upstreamRequests += 1;
      request.resume();
      request.on('end', () => response.end('{}'));
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const service = new URL(`http://127.0.0.1:${(upstream.address() as AddressInfo).port}`);
    appDirectory = mkdtempSync(path.join(tmpdir(), 'vouch-gateway-fuzz-'));
    writeFileSync(path.join(appDirectory, 'index.html'), '<!doctype html><title>Vouch</title>');
    gateway = await createGateway({
      upstreams: {
        identity: service,
        connections: service,
        recommendations: service,
        notifications: service,
      },
      appDirectory,
      limits: { bodyBytes: 64 * 1024, headersMs: 500, requestMs: 1_000 },
      logLevel: 'silent',
    });
    await gateway.listen({ port: 0, host: '127.0.0.1' });
    port = (gateway.server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await gateway.close();
    upstream.closeAllConnections();
    await new Promise((resolve) => upstream.close(resolve));
    rmSync(appDirectory, { recursive: true, force: true });
  });

  async function stillServes(): Promise<void> {
    const live = await fetch(`http://127.0.0.1:${port}/health/live`);
    expect(live.status).toBe(200);
    const api = await fetch(`http://127.0.0.1:${port}/v1/employees/me`);
    expect(api.status).toBe(200);
  }

  it('keeps serving after 300 fuzzed requests (fixed seed), never forwarding a non-path target', async () => {
    const random = seeded(25);
    for (let batch = 0; batch < 30; batch += 1) {
      const requests = Array.from({ length: 10 }, () => fuzzedRequest(random));
      const answers = await Promise.all(
        requests.map((request) => rawExchange(port, request, { timeoutMs: 1_500 })),
      );
      answers.forEach((answer, index) => {
        // Never a crash (an empty answer would be one only if the process died: checked below),
        // and never a 5xx of the gateway's own making for a request the client got wrong.
        expect(answer).not.toMatch(/^HTTP\/1\.[01] 500 /);
        const target = requests[index]?.split(' ')[1] ?? '';
        if (!target.startsWith('/') && answer.length > 0) expect(answer).toMatch(/^HTTP\/1\.[01] 4\d\d /);
      });
    }
    await stillServes();
  });

  it('answers the targets that used to crash it or reach another host with a 400', async () => {
    upstreamRequests = 0;
    for (const target of ['//x:99999/', 'https://127.0.0.1/v1/auth/login', '//127.0.0.1:1/v1/employees/me']) {
      const answer = await rawExchange(
        port,
        `GET ${target} HTTP/1.1\r\nHost: portal\r\nConnection: close\r\n\r\n`,
      );
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    }
    expect(upstreamRequests).toBe(0);
    await stillServes();
  });

  it('refuses huge headers and huge bodies, and keeps serving', async () => {
    const headers = await rawExchange(
      port,
      `GET /v1/employees/me HTTP/1.1\r\nHost: portal\r\nX-Big: ${'h'.repeat(64 * 1024)}\r\n\r\n`,
    );
    expect(headers).toMatch(/^HTTP\/1\.1 431 /);
    const body = await rawExchange(
      port,
      `POST /v1/auth/login HTTP/1.1\r\nHost: portal\r\nContent-Type: application/json\r\nContent-Length: ${10 * 1024 * 1024}\r\nConnection: close\r\n\r\n${'b'.repeat(1024)}`,
    );
    expect(body).toMatch(/^HTTP\/1\.1 413 /);
    await stillServes();
  });

  it('cuts slow senders (headers never finished, a body that never comes) and keeps serving', async () => {
    const slowHeaders = Array.from({ length: 20 }, () =>
      rawExchange(port, ['GET /v1/employees/me HTTP/1.1\r\n', 'Host: portal\r\n', 'X-A: 1\r\n'], {
        pauseMs: 400,
        timeoutMs: 3_000,
      }),
    );
    const slowBody = rawExchange(
      port,
      'POST /v1/auth/login HTTP/1.1\r\nHost: portal\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
      { timeoutMs: 3_000 },
    );
    await stillServes();
    const started = Date.now();
    const answers = await Promise.all([...slowHeaders, slowBody]);
    // Closed by the gateway (408, or the connection dropped) well before the clients' own 3 s.
    expect(Date.now() - started).toBeLessThan(2_900);
    for (const answer of answers) expect(answer === '' || /^HTTP\/1\.1 (408|400) /.test(answer)).toBe(true);
    await stillServes();
  });
});
