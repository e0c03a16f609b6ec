import type { ConnectionRequestView, ConnectionsExportView } from '@vouch/contracts';
import { ConnectionsTestApp, type TestEmployee } from './support/connections-test-app';

describe('exporting my data from connections', () => {
  let service: ConnectionsTestApp;

  beforeAll(async () => {
    service = await ConnectionsTestApp.start('connections-export');
  });

  afterAll(async () => {
    await service?.close();
  });

  const ask = async (from: TestEmployee, to: TestEmployee, message?: string): Promise<string> => {
    const answer = await service.request<ConnectionRequestView>('POST', '/v1/connection-requests', {
      token: from.token,
      body: { toEmployeeId: to.id, message },
    });
    expect(answer.status).toBe(201);
    return answer.body.id;
  };
  const exportOf = (who: TestEmployee) =>
    service.request<ConnectionsExportView>('GET', '/v1/me/export', { token: who.token });

  it('gives me my connections and every request I sent or received, with the colleague on the other side', async () => {
    const [ana, ben, cy, dee] = await service.hire(
      { name: 'Ana' },
      { name: 'Ben' },
      { name: 'Cy' },
      { name: 'Dee' },
    );
    const withBen = await ask(ana, ben, 'We shipped the launch together');
    expect(
      (await service.request('POST', `/v1/connection-requests/${withBen}/accept`, { token: ben.token }))
        .status,
    ).toBe(200);
    const fromCy = await ask(cy, ana);
    const toDee = await ask(ana, dee);
    expect(
      (await service.request('DELETE', `/v1/connection-requests/${toDee}`, { token: ana.token })).status,
    ).toBe(204);
    const notMine = await ask(ben, cy);

    const answer = await exportOf(ana);

    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.body).toEqual({
      service: 'connections',
      employeeId: ana.id,
      exportedAt: expect.any(String),
      connections: [{ employeeId: ben.id, name: 'Ben', since: expect.any(String) }],
      connectionRequests: [
        {
          id: withBen,
          direction: 'sent',
          colleague: { employeeId: ben.id, name: 'Ben' },
          status: 'accepted',
          message: 'We shipped the launch together',
          requestedAt: expect.any(String),
          acceptedAt: expect.any(String),
          closedAt: null,
          removedBy: null,
        },
        expect.objectContaining({ id: fromCy, direction: 'received', status: 'pending' }),
        expect.objectContaining({
          id: toDee,
          direction: 'sent',
          status: 'withdrawn',
          colleague: { employeeId: dee.id, name: 'Dee' },
          closedAt: expect.any(String),
        }),
      ],
    });
    const text = JSON.stringify(answer.body);
    expect(text).not.toContain(notMine);
    // The colleagues' email addresses the replica keeps are not mine to export.
    for (const colleague of [ben, cy, dee]) expect(text).not.toContain(colleague.email);
    expect(text).not.toContain(ana.token);
  });

  it("tells who removed a connection, and keeps my export apart from the other side's", async () => {
    const [ana, ben] = await service.hire({ name: 'Ana' }, { name: 'Ben' });
    const request = await ask(ben, ana);
    await service.request('POST', `/v1/connection-requests/${request}/accept`, { token: ana.token });
    expect((await service.request('DELETE', `/v1/connections/${ana.id}`, { token: ben.token })).status).toBe(
      204,
    );

    const mine = (await exportOf(ana)).body;
    const theirs = (await exportOf(ben)).body;

    expect(mine.connections).toEqual([]);
    expect(mine.connectionRequests).toEqual([
      expect.objectContaining({ id: request, direction: 'received', status: 'removed', removedBy: 'them' }),
    ]);
    expect(theirs.employeeId).toBe(ben.id);
    expect(theirs.connectionRequests).toEqual([
      expect.objectContaining({ id: request, direction: 'sent', removedBy: 'me' }),
    ]);
  });

  it('answers 401 without a token', async () => {
    const answer = await service.request('GET', '/v1/me/export');

    expect(answer.status).toBe(401);
  });
});
