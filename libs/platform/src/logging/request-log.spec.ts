import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pinoHttp } from 'pino-http';
import { requestLoggingOptions } from './request-log';

/** A real HTTP server logging through the services' options into lines the test reads. */
async function loggingServer(level: string): Promise<{ server: Server; url: string; lines: string[] }> {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  const log = pinoHttp(requestLoggingOptions('test-service', level), sink);
  const server = createServer((request, response) => {
    log(request, response);
    response.statusCode = request.url?.startsWith('/missing') ? 404 : 200;
    response.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, lines };
}

describe('request logging', () => {
  let running: Awaited<ReturnType<typeof loggingServer>> | undefined;
  afterEach(async () => {
    await new Promise((resolve) => running?.server.close(resolve));
    running = undefined;
  });

  it('logs each answered request with its id, method, URL, status and service, never its credentials', async () => {
    running = await loggingServer('info');
    await fetch(`${running.url}/missing?page=2`, {
      headers: {
        authorization: 'Bearer secret-token',
        cookie: 'session=secret-cookie',
        'x-request-id': 'r-1',
      },
    });

    expect(running.lines).toHaveLength(1);
    const line = JSON.parse(running.lines[0] ?? '{}') as Record<string, unknown>;
    expect(line).toMatchObject({
      service: 'test-service',
      req: { id: 'r-1', method: 'GET', url: '/missing?page=2' },
      res: { statusCode: 404 },
    });
    expect(running.lines[0]).not.toContain('secret');
  });

  it('gives a request without an id a new one, and does not log health checks or metrics scrapes', async () => {
    running = await loggingServer('info');
    await fetch(`${running.url}/health/ready`);
    await fetch(`${running.url}/metrics`);
    await fetch(`${running.url}/v1/things`);

    expect(running.lines).toHaveLength(1);
    const line = JSON.parse(running.lines[0] ?? '{}') as { req: { id: string; url: string } };
    expect(line.req.url).toBe('/v1/things');
    expect(line.req.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('writes nothing for requests below the configured level', async () => {
    running = await loggingServer('warn');
    await fetch(`${running.url}/v1/things`);

    expect(running.lines).toEqual([]);
  });
});
