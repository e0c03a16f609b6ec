import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { logContext } from '@vouch/telemetry';
import { logRequests, requestId } from './request-log';
import { createServiceLogger, ServiceLogger } from './service-logger';

/** A Fastify app logging as the services do, into lines the test reads. */
async function loggingApp(
  level: string,
): Promise<{ app: FastifyInstance; lines: Array<Record<string, unknown>> }> {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const app = Fastify({ genReqId: requestId });
  logRequests(app, createServiceLogger('test-service', level, sink));
  app.get('/missing', (_request, reply) => reply.code(404).send({}));
  app.get('/health/ready', () => ({}));
  app.get('/metrics', () => '');
  app.get('/v1/things', () => ({}));
  // What a line logged while answering would carry, after an await like any handler's.
  app.post('/v1/context', async () => {
    await new Promise((resolve) => setImmediate(resolve));
    return logContext();
  });
  await app.ready();
  return { app, lines };
}

describe('request logging', () => {
  let running: Awaited<ReturnType<typeof loggingApp>> | undefined;
  afterEach(async () => {
    await running?.app.close();
    running = undefined;
  });

  it('logs each answered request with its id, method, URL, status and service, never its credentials', async () => {
    running = await loggingApp('info');
    await running.app.inject({
      url: '/missing?page=2',
      headers: {
        authorization: 'Bearer secret-token',
        cookie: 'session=secret-cookie',
        'x-request-id': 'r-1',
      },
    });

    expect(running.lines).toHaveLength(1);
    expect(running.lines[0]).toMatchObject({
      service: 'test-service',
      msg: 'request completed',
      req: { id: 'r-1', method: 'GET', url: '/missing?page=2' },
      res: { statusCode: 404 },
      responseTime: expect.any(Number),
    });
    expect(JSON.stringify(running.lines[0])).not.toContain('secret');
  });

  it('redacts the tokens, codes and states in a logged URL, and logs no credential of a request', async () => {
    running = await loggingApp('info');
    await running.app.inject({
      url: '/missing?token=secret-unsubscribe&page=2&access_token=secret-access&code=secret-code&state=secret-state',
      headers: {
        authorization: 'Bearer secret-bearer',
        cookie: 'vouch_refresh=secret-cookie',
      },
    });
    await running.app.inject({ url: '/missing?invitationToken=secret-invitation' });

    expect(running.lines.map((line) => (line['req'] as { url: string }).url)).toEqual([
      '/missing?token=[redacted]&page=2&access_token=[redacted]&code=[redacted]&state=[redacted]',
      '/missing?invitationToken=[redacted]',
    ]);
    expect(JSON.stringify(running.lines)).not.toContain('secret');
  });

  it('writes [redacted] for credentials that reach a line as fields (headers, passwords, tokens)', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createServiceLogger('test-service', 'info', sink);
    logger.info(
      {
        req: { headers: { authorization: 'Bearer secret-1', cookie: 'a=secret-2', accept: 'text/html' } },
        res: { headers: { 'set-cookie': 'vouch_refresh=secret-3' } },
        body: { email: 'ana@acme.com', password: 'secret-4' },
        token: 'secret-5',
      },
      'answered',
    );

    expect(lines.join('')).not.toContain('secret');
    expect(lines.join('')).toContain('text/html');
    expect(lines.join('')).toContain('[redacted]');
  });

  it('gives a request without an id a new one, and does not log health checks or metrics scrapes', async () => {
    running = await loggingApp('info');
    await running.app.inject({ url: '/health/ready' });
    await running.app.inject({ url: '/metrics' });
    await running.app.inject({ url: '/v1/things' });

    expect(running.lines).toHaveLength(1);
    const { req } = running.lines[0] as { req: { id: string; url: string } };
    expect(req.url).toBe('/v1/things');
    expect(req.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('names the request in whatever is logged while answering it', async () => {
    running = await loggingApp('info');
    const answer = await running.app.inject({
      method: 'POST',
      url: '/v1/context',
      headers: { 'x-request-id': 'r-2' },
    });

    expect(answer.json()).toEqual({ req: { id: 'r-2', method: 'POST', url: '/v1/context' } });
    expect(logContext()).toEqual({});
  });

  it('writes nothing for requests below the configured level', async () => {
    running = await loggingApp('warn');
    await running.app.inject({ url: '/v1/things' });

    expect(running.lines).toEqual([]);
  });
});

describe("Nest's logging through the service's logger", () => {
  function logged(level: string, write: (logger: ServiceLogger) => void): Array<Record<string, unknown>> {
    const lines: Array<Record<string, unknown>> = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    write(new ServiceLogger(createServiceLogger('test-service', level, sink)));
    return lines;
  }

  it("names the context Nest passes last, and an exception handler's stack as the error", () => {
    const stack = 'Error: boom\n    at handler (app.ts:1:1)';
    const lines = logged('info', (logger) => {
      logger.log('listening on :3000', 'NestApplication');
      logger.error('boom', stack, 'ExceptionsHandler');
      logger.debug('not at this level', 'Outbox');
    });

    expect(lines).toEqual([
      expect.objectContaining({
        level: 30,
        service: 'test-service',
        context: 'NestApplication',
        msg: 'listening on :3000',
      }),
      expect.objectContaining({
        level: 50,
        context: 'ExceptionsHandler',
        msg: 'boom',
        err: expect.objectContaining({ stack }),
      }),
    ]);
  });

  it('logs an error object with its message and stack, and an object as fields', () => {
    const lines = logged('info', (logger) => {
      logger.warn(new Error('relay stalled'), 'OutboxRelay');
      logger.log({ event: 'started', partitions: '12' });
    });

    expect(lines).toEqual([
      expect.objectContaining({
        level: 40,
        context: 'OutboxRelay',
        msg: 'relay stalled',
        err: expect.objectContaining({
          message: 'relay stalled',
          stack: expect.stringContaining('Error: relay stalled'),
        }),
      }),
      expect.objectContaining({ level: 30, event: 'started', partitions: '12' }),
    ]);
  });
});
