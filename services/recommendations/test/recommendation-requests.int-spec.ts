import { randomUUID } from 'node:crypto';
import { RecommendationsTestApp, SAMPLE_TEXT, type TestEmployee } from './support/recommendations-test-app';

/** A request, or the problem details answered instead. */
interface RequestBody {
  detail?: string;
  id: string;
  requesterId: string;
  recipientId: string;
  relationship: string;
  message: string | null;
  status: string;
  createdAt: string;
  expiresAt: string;
}

interface PageBody<T> {
  items: T[];
  nextCursor: string | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

describe('recommendation requests', () => {
  let service: RecommendationsTestApp;

  beforeAll(async () => {
    service = await RecommendationsTestApp.start('requests', {
      MAX_PENDING_REQUESTS_OUT: '3',
      MAX_PENDING_REQUESTS_IN: '2',
      EXPIRY_SWEEP_INTERVAL_MS: '300',
    });
  });

  afterAll(async () => {
    await service?.close();
  });

  async function connectedPair(): Promise<[TestEmployee, TestEmployee]> {
    const [requester, recipient] = await service.hire({}, {});
    await service.connect([requester, recipient]);
    return [requester, recipient];
  }

  async function ask(requester: TestEmployee, recipient: TestEmployee, body: Record<string, unknown> = {}) {
    return service.request<RequestBody>('POST', '/v1/recommendation-requests', {
      token: requester.token,
      body: { recipientId: recipient.id, relationship: 'coworker', ...body },
    });
  }

  async function pending(employee: TestEmployee, direction: 'incoming' | 'outgoing', status?: string) {
    const answer = await service.request<PageBody<RequestBody>>(
      'GET',
      `/v1/recommendation-requests?direction=${direction}${status ? `&status=${status}` : ''}`,
      { token: employee.token },
    );
    return answer.body.items;
  }

  it('asks a connection for a recommendation that expires in 90 days, and publishes RecommendationRequested', async () => {
    const [requester, recipient] = await connectedPair();

    const answer = await ask(requester, recipient, { message: '  Could you write about our launch?  ' });

    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      requesterId: requester.id,
      recipientId: recipient.id,
      relationship: 'coworker',
      message: 'Could you write about our launch?',
      status: 'pending',
    });
    const lifetime = Date.parse(answer.body.expiresAt) - Date.parse(answer.body.createdAt);
    expect(lifetime).toBe(90 * DAY_MS);
    expect((await pending(recipient, 'incoming')).map((request) => request.id)).toEqual([answer.body.id]);
    expect((await pending(requester, 'outgoing')).map((request) => request.id)).toEqual([answer.body.id]);
    const [requested] = await service.eventsAbout('RecommendationRequested', answer.body.id);
    expect(requested?.data).toMatchObject({
      requesterId: requester.id,
      recipientId: recipient.id,
      requesterRecommendedRecipient: false,
    });
  });

  it('says in RecommendationRequested when the requester had already recommended the recipient', async () => {
    const [requester, recipient] = await connectedPair();
    await service.request('POST', '/v1/recommendations', {
      token: requester.token,
      body: { subjectId: recipient.id, relationship: 'coworker', text: SAMPLE_TEXT },
    });

    const answer = await ask(requester, recipient);

    const [requested] = await service.eventsAbout('RecommendationRequested', answer.body.id);
    expect(requested?.data).toMatchObject({ requesterRecommendedRecipient: true });
  });

  it('answers 409 to asking the same colleague again while the request is pending', async () => {
    const [requester, recipient] = await connectedPair();
    await ask(requester, recipient);

    const again = await ask(requester, recipient);

    expect(again.status).toBe(409);
  });

  it('answers 409 to asking a colleague who already recommended the requester', async () => {
    const [requester, recipient] = await connectedPair();
    await service.request('POST', '/v1/recommendations', {
      token: recipient.token,
      body: { subjectId: requester.id, relationship: 'coworker', text: SAMPLE_TEXT },
    });

    const answer = await ask(requester, recipient);

    expect(answer.status).toBe(409);
    expect(answer.body.detail).toMatch(/already recommended/);
  });

  it('answers 400 to asking oneself, 403 to asking someone not connected and 404 to asking someone unknown', async () => {
    const [requester, stranger] = await service.hire({}, {});

    expect((await ask(requester, requester)).status).toBe(400);
    const notConnected = await ask(requester, stranger);
    expect(notConnected.status).toBe(403);
    expect(
      (await ask(requester, { id: randomUUID(), name: 'nobody', email: 'nobody@example.com', token: '' }))
        .status,
    ).toBe(404);
  });

