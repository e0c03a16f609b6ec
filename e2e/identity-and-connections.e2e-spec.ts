import { randomUUID } from 'node:crypto';
import { withDatabase } from '@vouch/persistence';
import {
  freePort,
  ServiceProcess,
  testInfrastructure,
  uniqueName,
  uniqueTopicPrefix,
  waitFor,
} from '@vouch/testing';

/**
 * identity and connections as separate processes, configured as `npm start` configures them,
 * talking only through Kafka: what one service learns, the other follows.
 */
describe('identity and connections together', () => {
  const { kafkaBrokers, databaseUrl } = testInfrastructure();
  const adminEmail = `admin-${randomUUID()}@acme.com`;
  let identity: ServiceProcess;
  let connections: ServiceProcess;

  beforeAll(async () => {
    const topicPrefix = uniqueTopicPrefix('e2e');
    const [identityPort, connectionsPort] = [await freePort(), await freePort()];
    const shared = {
      KAFKA_BROKERS: kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: topicPrefix,
      KAFKA_TOPIC_PARTITIONS: '3',
      LOG_LEVEL: 'warn',
      JWKS_URL: `http://127.0.0.1:${identityPort}/.well-known/jwks.json`,
    };
    [identity, connections] = await Promise.all([
      ServiceProcess.start('identity', identityPort, {
        ...shared,
        DATABASE_URL: withDatabase(databaseUrl, uniqueName('e2e_identity')),
        ADMIN_EMAILS: adminEmail,
      }),
      ServiceProcess.start('connections', connectionsPort, {
        ...shared,
        DATABASE_URL: withDatabase(databaseUrl, uniqueName('e2e_connections')),
      }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([identity?.stop(), connections?.stop()]);
  });

  async function call<T>(
    service: ServiceProcess,
    method: string,
    path: string,
    token?: string,
    body?: unknown,
  ) {
    const response = await fetch(`${service.baseUrl}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  async function register(name: string, fields: Record<string, string> = {}) {
    const email = fields.email ?? `${randomUUID()}@acme.com`;
    const answer = await call<{ employee: { id: string }; accessToken: string }>(
      identity,
      'POST',
      '/v1/auth/register',
      undefined,
      {
        email,
        password: 'correct horse battery staple',
        name,
        ...fields,
      },
    );
    expect(answer.status).toBe(201);
    return { id: answer.body.employee.id, email, token: answer.body.accessToken };
  }

  it('lets an employee registered in identity be asked to connect seconds later, and no longer once deactivated', async () => {
    const ana = await register('Ana Lima');
    const ben = await register('Ben Okafor', { managerEmail: ana.email });
    const cy = await register('Cy Park');
    const admin = await register('Ada Admin', { email: adminEmail });

    // connections learned of Ben, and of his manager, from identity's events.
    const suggestions = await waitFor(
      "Ben among Ana's suggestions",
      () =>
        call<{ items: Array<{ employeeId: string; reason: string }> }>(
          connections,
          'GET',
          '/v1/connections/suggestions',
          ana.token,
        ),
      (answer) => answer.body.items?.some((item) => item.employeeId === ben.id),
      { timeoutMs: 30_000 },
    );
    expect(suggestions.body.items).toEqual([
      expect.objectContaining({ employeeId: ben.id, reason: 'report' }),
    ]);

    const request = await call<{ id: string }>(connections, 'POST', '/v1/connection-requests', ana.token, {
      toEmployeeId: ben.id,
    });
    expect(request.status).toBe(201);
    expect(
      (await call(connections, 'POST', `/v1/connection-requests/${request.body.id}/accept`, ben.token))
        .status,
    ).toBe(200);
    const anasConnections = await call<{ items: Array<{ employeeId: string; name: string }> }>(
      connections,
      'GET',
      '/v1/connections',
      ana.token,
    );
    expect(anasConnections.body.items).toEqual([
      expect.objectContaining({ employeeId: ben.id, name: 'Ben Okafor' }),
    ]);

    expect((await call(identity, 'POST', `/v1/employees/${cy.id}/deactivate`, admin.token)).status).toBe(200);
    await waitFor(
      'connections to learn that Cy left',
      () => call(connections, 'POST', '/v1/connection-requests', ana.token, { toEmployeeId: cy.id }),
      (answer) => answer.status === 404,
      { timeoutMs: 30_000 },
    );
  });
});
