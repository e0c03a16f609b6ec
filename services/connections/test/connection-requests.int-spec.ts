import { randomUUID } from 'node:crypto';
import type { ConnectionRequestView, ConnectionView, Page } from '@vouch/contracts';
import { ConnectionsTestApp, type TestEmployee } from './support/connections-test-app';

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: Array<{ field: string; message: string }>;
}

describe('connection requests and connections', () => {
  let service: ConnectionsTestApp;

  beforeAll(async () => {
    service = await ConnectionsTestApp.start('connections');
  });

  afterAll(async () => {
    await service?.close();
  });

  const ask = (from: TestEmployee, to: string, message?: string) =>
    service.request<ConnectionRequestView>('POST', '/v1/connection-requests', {
      token: from.token,
      body: { toEmployeeId: to, ...(message === undefined ? {} : { message }) },
    });
  const answer = (who: TestEmployee, requestId: string, verb: 'accept' | 'decline') =>
    service.request<ConnectionRequestView>('POST', `/v1/connection-requests/${requestId}/${verb}`, {
      token: who.token,
    });
  const withdraw = (who: TestEmployee, requestId: string) =>
    service.request('DELETE', `/v1/connection-requests/${requestId}`, { token: who.token });
  const requestsOf = (who: TestEmployee, direction: 'incoming' | 'outgoing', query = '') =>
    service.request<Page<ConnectionRequestView>>(
      'GET',
      `/v1/connection-requests?direction=${direction}${query}`,
      {
        token: who.token,
      },
    );
  const connectionsOf = (who: TestEmployee, query = '') =>
    service.request<Page<ConnectionView>>('GET', `/v1/connections${query}`, { token: who.token });
  const removeConnection = (who: TestEmployee, other: string) =>
    service.request('DELETE', `/v1/connections/${other}`, { token: who.token });
  const connect = async (from: TestEmployee, to: TestEmployee): Promise<string> => {
    const requested = await ask(from, to.id);
    expect(requested.status).toBe(201);
    expect((await answer(to, requested.body.id, 'accept')).status).toBe(200);
    return requested.body.id;
  };

  it('sends a pending request that the addressee sees as incoming and the requester as outgoing', async () => {
    const [ana, ben] = await service.hire(
      { name: 'Ana', title: 'Engineer' },
      { name: 'Ben', title: 'Designer' },
    );

    const response = await ask(ana, ben.id, 'We worked on the launch together');

    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      requesterId: ana.id,
      addresseeId: ben.id,
      status: 'pending',
      message: 'We worked on the launch together',
      requestedAt: expect.any(String),
      acceptedAt: null,
      employee: { employeeId: ben.id, name: 'Ben', title: 'Designer' },
    });
    const incoming = await requestsOf(ben, 'incoming');
    expect(incoming.status).toBe(200);
    expect(incoming.body).toEqual({
      items: [
        expect.objectContaining({
          id: response.body.id,
          status: 'pending',
          employee: { employeeId: ana.id, name: 'Ana', title: 'Engineer' },
        }),
      ],
      nextCursor: null,
    });
    expect((await requestsOf(ana, 'outgoing')).body.items.map((item) => item.id)).toEqual([response.body.id]);
    expect((await requestsOf(ana, 'incoming')).body.items).toEqual([]);
  });

  it('connects the two when the addressee accepts, listing the connection on both sides since then', async () => {
    const [ana, ben] = await service.hire({ name: 'Ana', title: 'Engineer' }, { name: 'Ben', title: null });
    const requested = await ask(ana, ben.id);

    const accepted = await answer(ben, requested.body.id, 'accept');

    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      id: requested.body.id,
      status: 'accepted',
      acceptedAt: expect.any(String),
    });
    const since = accepted.body.acceptedAt;
    expect((await connectionsOf(ana)).body).toEqual({
      items: [{ employeeId: ben.id, name: 'Ben', title: null, since }],
      nextCursor: null,
    });
    expect((await connectionsOf(ben)).body).toEqual({
      items: [{ employeeId: ana.id, name: 'Ana', title: 'Engineer', since }],
      nextCursor: null,
    });
    expect((await requestsOf(ben, 'incoming')).body.items).toEqual([]);
  });

  it('publishes ConnectionRequested, ConnectionAccepted and ConnectionRemoved under one connection id', async () => {
    const [ana, ben] = await service.hire({}, {});
    const connectionId = await connect(ana, ben);
    expect((await removeConnection(ben, ana.id)).status).toBe(204);

    const events = await service.eventsAbout(connectionId, 3);

    expect(events.map((event) => event.type)).toEqual([
      'ConnectionRequested',
      'ConnectionAccepted',
      'ConnectionRemoved',
    ]);
    for (const event of events) {
      expect(event.subject).toBe(connectionId);
      expect(event.source).toBe('/vouch/connections');
      expect(event.data).toMatchObject({ connectionId, requesterId: ana.id, addresseeId: ben.id });
    }
    expect(events[0].data).toMatchObject({ message: null, requestedAt: expect.any(String) });
    expect(events[2].data).toMatchObject({ removedBy: ben.id, removedAt: expect.any(String) });
    expect(events.map((event) => (event.data as { status: string }).status)).toEqual([
      'pending',
      'accepted',
      'removed',
    ]);
  });

  it('accepts their request (200) when I ask someone who had already asked me', async () => {
    const [ana, ben] = await service.hire({}, { name: 'Ben' });
    const theirs = await ask(ana, ben.id);

    const mine = await ask(ben, ana.id);

    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ id: theirs.body.id, requesterId: ana.id, status: 'accepted' });
    expect((await connectionsOf(ana)).body.items.map((item) => item.employeeId)).toEqual([ben.id]);
    const events = await service.eventsAbout(theirs.body.id, 2);
    expect(events.map((event) => event.type)).toEqual(['ConnectionRequested', 'ConnectionAccepted']);
  });

  it('answers 409 when a request is already pending, and when the two are already connected', async () => {
    const [ana, ben, cleo] = await service.hire({}, {}, {});
    await ask(ana, ben.id);
    await connect(ana, cleo);

    const pending = await ask(ana, ben.id);
    expect(pending.status).toBe(409);
    expect(pending.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(pending.body).toMatchObject({ status: 409, title: 'Request already pending' });

    for (const [from, to] of [
      [ana, cleo],
      [cleo, ana],
    ]) {
      const connected = await ask(from, to.id);
      expect(connected.status).toBe(409);
      expect(connected.body).toMatchObject({ status: 409, title: 'Already connected' });
    }
  });

  it('answers 404 for an unknown employee and 400 for a request to oneself', async () => {
    const [ana] = await service.hire({});

    const unknown = await ask(ana, randomUUID());
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ status: 404, title: 'Employee not found' });

    const self = await ask(ana, ana.id);
    expect(self.status).toBe(400);
    expect(self.body).toMatchObject({ status: 400, title: 'Cannot connect with yourself' });
  });

  it('answers 400 listing each invalid or unknown field', async () => {
    const [ana] = await service.hire({});

    const response = await service.request<ProblemBody>('POST', '/v1/connection-requests', {
      token: ana.token,
      body: { toEmployeeId: 'not-a-uuid', message: 'x'.repeat(501), role: 'admin' },
    });

    expect(response.status).toBe(400);
    expect(response.body.errors?.map((error) => error.field).sort()).toEqual([
      'message',
      'role',
      'toEmployeeId',
    ]);
    const badDirection = await requestsOf(ana, 'sideways' as 'incoming');
    expect(badDirection.status).toBe(400);
    expect((await answer(ana, 'not-a-uuid', 'accept')).status).toBe(400);
  });

  it('answers 401 without a valid token', async () => {
    const [ana] = await service.hire({});
    expect((await service.request('GET', '/v1/connections')).status).toBe(401);
    expect((await service.request('GET', '/v1/connection-requests', { token: 'forged' })).status).toBe(401);
    const noToken = await service.request('POST', '/v1/connection-requests', {
      body: { toEmployeeId: ana.id },
    });
    expect(noToken.status).toBe(401);
    expect(noToken.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('declines a request: nobody is connected, ConnectionDeclined is published, and asking again works', async () => {
    const [ana, ben] = await service.hire({}, {});
    const requested = await ask(ana, ben.id);

    const declined = await answer(ben, requested.body.id, 'decline');

    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ id: requested.body.id, status: 'declined' });
    expect((await connectionsOf(ana)).body.items).toEqual([]);
    expect((await requestsOf(ben, 'incoming')).body.items).toEqual([]);
    expect((await answer(ben, requested.body.id, 'accept')).status).toBe(409);
    const events = await service.eventsAbout(requested.body.id, 2);
    expect(events.map((event) => event.type)).toEqual(['ConnectionRequested', 'ConnectionDeclined']);
    expect(events[1].data).toMatchObject({ status: 'declined', declinedAt: expect.any(String) });
    expect((await ask(ana, ben.id)).status).toBe(201);
  });

  it('withdraws a sent request (204): it leaves both lists, can no longer be accepted, and ConnectionRequestWithdrawn is published', async () => {
    const [ana, ben] = await service.hire({}, {});
    const requested = await ask(ana, ben.id);

    expect((await withdraw(ana, requested.body.id)).status).toBe(204);

    expect((await requestsOf(ana, 'outgoing')).body.items).toEqual([]);
    expect((await requestsOf(ben, 'incoming')).body.items).toEqual([]);
    expect((await answer(ben, requested.body.id, 'accept')).status).toBe(409);
    const events = await service.eventsAbout(requested.body.id, 2);
    expect(events.map((event) => event.type)).toEqual(['ConnectionRequested', 'ConnectionRequestWithdrawn']);
    expect(events[1].data).toEqual({
      connectionId: requested.body.id,
      requesterId: ana.id,
      addresseeId: ben.id,
      status: 'withdrawn',
      withdrawnAt: expect.any(String),
    });
  });

  it('answers 404 to anyone but the addressee who accepts or declines, and anyone but the requester who withdraws', async () => {
    const [ana, ben, eve] = await service.hire({}, {}, {});
    const requested = await ask(ana, ben.id);
    const id = requested.body.id;

    for (const [who, verb] of [
      [ana, 'accept'],
      [ana, 'decline'],
      [eve, 'accept'],
      [eve, 'decline'],
    ] as const) {
      const response = await answer(who, id, verb);
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ status: 404, title: 'Connection request not found' });
    }
    expect((await withdraw(ben, id)).status).toBe(404);
    expect((await withdraw(eve, id)).status).toBe(404);
    expect((await answer(eve, randomUUID(), 'accept')).status).toBe(404);

    expect((await requestsOf(ben, 'incoming')).body.items.map((item) => item.id)).toEqual([id]);
    expect((await requestsOf(eve, 'incoming')).body.items).toEqual([]);
  });

  it('removes a connection from either side (204), and answers 404 to an employee not in it', async () => {
    const [ana, ben, cleo, eve] = await service.hire({}, {}, {}, {});
    await connect(ana, ben);
    await connect(cleo, ana);

    expect((await removeConnection(eve, ben.id)).status).toBe(404);
    expect((await removeConnection(ana, eve.id)).status).toBe(404);
    expect((await removeConnection(ana, ben.id)).status).toBe(204);
    expect((await removeConnection(ana, cleo.id)).status).toBe(204);

    expect((await connectionsOf(ana)).body.items).toEqual([]);
    expect((await connectionsOf(ben)).body.items).toEqual([]);
    expect((await connectionsOf(cleo)).body.items).toEqual([]);
    expect((await removeConnection(ben, ana.id)).status).toBe(404);
    expect((await ask(ben, ana.id)).status).toBe(201);
  });

  it('lets only one of several simultaneous requests between the same two people succeed', async () => {
    const [ana, ben] = await service.hire({}, {});

    const same = await Promise.all(Array.from({ length: 5 }, () => ask(ana, ben.id)));
    expect(same.map((response) => response.status).sort()).toEqual([201, 409, 409, 409, 409]);

    const [cleo, dan] = await service.hire({}, {});
    const crossing = await Promise.all([ask(cleo, dan.id), ask(dan, cleo.id)]);
    expect(crossing.map((response) => response.status).sort()).toEqual([200, 201]);
    expect((await connectionsOf(cleo)).body.items.map((item) => item.employeeId)).toEqual([dan.id]);
  });

  it('pages through requests and connections with limit and cursor, newest first', async () => {
    const [ana, ...others] = await service.hire({}, {}, {}, {}, {}, {});
    const [b, c, d, e, f] = others;
    const sent = [];
    for (const other of [b, c, d]) sent.push((await ask(other, ana.id)).body.id);
    for (const other of [e, f]) await connect(ana, other);

    const first = await requestsOf(ana, 'incoming', '&limit=2');
    expect(first.body.items.map((item) => item.id)).toEqual([sent[2], sent[1]]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await requestsOf(ana, 'incoming', `&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body).toEqual({ items: [expect.objectContaining({ id: sent[0] })], nextCursor: null });

    const firstConnections = await connectionsOf(ana, '?limit=1');
    expect(firstConnections.body.items.map((item) => item.employeeId)).toEqual([f.id]);
    const nextConnections = await connectionsOf(ana, `?limit=1&cursor=${firstConnections.body.nextCursor}`);
    expect(nextConnections.body).toEqual({
      items: [expect.objectContaining({ employeeId: e.id })],
      nextCursor: null,
    });

    expect((await connectionsOf(ana, '?cursor=garbage')).status).toBe(400);
    expect((await connectionsOf(ana, '?limit=101')).status).toBe(400);
  });

  const byTime = [
    '/v1/connections?',
    '/v1/connection-requests?direction=incoming&',
    '/v1/connection-requests?direction=outgoing&',
  ];
  const byName = ['/v1/connections/suggestions?'];
  it.each([
    ['an id that is not a UUID', ['2026-11-25T10:00:00.000Z', 'not-a-uuid'], [...byTime, ...byName]],
    ['a time that is not one', ['yesterday', randomUUID()], byTime],
    ['a date that does not exist', ['2026-02-31T10:00:00.000Z', randomUUID()], byTime],
    ['a name holding NUL', ['Ana\u0000', randomUUID()], byName],
  ])(
    'answers 400 naming the cursor, on each list, to a cursor holding %s',
    async (_case, position, lists) => {
      const [ana] = await service.hire({});
      const forged = Buffer.from(JSON.stringify(position)).toString('base64url');

      for (const path of lists.map((list) => `${list}cursor=${forged}`)) {
        const answer = await service.request<ProblemBody>('GET', path, { token: ana.token });
        expect({ path, status: answer.status, errors: answer.body.errors }).toEqual({
          path,
          status: 400,
          errors: [expect.objectContaining({ field: 'cursor' })],
        });
      }
    },
  );

  it('documents its API as OpenAPI, and is ready when its database and Kafka answer', async () => {
    const document = (await (await fetch(`${service.baseUrl}/docs-json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/v1/connection-requests',
        '/v1/connection-requests/{id}/accept',
        '/v1/connection-requests/{id}/decline',
        '/v1/connection-requests/{id}',
        '/v1/connections',
        '/v1/connections/suggestions',
        '/v1/connections/{employeeId}',
      ]),
    );
    expect((await fetch(`${service.baseUrl}/health/live`)).status).toBe(200);
    expect((await fetch(`${service.baseUrl}/health/ready`)).status).toBe(200);
    expect(await (await fetch(`${service.baseUrl}/metrics`)).text()).toMatch(/http_requests_total/);
  });
});