  it('creates one request and one event when the same request is sent twice at once', async () => {
    const [requester, recipient] = await connectedPair();

    const answers = await Promise.all([ask(requester, recipient), ask(requester, recipient)]);

    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    const outgoing = await pending(requester, 'outgoing');
    expect(outgoing).toHaveLength(1);
    await service.eventsAbout('RecommendationRequested', outgoing[0]?.id ?? '');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const requested = service.events.filter(
      (event) =>
        event.type === 'RecommendationRequested' &&
        (event.data as { requesterId: string }).requesterId === requester.id,
    );
    expect(requested).toHaveLength(1);
  });

  it('caps the pending requests one employee may have out (429 with a clear message)', async () => {
    const [requester] = await service.hire({});
    const recipients = await service.hire({}, {}, {}, {});
    await service.connect(
      ...recipients.map((recipient): [TestEmployee, TestEmployee] => [requester, recipient]),
    );
    for (const recipient of recipients.slice(0, 3))
      expect((await ask(requester, recipient)).status).toBe(201);

    const fourth = await ask(requester, recipients[3] as TestEmployee);

    expect(fourth.status).toBe(429);
    expect(fourth.body.detail).toMatch(/you already have 3 requests waiting/);
  });

  it('caps the pending requests addressed to one person, so a busy manager is not buried (429)', async () => {
    const [manager] = await service.hire({});
    const team = await service.hire({}, {}, {});
    await service.connect(...team.map((member): [TestEmployee, TestEmployee] => [member, manager]));
    expect((await ask(team[0] as TestEmployee, manager)).status).toBe(201);
    expect((await ask(team[1] as TestEmployee, manager)).status).toBe(201);

    const third = await ask(team[2] as TestEmployee, manager);

    expect(third.status).toBe(429);
    expect(third.body.detail).toMatch(/this colleague already has 2 requests to answer/);
  });

  it('declines quietly: the request is no longer pending for either side, and only RecommendationRequestDeclined is published', async () => {
    const [requester, recipient] = await connectedPair();
    const { id } = (await ask(requester, recipient)).body;

    const declined = await service.request<RequestBody>('POST', `/v1/recommendation-requests/${id}/decline`, {
      token: recipient.token,
    });

    expect(declined.status).toBe(200);
    expect(declined.body.status).toBe('declined');
    expect(await pending(requester, 'outgoing')).toEqual([]);
    expect(await pending(recipient, 'incoming')).toEqual([]);
    const [declinedEvent] = await service.eventsAbout('RecommendationRequestDeclined', id);
    expect(service.eventTypesAbout(id)).toEqual(['RecommendationRequested', 'RecommendationRequestDeclined']);
    const [requestedEvent] = await service.eventsAbout('RecommendationRequested', id);
    expect(requestedEvent?.data).toMatchObject({ relationship: 'coworker', status: 'pending' });
    expect(declinedEvent?.data).toMatchObject({ relationship: 'coworker', status: 'declined' });
    const again = await service.request('POST', `/v1/recommendation-requests/${id}/decline`, {
      token: recipient.token,
    });
    expect(again.status).toBe(409);
  });

  it('fulfils the pending request when the recipient writes the recommendation, naming the request or not, and publishes it', async () => {
    const [requester, recipient] = await connectedPair();
    const [other] = await service.hire({});
    await service.connect([requester, other]);
    const named = (await ask(requester, recipient)).body;
    const unnamed = (await ask(requester, other)).body;

    const first = await service.request<{ id: string }>('POST', '/v1/recommendations', {
      token: recipient.token,
      body: { subjectId: requester.id, relationship: 'coworker', text: SAMPLE_TEXT, requestId: named.id },
    });
    const second = await service.request<{ id: string }>('POST', '/v1/recommendations', {
      token: other.token,
      body: { subjectId: requester.id, relationship: 'coworker', text: SAMPLE_TEXT },
    });

    expect([first.status, second.status]).toEqual([201, 201]);
    expect(await pending(requester, 'outgoing')).toEqual([]);
    // Still listed, as fulfilled, for whoever asks for them.
    const fulfilled = await pending(requester, 'outgoing', 'fulfilled');
    expect(fulfilled.map((request) => request.id).sort()).toEqual([named.id, unnamed.id].sort());
    expect((await pending(recipient, 'incoming', 'all')).map((request) => request.id)).toEqual([named.id]);
    const [given] = await service.eventsAbout('RecommendationGiven', first.body.id);
    expect(given?.data).toMatchObject({ requestId: named.id });
    const [givenUnasked] = await service.eventsAbout('RecommendationGiven', second.body.id);
    expect(givenUnasked?.data).toMatchObject({ requestId: unnamed.id });
    for (const [request, recommendation, recipientId] of [
      [named, first.body, recipient.id],
      [unnamed, second.body, other.id],
    ] as const) {
      const [fulfilledEvent] = await service.eventsAbout('RecommendationRequestFulfilled', request.id);
      expect(fulfilledEvent?.data).toEqual({
        requestId: request.id,
        requesterId: requester.id,
        recipientId,
        relationship: 'coworker',
        status: 'fulfilled',
        recommendationId: recommendation.id,
        fulfilledAt: expect.any(String),
      });
      expect(service.eventTypesAbout(request.id)).toEqual([
        'RecommendationRequested',
        'RecommendationRequestFulfilled',
      ]);
    }
  });

