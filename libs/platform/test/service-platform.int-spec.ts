import { Body, Controller, Get, Module, Param, Post, Query, type INestApplication } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MinLength } from 'class-validator';
import { logContext } from '@vouch/telemetry';
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import {
  createTestDatabase,
  testInfrastructure,
  uniqueTopicPrefix,
  waitFor,
  type TestDatabase,
} from '@vouch/testing';
import { createServiceApp, loadConfig, serviceEnvironment, ServicePlatformModule } from '../src';

class UnknownColleagueError extends Error {}

class InviteColleague {
  @ApiProperty()
  @IsEmail()
  email!: string;

  @ApiProperty()
  @IsString()
  @MinLength(3)
  name!: string;
}

class SearchColleagues {
  @ApiProperty()
  @IsString()
  q!: string;
}

@Controller('v1/colleagues')
class ColleaguesController {
  @Post()
  invite(@Body() body: InviteColleague): { invited: string } {
    return { invited: body.email };
  }

  /** What the lines this handler logs would say about their request and its trace. */
  @Post('log-bindings')
  logBindings(@Body() _body: InviteColleague): unknown {
    return logContext();
  }

  @Get()
  search(@Query() query: SearchColleagues): { q: string } {
    return query;
  }

  @Get(':id')
  find(@Param('id') id: string): never {
    if (id === 'crash') throw new Error('connection pool exhausted at db.internal:5432');
    throw new UnknownColleagueError(`no colleague ${id}`);
  }
}

const POOL_SIZE = 4;

