import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  ConnectionsErasureCompletedV1,
  EmployeeErasedV1,
  NotificationsErasureCompletedV1,
  RecommendationsErasureCompletedV1,
  Topics,
} from '@vouch/contracts';
import {
  findValuesInDatabase,
  publishEvents,
  readTopicToEnd,
  testInfrastructure,
  waitFor,
} from '@vouch/testing';
import { IdentityApp, type RegisteredEmployee } from './identity-app';
import { newScimToken, ScimProvider } from './scim-provider';

interface ErasureBody {
  id: string;
  employeeId: string;
  requestedAt: string;
  requestedBy: string;
  reason: string;
  services: Record<
    'identity' | 'connections' | 'recommendations' | 'notifications',
    { completedAt: string | null }
  >;
  completedAt: string | null;
}

/** An admin erasing a person at their request: identity's own data at once, the others' progress by events. */
describe('erasing a person', () => {
  const { kafkaBrokers } = testInfrastructure();
  const scimToken = newScimToken();
  let identity: IdentityApp;
  let provider: ScimProvider;

  beforeAll(async () => {
    identity = await IdentityApp.start('identity_erasure', { SCIM_TOKEN: scimToken });
    provider = new ScimProvider(identity, scimToken);
  });

  afterAll(async () => {
    await identity?.stop();
  });

  const erase = (id: string, token: string, body: unknown = { reason: 'DSR-1234' }) =>
    identity.call<ErasureBody>('POST', `/v1/admin/employees/${id}/erasure`, { token, body });

  /** Someone identity knows well: a password, a session, SCIM's view of them, and audit entries. */
  async function someoneKnownWell(): Promise<RegisteredEmployee & { name: string }> {
    const name = `Zelda ${randomUUID().slice(0, 8)}`;
    const person = await identity.register({ name, title: 'Payments lead' });
    // SCIM adopts them by their address: scim_user, and an audit entry of what SCIM set.
    const adopted = await provider.call('POST', '/Users', {
      userName: person.email,
      name: { formatted: `${name} Lima`, givenName: 'Zelda' },
      title: 'Head of payments',
    });
    expect(adopted.status).toBe(201);
    return { ...person, name };
  }

  /** What the relay has yet to publish was written before the erasure, and is published as written. */
  async function outboxPublished(): Promise<void> {
    const client = new Client({ connectionString: identity.databaseUrl });
    await client.connect();
    try {
      await waitFor(
        'the outbox to be published',
        async () =>
          (
            await client.query<{ n: number }>(
              `SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`,
            )
          ).rows[0]?.n ?? 0,
        (unpublished) => unpublished === 0,
      );
    } finally {
      await client.end();
    }
  }

  async function hrMember(): Promise<RegisteredEmployee> {
    const admin = await identity.admin();
    const hr = await identity.register();
    expect(
      (await identity.call('PUT', `/v1/admin/employees/${hr.id}/hr-role`, { token: admin.token })).status,
    ).toBe(200);
    const login = await identity.login(hr.email, hr.password);
    return { ...hr, token: String(login.body.accessToken) };
  }

  it('is for admins only: HR and an employee are refused, and the person stays as they were', async () => {
    const person = await identity.register();
    const hr = await hrMember();

    expect((await erase(person.id, hr.token)).status).toBe(403);
    expect((await erase(person.id, person.token)).status).toBe(403);
    const admin = await identity.admin();
    expect((await identity.call('GET', '/v1/admin/erasures', { token: hr.token })).status).toBe(403);

    const still = await identity.call('GET', `/v1/employees/${person.id}`, { token: admin.token });
    expect(still.body).toMatchObject({ email: person.email, name: 'Ana Lima' });
  });

  it('refuses erasing oneself, an unknown employee, a missing or blank reason, a second erasure, and reactivating the erased', async () => {
    const admin = await identity.admin();
    const person = await identity.register();

    expect((await erase(admin.id, admin.token)).status).toBe(403);
    expect((await erase(randomUUID(), admin.token)).status).toBe(404);
    expect((await erase(person.id, admin.token, {})).status).toBe(400);
    expect((await erase(person.id, admin.token, { reason: '   ' })).status).toBe(400);
    expect((await erase(person.id, admin.token, { reason: 'x'.repeat(501) })).status).toBe(400);
    expect((await erase(person.id, admin.token)).status).toBe(202);
    expect((await erase(person.id, admin.token)).status).toBe(409);
    const reactivation = await identity.call('POST', `/v1/employees/${person.id}/reactivate`, {
      token: admin.token,
    });
    expect(reactivation.status).toBe(409);
  });

  it("removes identity's personal data of the person from every table, and they can no longer sign in", async () => {
    const admin = await identity.admin();
    const person = await someoneKnownWell();
    // An address they asked a password reset for, and a failed login: rows keyed by their address.
    await identity.call('POST', '/v1/auth/password-resets', { body: { email: person.email } });
    await identity.login(person.email, 'not the password');
    await outboxPublished();

    const answer = await erase(person.id, admin.token);

    expect(answer.status).toBe(202);
    expect(answer.body).toEqual({
      id: expect.any(String),
      employeeId: person.id,
      requestedAt: expect.any(String),
      requestedBy: admin.id,
      reason: 'DSR-1234',
      services: {
        identity: { completedAt: answer.body.requestedAt },
        connections: { completedAt: null },
        recommendations: { completedAt: null },
        notifications: { completedAt: null },
      },
      completedAt: null,
    });
    expect(await findValuesInDatabase(identity.databaseUrl, [person.name, person.email])).toEqual([]);
    expect((await identity.login(person.email, person.password)).status).toBe(401);
    const shown = await identity.call('GET', `/v1/employees/${person.id}`, { token: admin.token });
    expect(shown.body).toMatchObject({ id: person.id, name: 'Erased employee', title: null });
    const search = await identity.call<{ items: unknown[] }>(
      'GET',
      `/v1/employees?q=${encodeURIComponent(person.name)}`,
      {
        token: admin.token,
      },
    );
    expect(search.body.items).toEqual([]);
    expect((await provider.call('GET', `/Users/${person.id}`)).status).toBe(404);
    // Their access token is refused once the instance has read the deactivation.
    await waitFor(
      "the person's token to be refused",
      async () => (await identity.call('GET', '/v1/employees/me', { token: person.token })).status,
      (status) => status === 401 || status === 403,
    );
  });

  it('keeps who erased whom and when in the audit log, and redacts the personal values of the entries about them', async () => {
    const admin = await identity.admin();
    const person = await someoneKnownWell();

    const erasure = (await erase(person.id, admin.token)).body;

    const log = await identity.call<{ items: Array<Record<string, unknown>> }>(
      'GET',
      `/v1/admin/audit-log?employeeId=${person.id}`,
      { token: admin.token },
    );
    const [erased, ...earlier] = log.body.items;
    expect(erased).toMatchObject({
      action: 'employee.erased',
      actorType: 'admin',
      actorId: admin.id,
      before: {},
      after: { erasureId: erasure.id, reason: 'DSR-1234' },
    });
    // SCIM changed their name and title on adopting them: which fields changed stays, not their values.
    expect(
      earlier.map(({ action, actorType, before, after }) => ({ action, actorType, before, after })),
    ).toEqual([
      {
        action: 'employee.profile_changed',
        actorType: 'scim',
        before: { name: '[redacted]', title: '[redacted]' },
        after: { name: '[redacted]', title: '[redacted]' },
      },
      { action: 'employee.adopted', actorType: 'scim', before: {}, after: {} },
    ]);
  });

  it('publishes EmployeeErased (ids only) after the deactivation, and leaves a tombstone as their last record', async () => {
    const admin = await identity.admin();
    const person = await identity.register();

    const erasure = (await erase(person.id, admin.token)).body;

    const events = await identity.eventsAbout(Topics.employees, person.id, 3);
    expect(events.map((event) => event.type)).toEqual([
      'EmployeeRegistered',
      'EmployeeDeactivated',
      'EmployeeErased',
    ]);
    expect(events[2]?.data).toEqual({
      employeeId: person.id,
      erasureId: erasure.id,
      erasedAt: erasure.requestedAt,
    });
    expect(events[2]?.schemaversion).toBe(EmployeeErasedV1.version);
    const records = await waitFor(
      'the tombstone on the record topic',
      () => recordsOf(person.id),
      (values) => values.at(-1) === null,
    );
    // Their records before it, which compaction will remove.
    expect(records.length).toBeGreaterThan(1);
  });

  it('shows the progress as each service reports its part done, once, and completes with the last', async () => {
    const admin = await identity.admin();
    const person = await identity.register();
    const erasure = (await erase(person.id, admin.token)).body;
    const report = <TService extends 'connections' | 'recommendations' | 'notifications'>(
      service: TService,
      completedAt: string,
    ) => ({
      subject: person.id,
      data: { erasureId: erasure.id, employeeId: person.id, service, completedAt },
    });
    // The services report after the request, as they do: seconds after it.
    const secondsAfterRequest = (seconds: number) =>
      new Date(Date.parse(erasure.requestedAt) + seconds * 1_000).toISOString();
    const [first, second, third, muchLater] = [1, 2, 3, 3_600].map(secondsAfterRequest);
    const progress = () =>
      identity.call<ErasureBody>('GET', `/v1/admin/erasures/${erasure.id}`, { token: admin.token });

    await publishEvents(kafkaBrokers, identity.topicPrefix, ConnectionsErasureCompletedV1, [
      report('connections', first),
      // Reported again, later: the part keeps its first time.
      report('connections', muchLater),
    ]);
    const partly = await waitFor(
      'the connections part to show done',
      async () => (await progress()).body,
      (body) => body.services.connections.completedAt !== null,
    );
    expect(partly.services.connections.completedAt).toBe(first);
    expect(partly.completedAt).toBeNull();

    await publishEvents(kafkaBrokers, identity.topicPrefix, RecommendationsErasureCompletedV1, [
      report('recommendations', second),
    ]);
    await publishEvents(kafkaBrokers, identity.topicPrefix, NotificationsErasureCompletedV1, [
      report('notifications', third),
    ]);
    const done = await waitFor(
      'the erasure to complete',
      async () => (await progress()).body,
      (body) => body.completedAt !== null,
    );
    expect(done.services).toEqual({
      identity: { completedAt: erasure.requestedAt },
      connections: { completedAt: first },
      recommendations: { completedAt: second },
      notifications: { completedAt: third },
    });
    expect(done.completedAt).toBe(third);

    const list = await identity.call<{ items: ErasureBody[] }>('GET', '/v1/admin/erasures?limit=100', {
      token: admin.token,
    });
    expect(list.body.items.find((item) => item.id === erasure.id)).toEqual(done);
    expect(
      (await identity.call('GET', `/v1/admin/erasures/${randomUUID()}`, { token: admin.token })).status,
    ).toBe(404);
  });

  /** The values (null for a tombstone) of the record topic's messages for one key, in order. */
  async function recordsOf(employeeId: string): Promise<Array<string | null>> {
    const messages = await readTopicToEnd(kafkaBrokers, `${identity.topicPrefix}${Topics.employeeRecords}`);
    return messages
      .filter((message) => message.key?.toString() === employeeId)
      .map((message) => message.value?.toString() ?? null);
  }
});