  it('answers 404 to writing for a request that is not from the subject to the author', async () => {
    const [requester, recipient] = await connectedPair();
    const [third] = await service.hire({});
    await service.connect([third, requester]);
    const { id } = (await ask(requester, recipient)).body;

    const answer = await service.request('POST', '/v1/recommendations', {
      token: third.token,
      body: { subjectId: requester.id, relationship: 'coworker', text: SAMPLE_TEXT, requestId: id },
    });

    expect(answer.status).toBe(404);
    expect(await pending(recipient, 'incoming')).toHaveLength(1);
  });

  it('lets the requester withdraw a pending request', async () => {
    const [requester, recipient] = await connectedPair();
    const { id } = (await ask(requester, recipient)).body;

    const withdrawn = await service.request('DELETE', `/v1/recommendation-requests/${id}`, {
      token: requester.token,
    });

    expect(withdrawn.status).toBe(204);
    expect(await pending(recipient, 'incoming')).toEqual([]);
    await service.eventsAbout('RecommendationRequestWithdrawn', id);
  });

  it('refuses the wrong employee: 404 to outsiders, 403 to the other side', async () => {
    const [requester, recipient] = await connectedPair();
    const [outsider] = await service.hire({});
    const { id } = (await ask(requester, recipient)).body;

    const byOutsider = [
      await service.request('POST', `/v1/recommendation-requests/${id}/decline`, { token: outsider.token }),
      await service.request('DELETE', `/v1/recommendation-requests/${id}`, { token: outsider.token }),
    ];
    const requesterDeclines = await service.request('POST', `/v1/recommendation-requests/${id}/decline`, {
      token: requester.token,
    });
    const recipientWithdraws = await service.request('DELETE', `/v1/recommendation-requests/${id}`, {
      token: recipient.token,
    });

    expect(byOutsider.map((answer) => answer.status)).toEqual([404, 404]);
    expect([requesterDeclines.status, recipientWithdraws.status]).toEqual([403, 403]);
    expect(await pending(outsider, 'incoming')).toEqual([]);
    expect(await pending(recipient, 'incoming')).toHaveLength(1);
    expect((await service.request('GET', '/v1/recommendation-requests')).status).toBe(401);
  });

  it('expires a request whose time ran out, through the scheduled sweep, and publishes RecommendationRequestExpired', async () => {
    const [requester, recipient] = await connectedPair();
    const { id } = (await ask(requester, recipient)).body;

    await service.ageRequest(id);

    const [expired] = await service.eventsAbout('RecommendationRequestExpired', id);
    expect(expired?.data).toMatchObject({ requesterId: requester.id, recipientId: recipient.id });
    expect(await pending(recipient, 'incoming')).toEqual([]);
    const decline = await service.request('POST', `/v1/recommendation-requests/${id}/decline`, {
      token: recipient.token,
    });
    expect(decline.status).toBe(409);
    expect(decline.body.detail).toMatch(/expired/);
  });

  it('expires each due request exactly once when several instances sweep at the same time', async () => {
    const other = await service.startAnotherInstance();
    try {
      const [recipient] = await service.hire({});
      const requesters = await service.hire({}, {});
      await service.connect(
        ...requesters.map((requester): [TestEmployee, TestEmployee] => [
          requester,
          recipient as TestEmployee,
        ]),
      );
      const ids: string[] = [];
      for (const requester of requesters) ids.push((await ask(requester, recipient as TestEmployee)).body.id);

      await Promise.all(ids.map((id) => service.ageRequest(id)));

      for (const id of ids) await service.eventsAbout('RecommendationRequestExpired', id);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      for (const id of ids) {
        expect(service.eventTypesAbout(id)).toEqual([
          'RecommendationRequested',
          'RecommendationRequestExpired',
        ]);
      }
    } finally {
      await other.close();
    }
  });
});
