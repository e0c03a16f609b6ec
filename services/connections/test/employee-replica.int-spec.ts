import { randomUUID } from 'node:crypto';
import {
  EmployeeDeactivatedV1,
  EmployeeEmailChangedV1,
  EmployeeManagerChangedV2,
  EmployeeProfileUpdatedV1,
  EmployeeReactivatedV1,
  EmployeeRegisteredV1,
} from '@vouch/contracts';
import { waitFor } from '@vouch/testing';
import { ConnectionsTestApp, type TestEmployee } from './support/connections-test-app';

interface PageBody<T> {
  items: T[];
  nextCursor: string | null;
}

interface Suggestion {
  employeeId: string;
  name: string;
  title: string | null;
  reason: 'manager' | 'report' | 'peer';
}

describe('the employee replica, fed by identity’s events', () => {
  let service: ConnectionsTestApp;

  beforeAll(async () => {
    service = await ConnectionsTestApp.start('connections_replica');
  });

  afterAll(async () => {
    await service?.close();
  });

  const ask = (from: TestEmployee, to: string) =>
    service.request<{ id: string; status: string }>('POST', '/v1/connection-requests', {
      token: from.token,
      body: { toEmployeeId: to },
    });
  const list = <T>(who: TestEmployee, path: string) =>
    service.request<PageBody<T>>('GET', path, { token: who.token });
  const connect = async (from: TestEmployee, to: TestEmployee) => {
    const requested = await ask(from, to.id);
    expect(requested.status).toBe(201);
    const accepted = await service.request('POST', `/v1/connection-requests/${requested.body.id}/accept`, {
      token: to.token,
    });
    expect(accepted.status).toBe(200);
  };
  /** Until the service's next read of the deactivated employees (once a second) refuses or accepts the token. */
  const tokenAnswers = (employee: TestEmployee, status: 200 | 401) =>
    waitFor(
      `connections to answer ${status} to the token of ${employee.id}`,
      () => list(employee, '/v1/connections'),
      (answer) => answer.status === status,
      { timeoutMs: 5_000, intervalMs: 50 },
    );
  const deactivate = async (employee: TestEmployee) => {
    await service.publish(EmployeeDeactivatedV1, [
      { subject: employee.id, data: { employeeId: employee.id, deactivatedAt: new Date().toISOString() } },
    ]);
    await service.waitForReplica(
      'the deactivation',
      `SELECT count(*)::int AS n FROM employee WHERE id = $1 AND NOT active`,
      [employee.id],
      1,
    );
    await tokenAnswers(employee, 401);
  };
  const reactivate = async (employee: TestEmployee) => {
    await service.publish(EmployeeReactivatedV1, [
      { subject: employee.id, data: { employeeId: employee.id, reactivatedAt: new Date().toISOString() } },
    ]);
    await service.waitForReplica(
      'the reactivation',
      `SELECT count(*)::int AS n FROM employee WHERE id = $1 AND active`,
      [employee.id],
      1,
    );
    await tokenAnswers(employee, 200);
  };
  const suggestionsOf = async (who: TestEmployee) =>
    (await list<Suggestion>(who, '/v1/connections/suggestions')).body.items;

  it('lets an employee registered in identity be asked to connect seconds later', async () => {
    const [ana] = await service.hire({});
    const newcomer = randomUUID();
    expect((await ask(ana, newcomer)).status).toBe(404);

    await service.publish(EmployeeRegisteredV1, [
      {
        subject: newcomer,
        data: {
          employeeId: newcomer,
          email: `${newcomer}@example.com`,
          name: 'Newcomer',
          title: null,
          managerId: null,
          timeZone: null,
          registeredAt: new Date().toISOString(),
        },
      },
    ]);

    const response = await waitFor(
      'the newcomer to be known',
      () => ask(ana, newcomer),
      (answer) => answer.status !== 404,
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    expect(response.status).toBe(201);
  });

  it('answers 404 to requests to a deactivated employee, and cancels their pending requests in and out, publishing each', async () => {
    const [ana, ben, cleo] = await service.hire({}, {}, {});
    const incoming = await ask(ana, ben.id);
    const outgoing = await ask(ben, cleo.id);

    await deactivate(ben);

    const refused = await ask(cleo, ben.id);
    expect(refused.status).toBe(404);
    expect(refused.body).toMatchObject({ status: 404, title: 'Employee not found' });
    expect((await list(ana, '/v1/connection-requests?direction=outgoing')).body.items).toEqual([]);
    expect((await list(cleo, '/v1/connection-requests?direction=incoming')).body.items).toEqual([]);
    expect((await ask(ana, cleo.id)).status).toBe(201);
    for (const [request, requester, addressee] of [
      [incoming, ana, ben],
      [outgoing, ben, cleo],
    ] as const) {
      const events = await service.eventsAbout(request.body.id, 2);
      expect(events.map((event) => event.type)).toEqual([
        'ConnectionRequested',
        'ConnectionRequestCancelled',
      ]);
      expect(events[1].data).toEqual({
        connectionId: request.body.id,
        requesterId: requester.id,
        addresseeId: addressee.id,
        status: 'cancelled',
        reason: 'employee_deactivated',
        deactivatedEmployeeId: ben.id,
        cancelledAt: expect.any(String),
      });
    }
  });

  it('refuses requests from a deactivated employee whose token is still valid (401)', async () => {
    const [ana, ben] = await service.hire({}, {});
    await deactivate(ana);

    const response = await ask(ana, ben.id);

    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({
      status: 401,
      detail: "the access token's employee is deactivated",
    });
  });

  it('hides connections with a deactivated employee from lists', async () => {
    const [ana, ben, cleo] = await service.hire({}, {}, {});
    await connect(ana, ben);
    await connect(cleo, ana);

    await deactivate(ben);

    const connections = await list<{ employeeId: string }>(ana, '/v1/connections');
    expect(connections.body.items.map((item) => item.employeeId)).toEqual([cleo.id]);
  });

  it('lets a reactivated employee be asked to connect again and shows their connections, leaving cancelled requests cancelled', async () => {
    const [ana, ben, cleo] = await service.hire({}, {}, {});
    await connect(ana, ben);
    const cancelled = await ask(cleo, ben.id);
    await deactivate(ben);

    await reactivate(ben);

    const connections = await list<{ employeeId: string }>(ana, '/v1/connections');
    expect(connections.body.items.map((item) => item.employeeId)).toEqual([ben.id]);
    const again = await ask(cleo, ben.id);
    expect(again.status).toBe(201);
    const incoming = await list<{ id: string }>(ben, '/v1/connection-requests?direction=incoming');
    expect(incoming.body.items.map((item) => item.id)).toEqual([again.body.id]);
    const events = await service.eventsAbout(cancelled.body.id, 2);
    expect(events.map((event) => event.type)).toEqual(['ConnectionRequested', 'ConnectionRequestCancelled']);
  });

  it('keeps the work email identity last published', async () => {
    const [ana] = await service.hire({});
    const email = `${randomUUID()}@example.com`;

    await service.publish(EmployeeEmailChangedV1, [
      {
        subject: ana.id,
        data: { employeeId: ana.id, email, previousEmail: ana.email, changedAt: new Date().toISOString() },
      },
    ]);

    await service.waitForReplica(
      'the new email',
      `SELECT count(*)::int AS n FROM employee WHERE id = $1 AND email = $2`,
      [ana.id, email],
      1,
    );
  });

  it('shows the names and titles identity last published', async () => {
    const [ana, ben] = await service.hire({ name: 'Ana' }, { name: 'Ben', title: 'Intern' });
    await connect(ana, ben);

    await service.publish(EmployeeProfileUpdatedV1, [
      {
        subject: ben.id,
        data: {
          employeeId: ben.id,
          name: 'Benjamin',
          title: 'Engineer',
          headline: null,
          timeZone: null,
          completeness: 40,
          changedFields: ['name', 'title'],
          updatedAt: new Date().toISOString(),
        },
      },
    ]);

    const connections = await waitFor(
      'the new name in the list',
      () => list<{ name: string; title: string | null }>(ana, '/v1/connections'),
      (answer) => answer.body.items[0]?.name === 'Benjamin',
      { timeoutMs: 30_000 },
    );
    expect(connections.body.items).toEqual([
      expect.objectContaining({ name: 'Benjamin', title: 'Engineer' }),
    ]);
  });

  it('suggests my manager, my reports and my peers, active only, not yet connected or asked', async () => {
    const [boss] = await service.hire({ name: 'Zoe Boss' });
    const [me] = await service.hire({ name: 'Me', managerId: boss.id });
    const [peer, askedPeer, connectedPeer, leavingPeer, report, stranger] = await service.hire(
      { name: 'Ada Peer', managerId: boss.id },
      { name: 'Asked Peer', managerId: boss.id },
      { name: 'Connected Peer', managerId: boss.id },
      { name: 'Leaving Peer', managerId: boss.id },
      { name: 'Rita Report', managerId: me.id },
      { name: 'Stranger' },
    );
    await ask(askedPeer, me.id);
    await connect(me, connectedPeer);
    await deactivate(leavingPeer);

    const suggestions = await suggestionsOf(me);

    expect(suggestions).toEqual([
      { employeeId: peer.id, name: 'Ada Peer', title: null, reason: 'peer' },
      { employeeId: report.id, name: 'Rita Report', title: null, reason: 'report' },
      { employeeId: boss.id, name: 'Zoe Boss', title: null, reason: 'manager' },
    ]);
    expect(suggestions.map((item) => item.employeeId)).not.toContain(stranger.id);
    const paged = await list<Suggestion>(me, '/v1/connections/suggestions?limit=2');
    expect(paged.body.items).toHaveLength(2);
    const rest = await list<Suggestion>(
      me,
      `/v1/connections/suggestions?limit=2&cursor=${paged.body.nextCursor}`,
    );
    expect(rest.body).toEqual({
      items: [expect.objectContaining({ employeeId: boss.id })],
      nextCursor: null,
    });
  });

  it('follows the org chart as managers change', async () => {
    const [lead, other] = await service.hire({ name: 'Lead' }, { name: 'Other' });
    const [me] = await service.hire({ name: 'Me', managerId: lead.id });
    expect((await suggestionsOf(me)).map((item) => item.employeeId)).toEqual([lead.id]);

    await service.publish(EmployeeManagerChangedV2, [
      {
        subject: me.id,
        data: {
          employeeId: me.id,
          managerId: other.id,
          managerSource: 'scim',
          previousManagerId: lead.id,
          changedAt: new Date().toISOString(),
        },
      },
    ]);

    const suggestions = await waitFor(
      'the new manager among suggestions',
      () => suggestionsOf(me),
      (items) => items.some((item) => item.employeeId === other.id),
      { timeoutMs: 30_000 },
    );
    expect(suggestions).toEqual([expect.objectContaining({ employeeId: other.id, reason: 'manager' })]);
    expect((await suggestionsOf(lead)).map((item) => item.employeeId)).not.toContain(me.id);
  });
});
