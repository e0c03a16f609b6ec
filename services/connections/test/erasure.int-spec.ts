import { randomUUID } from 'node:crypto';
import type { ConnectionRequestView, ConnectionView, Page } from '@vouch/contracts';
import {
  announceErasure,
  findValuesInDatabase,
  replayEmployeeHistory,
  waitFor,
  type PublishAsOwner,
} from '@vouch/testing';
import { ConnectionsTestApp, type TestEmployee } from './support/connections-test-app';

describe('erasing an employee from connections', () => {
  let service: ConnectionsTestApp;

  beforeAll(async () => {
    service = await ConnectionsTestApp.start('connections_erasure');
  });

  afterAll(async () => {
    await service?.close();
  });

  const ask = (from: TestEmployee, to: TestEmployee, message: string) =>
    service.request<ConnectionRequestView>('POST', '/v1/connection-requests', {
      token: from.token,
      headers: { 'Idempotency-Key': randomUUID() },
      body: { toEmployeeId: to.id, message },
    });
  const connect = async (from: TestEmployee, to: TestEmployee, message: string) => {
    const requested = await ask(from, to, message);
    expect(requested.status).toBe(201);
    const accepted = await service.request(`POST`, `/v1/connection-requests/${requested.body.id}/accept`, {
      token: to.token,
    });
    expect(accepted.status).toBe(200);
    return requested.body.id;
  };
  const connectionsOf = async (who: TestEmployee) =>
    (await service.request<Page<ConnectionView>>('GET', '/v1/connections', { token: who.token })).body.items;
  const requestsOf = async (who: TestEmployee, direction: 'incoming' | 'outgoing') =>
    (
      await service.request<Page<ConnectionRequestView>>(
        'GET',
        `/v1/connection-requests?direction=${direction}`,
        { token: who.token },
      )
    ).body.items;
  const publish: PublishAsOwner = (definition, events) => service.publish(definition, events);

  it('deletes their connections and requests, keeps the others’, reports it, and nothing brings them back', async () => {
    const [ana, ben, cleo, dan] = await service.hire(
      { name: 'Ana Erasmus', title: 'Engineer' },
      { name: 'Ben' },
      { name: 'Cleo' },
      { name: 'Dan' },
    );
    const withBen = await connect(ana, ben, 'Ana Erasmus here, from the launch');
    expect((await ask(cleo, ana, 'Hi, shall we connect?')).status).toBe(201);
    expect((await ask(ana, dan, 'Ana again')).status).toBe(201);
    await connect(ben, cleo, 'Ben and Cleo');
    // What the relay has published, it may forget; what it has not, it must still publish.
    await service.eventsAbout(withBen, 2);
    const erasureId = randomUUID();

    await announceErasure(publish, ana.id, erasureId);

    const [report] = await service.eventsAbout(ana.id, 1);
    expect(report?.type).toBe('ConnectionsErasureCompleted');
    expect(report?.data).toEqual({
      erasureId,
      employeeId: ana.id,
      service: 'connections',
      completedAt: expect.any(String),
    });
    expect(await findValuesInDatabase(service.databaseUrl, [ana.name, ana.email])).toEqual([]);
    expect((await connectionsOf(ben)).map((connection) => connection.employeeId)).toEqual([cleo.id]);
    expect(await requestsOf(cleo, 'outgoing')).toEqual([]);
    expect(await requestsOf(dan, 'incoming')).toEqual([]);

    // identity's older events about her replayed, and the erasure sent again, change nothing.
    await replayEmployeeHistory(publish, ana);
    await announceErasure(publish, ana.id, erasureId);
    await service.settled();

    const reports = await service.eventsAbout(ana.id, 2);
    expect(reports.map((event) => event.data)).toEqual([
      report?.data,
      expect.objectContaining({ erasureId }),
    ]);
    expect(await findValuesInDatabase(service.databaseUrl, [ana.name, ana.email])).toEqual([]);
    const answer = await waitFor(
      'her token to be refused',
      () => service.request('GET', '/v1/connections', { token: ana.token }),
      (response) => response.status === 401,
      { timeoutMs: 5_000, intervalMs: 50 },
    );
    expect(answer.status).toBe(401);
    expect(
      (
        await service.request('POST', '/v1/connection-requests', {
          token: dan.token,
          body: { toEmployeeId: ana.id },
        })
      ).status,
    ).toBe(404);
  });
});