describe('what every service gets from the platform', () => {
  const { kafkaBrokers } = testInfrastructure();
  let database: TestDatabase;
  let app: INestApplication;
  let baseUrl: string;

  beforeAll(async () => {
    database = await createTestDatabase('platform');
    const environment = loadConfig(serviceEnvironment({ name: 'sample', port: 0 }), {
      DATABASE_URL: database.url,
      KAFKA_BROKERS: kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('platform'),
      LOG_LEVEL: 'silent',
      DATABASE_POOL_SIZE: String(POOL_SIZE),
    });
    @Module({
      imports: [
        ServicePlatformModule.forRoot({
          name: 'sample',
          environment,
          entities: [],
          migrations: [],
          errors: [{ error: UnknownColleagueError, status: 404, title: 'Unknown colleague' }],
        }),
      ],
      controllers: [ColleaguesController],
    })
    class SampleModule {}
    app = await createServiceApp(
      SampleModule,
      { title: 'sample', description: 'a sample service' },
      database.url,
    );
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const post = (path: string, body: unknown) =>
    fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('is live at once and ready when its database and Kafka answer', async () => {
    expect((await fetch(`${baseUrl}/health/live`)).status).toBe(200);
    const ready = await waitFor(
      'readiness',
      () => fetch(`${baseUrl}/health/ready`),
      (response) => response.status === 200,
    );
    expect(await ready.json()).toMatchObject({
      status: 'ok',
      checks: { database: { ok: true }, messaging: { ok: true } },
      runtime: { node: process.versions.node },
    });
  });

  it(`keeps at most DATABASE_POOL_SIZE (${POOL_SIZE}) connections to its database, the rest waiting their turn`, async () => {
    const dataSource = app.get(DataSource);
    const observer = new Client({ connectionString: database.url });
    await observer.connect();
    try {
      const connections = async () =>
        Number(
          (
            await observer.query(
              `SELECT count(*)::int AS n FROM pg_stat_activity
                WHERE datname = current_database() AND application_name = 'sample'`,
            )
          ).rows[0].n,
        );
      const queries = Array.from({ length: 3 * POOL_SIZE }, () => dataSource.query('SELECT pg_sleep(0.2)'));
      let most = 0;
      const watching = (async () => {
        for (let look = 0; look < 10; look += 1) {
          most = Math.max(most, await connections());
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      })();
      await Promise.all([...queries, watching]);
      expect(most).toBe(POOL_SIZE);
    } finally {
      await observer.end();
    }
  });

  it('answers invalid input with 400 problem details naming each field, unknown fields included', async () => {
    const response = await post('/v1/colleagues', { email: 'not-an-email', name: 'Al', role: 'admin' });

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await response.json()) as { errors: Array<{ field: string }> };
    expect(problem).toMatchObject({ status: 400, title: 'Invalid request' });
    expect(problem.errors.map((error) => error.field).sort()).toEqual(['email', 'name', 'role']);
  });

  it('refuses text with a NUL character in a body, a query or a path parameter as an invalid field', async () => {
    const body = await post('/v1/colleagues', { email: 'ana@example.com', name: 'Ana\u0000' });
    expect(body.status).toBe(400);
    expect(await body.json()).toMatchObject({
      errors: [{ field: 'name', message: 'name must not contain the NUL character' }],
    });

    const query = await fetch(`${baseUrl}/v1/colleagues?q=Ana%00`);
    expect(query.status).toBe(400);
    expect(await query.json()).toMatchObject({ errors: [{ field: 'q' }] });

    const parameter = await fetch(`${baseUrl}/v1/colleagues/a%00b`);
    expect(parameter.status).toBe(400);
    expect(await parameter.json()).toMatchObject({
      errors: [{ field: 'id', message: 'id must not contain the NUL character' }],
    });
  });

  it('names the request and its trace in what a handler logs, though its body came late', async () => {
    // The body arrives well after the headers, once the request's middleware has run.
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const body = JSON.stringify({ email: 'ana@example.com', name: 'Ana' });
    const { port } = new URL(baseUrl);
    const socket = connect(Number(port), '127.0.0.1');
    const answer = new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('end', () => resolve(text));
    });
    socket.write(
      'POST /v1/colleagues/log-bindings HTTP/1.1\r\nhost: localhost\r\nconnection: close\r\n' +
        `x-request-id: bound-1\r\ntraceparent: 00-${traceId}-00f067aa0ba902b7-01\r\n` +
        `content-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n`,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    socket.write(body);
    const [head, json] = (await answer).split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1.1 201/);
    expect(JSON.parse(json ?? '')).toMatchObject({
      req: { id: 'bound-1', method: 'POST', url: '/v1/colleagues/log-bindings' },
      traceId,
    });
  });

  it('accepts valid input', async () => {
    const response = await post('/v1/colleagues', { email: 'ana@example.com', name: 'Ana' });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ invited: 'ana@example.com' });
  });

  it('answers a mapped domain error with its status and message', async () => {
    const response = await fetch(`${baseUrl}/v1/colleagues/42`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      type: 'https://httpstatuses.io/404',
      title: 'Unknown colleague',
      status: 404,
      detail: 'no colleague 42',
    });
  });

  it('answers an unexpected error with a 500 that shows nothing internal', async () => {
    const response = await fetch(`${baseUrl}/v1/colleagues/crash`);
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(body).not.toMatch(/db\.internal|at |\.ts/);
    expect(JSON.parse(body)).toMatchObject({ status: 500, title: 'Internal server error' });
  });

  it('answers unknown paths and malformed JSON with problem details', async () => {
    const missing = await fetch(`${baseUrl}/v1/nothing-here`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/problem\+json/);

    const malformed = await fetch(`${baseUrl}/v1/colleagues`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email": ',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ status: 400 });

    const oversized = await fetch(`${baseUrl}/v1/colleagues`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `${'a'.repeat(110 * 1024)}@example.com` }),
    });
    expect(oversized.status).toBe(413);
    expect(oversized.headers.get('content-type')).toMatch(/problem\+json/);
    expect(await oversized.json()).toMatchObject({ status: 413 });
  });

  it('serves Prometheus metrics, counting requests by route template', async () => {
    await fetch(`${baseUrl}/v1/colleagues/7`);
    const metrics = await (await fetch(`${baseUrl}/metrics`)).text();
    expect(metrics).toMatch(
      /http_requests_total\{method="GET",route="\/v1\/colleagues\/:id",status="404"\} \d+/,
    );
    expect(metrics).toMatch(/process_cpu_seconds_total/);
    expect(metrics).toMatch(/^messaging_outbox_unpublished 0$/m);
    expect(metrics).toMatch(/^messaging_outbox_oldest_unpublished_age_seconds 0$/m);
    expect(metrics).toMatch(/^messaging_outbox_parked 0$/m);
  });

  it('counts the events its relay parked apart from those it has yet to publish', async () => {
    const dataSource = app.get(DataSource);
    const [{ position }]: Array<{ position: string }> = await dataSource.query(
      `INSERT INTO outbox (event_id, event_type, topic, message_key, headers, payload, publish_attempts,
                           publish_error, parked_at)
       VALUES ($1, 'ProbeRecorded', 'vouch.test.parked.v1', 'k', '{}', '{}', 10, 'MESSAGE_TOO_LARGE: …', now())
       RETURNING position`,
      [randomUUID()],
    );
    try {
      const metrics = await (await fetch(`${baseUrl}/metrics`)).text();
      expect(metrics).toMatch(/^messaging_outbox_parked 1$/m);
      expect(metrics).toMatch(/^messaging_outbox_unpublished 0$/m);
      expect(metrics).toMatch(/^messaging_outbox_oldest_unpublished_age_seconds 0$/m);
    } finally {
      await dataSource.query(`DELETE FROM outbox WHERE position = $1`, [position]);
    }
  });

  it('documents its API as OpenAPI', async () => {
    const document = (await (await fetch(`${baseUrl}/docs-json`)).json()) as {
      info: { title: string };
      paths: Record<string, unknown>;
    };
    expect(document.info.title).toBe('sample');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/v1/colleagues', '/v1/colleagues/{id}']),
    );
    expect((await fetch(`${baseUrl}/docs`)).status).toBe(200);
  });
});
