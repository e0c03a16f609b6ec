import { randomUUID } from 'node:crypto';
import { RecommendationGivenV1 } from '@vouch/contracts';
import { RecommendationsTestApp, SAMPLE_TEXT, type TestEmployee } from './support/recommendations-test-app';

/** A recommendation, or the problem details answered instead. */
interface RecommendationBody {
  detail?: string;
  errors?: Array<{ field: string }>;
  id: string;
  authorId: string;
  subjectId: string;
  relationship: string;
  text: string;
  status: string;
  verified: boolean;
  verifiedBy: string[];
  reciprocal: boolean;
  revisionRequest: string | null;
  revisions: Array<{ number: number; text: string; relationship: string; writtenAt: string }>;
}

interface PageBody<T> {
  items: T[];
  nextCursor: string | null;
}

describe('recommendations', () => {
  let service: RecommendationsTestApp;

  beforeAll(async () => {
    service = await RecommendationsTestApp.start('recommendations');
  });

  afterAll(async () => {
    await service?.close();
  });

  /** Two connected colleagues, a fresh pair for each test. */
  async function connectedPair(): Promise<[TestEmployee, TestEmployee]> {
    const [author, subject] = await service.hire({}, {});
    await service.connect([author, subject]);
    return [author, subject];
  }

  async function recommend(author: TestEmployee, subject: TestEmployee, body: Record<string, unknown> = {}) {
    return service.request<RecommendationBody>('POST', '/v1/recommendations', {
      token: author.token,
      body: { subjectId: subject.id, relationship: 'coworker', text: SAMPLE_TEXT, ...body },
    });
  }

  it('writes a pending recommendation and publishes RecommendationGiven', async () => {
    const [author, subject] = await connectedPair();

    const answer = await recommend(author, subject, { text: `   ${SAMPLE_TEXT}  ` });

    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      authorId: author.id,
      subjectId: subject.id,
      relationship: 'coworker',
      text: SAMPLE_TEXT,
      status: 'pending',
      verified: false,
      reciprocal: false,
      revisions: [{ number: 1, text: SAMPLE_TEXT, relationship: 'coworker' }],
    });
    const [given] = await service.eventsAbout(RecommendationGivenV1.type, answer.body.id);
    expect(given?.data).toMatchObject({
      recommendationId: answer.body.id,
      authorId: author.id,
      subjectId: subject.id,
      text: SAMPLE_TEXT,
      reciprocal: false,
      verified: false,
      requestId: null,
    });
  });

  it('answers 400 naming the field text when the text is too short or too long after trimming', async () => {
    const [author, subject] = await connectedPair();

    const short = await recommend(author, subject, { text: `   ${'a'.repeat(19)}    ` });
    const long = await recommend(author, subject, { text: 'a'.repeat(3001) });

    for (const answer of [short, long]) {
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ status: 400, errors: [{ field: 'text' }] });
    }
  });

  it('answers 400 listing unknown and invalid fields', async () => {
    const [author, subject] = await connectedPair();

    const answer = await recommend(author, subject, { relationship: 'friend', status: 'accepted' });

    expect(answer.status).toBe(400);
    const fields = (answer.body.errors ?? []).map((error) => error.field).sort();
    expect(fields).toEqual(['relationship', 'status']);
  });

  it('answers 409 to a second recommendation of the same subject: edit instead', async () => {
    const [author, subject] = await connectedPair();
    expect((await recommend(author, subject)).status).toBe(201);

    const again = await recommend(author, subject);

    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/edit/);
  });

  it('creates one recommendation and one event when the same recommendation is posted twice at once', async () => {
    const [author, subject] = await connectedPair();

    const answers = await Promise.all([recommend(author, subject), recommend(author, subject)]);

    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    const created = answers.find((answer) => answer.status === 201);
    const given = await service.request<PageBody<RecommendationBody>>('GET', '/v1/recommendations/given', {
      token: author.token,
    });
    expect(given.body.items.map((item) => item.id)).toEqual([created?.body.id]);
    await service.eventsAbout(RecommendationGivenV1.type, created?.body.id ?? '');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const givenEvents = service.events.filter(
      (event) =>
        event.type === RecommendationGivenV1.type &&
        (event.data as { authorId: string }).authorId === author.id,
    );
    expect(givenEvents).toHaveLength(1);
  });

  it('answers 400 to recommending oneself', async () => {
    const [author] = await service.hire({});

    const answer = await recommend(author, author);

    expect(answer.status).toBe(400);
  });

  it('answers 403 to recommending a colleague one is not connected with, and 404 to an unknown one', async () => {
    const [author, stranger] = await service.hire({}, {});

    const notConnected = await recommend(author, stranger);
    const unknown = await service.request('POST', '/v1/recommendations', {
      token: author.token,
      body: { subjectId: randomUUID(), relationship: 'coworker', text: SAMPLE_TEXT },
    });

    expect(notConnected.status).toBe(403);
    expect(notConnected.body.detail).toMatch(/connected/);
    expect(unknown.status).toBe(404);
  });

  it('marks a recommendation verified when the org chart confirms the relationship', async () => {
    const [manager] = await service.hire({});
    const [report, peer] = await service.hire({ managerId: manager.id }, { managerId: manager.id });
    await service.connect([manager, report], [report, peer]);

    const fromManager = await recommend(manager, report, { relationship: 'supervisor' });
    const fromReport = await recommend(report, manager, { relationship: 'subordinate' });
    const fromPeer = await recommend(peer, report, { relationship: 'coworker' });
    const wrongClaim = await recommend(report, peer, { relationship: 'supervisor' });

    expect(fromManager.body).toMatchObject({ verified: true, verifiedBy: ['scim'] });
    expect(fromReport.body).toMatchObject({ verified: true, verifiedBy: ['scim'] });
    expect(fromPeer.body).toMatchObject({ verified: true, verifiedBy: ['scim'] });
    expect(wrongClaim.body).toMatchObject({ verified: false, verifiedBy: [] });
  });

  it('verifies nothing on a manager link of unknown source, and names both sources of co-workers', async () => {
    const [manager] = await service.hire({});
    const [declared, fromCsv, fromScim] = await service.hire(
      { managerId: manager.id, managerSource: null },
      { managerId: manager.id, managerSource: 'csv' },
      { managerId: manager.id },
    );
    await service.connect([manager, declared], [fromCsv, fromScim]);

    const toDeclared = await recommend(manager, declared, { relationship: 'supervisor' });
    const betweenPeers = await recommend(fromCsv, fromScim, { relationship: 'coworker' });

    expect(toDeclared.body).toMatchObject({ verified: false, verifiedBy: [] });
    expect(betweenPeers.body).toMatchObject({ verified: true, verifiedBy: ['csv', 'scim'] });
  });

  it('marks a recommendation reciprocal when the subject had already recommended the author', async () => {
    const [ana, ben] = await connectedPair();
    const first = await recommend(ana, ben);

    const back = await recommend(ben, ana);

    expect(first.body.reciprocal).toBe(false);
    expect(back.body.reciprocal).toBe(true);
    const [given] = await service.eventsAbout(RecommendationGivenV1.type, back.body.id);
    expect(given?.data).toMatchObject({ reciprocal: true });
  });

  it('shows an accepted recommendation on the profile with its author name, and publishes RecommendationAccepted', async () => {
    const [author, subject] = await connectedPair();
    const written = await recommend(author, subject);

    const accepted = await service.request<RecommendationBody>(
      'POST',
      `/v1/recommendations/${written.body.id}/accept`,
      { token: subject.token },
    );

    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    const profile = await service.request<PageBody<Record<string, unknown>>>(
      'GET',
      `/v1/employees/${subject.id}/recommendations`,
      { token: author.token },
    );
    expect(profile.body.items).toEqual([
      expect.objectContaining({ id: written.body.id, authorName: author.name, text: SAMPLE_TEXT }),
    ]);
    await service.eventsAbout('RecommendationAccepted', written.body.id);
  });

  it('keeps pending and hidden recommendations off the profile', async () => {
    const [author, subject] = await connectedPair();
    const [other] = await service.hire({});
    await service.connect([other, subject]);
    const pending = await recommend(author, subject);
    const hidden = await recommend(other, subject);

    const hide = await service.request<RecommendationBody>(
      'POST',
      `/v1/recommendations/${hidden.body.id}/hide`,
      {
        token: subject.token,
      },
    );

    expect(hide.status).toBe(200);
    expect(hide.body.status).toBe('hidden');
    const profile = await service.request<PageBody<unknown>>(
      'GET',
      `/v1/employees/${subject.id}/recommendations`,
      {
        token: subject.token,
      },
    );
    expect(profile.body.items).toEqual([]);
    expect(pending.body.status).toBe('pending');
    await service.eventsAbout('RecommendationHidden', hidden.body.id);
  });

  it('lets the subject ask for a revision with a message, and the revision makes it pending again with both texts kept', async () => {
    const [author, subject] = await connectedPair();
    const written = await recommend(author, subject);

    const asked = await service.request<RecommendationBody>(
      'POST',
      `/v1/recommendations/${written.body.id}/request-revision`,
      { token: subject.token, body: { message: 'Please mention the migration project.' } },
    );
    const revisedText = `${SAMPLE_TEXT} She also led the database migration without a minute of downtime.`;
    const revised = await service.request<RecommendationBody>(
      'PUT',
      `/v1/recommendations/${written.body.id}`,
      {
        token: author.token,
        body: { text: revisedText, relationship: 'supervisor' },
      },
    );

    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({
      status: 'revision_requested',
      revisionRequest: 'Please mention the migration project.',
    });
    expect(revised.status).toBe(200);
    expect(revised.body).toMatchObject({ status: 'pending', text: revisedText, relationship: 'supervisor' });
    expect(revised.body.revisions.map((revision) => [revision.number, revision.text])).toEqual([
      [1, SAMPLE_TEXT],
      [2, revisedText],
    ]);
    const received = await service.request<PageBody<RecommendationBody>>(
      'GET',
      '/v1/recommendations/received',
      {
        token: subject.token,
      },
    );
    expect(received.body.items[0]?.revisions).toHaveLength(2);
    const [requested] = await service.eventsAbout('RecommendationRevisionRequested', written.body.id);
    expect(requested?.data).toMatchObject({ message: 'Please mention the migration project.' });
    const [revisedEvent] = await service.eventsAbout('RecommendationRevised', written.body.id);
    expect(revisedEvent?.data).toMatchObject({ revision: 2, text: revisedText, relationship: 'supervisor' });
  });

  it('tells consumers in each event where the recommendation stands after it', async () => {
    const [author, subject] = await connectedPair();
    const { id } = (await recommend(author, subject)).body;
    const act = (who: TestEmployee, method: string, path: string, body?: unknown) =>
      service.request(method, `/v1/recommendations/${id}${path}`, { token: who.token, body });

    await act(subject, 'POST', '/request-revision', { message: 'Please mention the migration project.' });
    await act(author, 'PUT', '', { text: `${SAMPLE_TEXT} And the migration.`, relationship: 'supervisor' });
    await act(subject, 'POST', '/accept');
    await act(subject, 'POST', '/hide');
    await act(author, 'DELETE', '');

    const lifecycle: Array<[string, Record<string, unknown>]> = [
      ['RecommendationGiven', { relationship: 'coworker', status: 'pending' }],
      ['RecommendationRevisionRequested', { relationship: 'coworker', status: 'revision_requested' }],
      ['RecommendationRevised', { relationship: 'supervisor', status: 'pending' }],
      ['RecommendationAccepted', { relationship: 'supervisor', status: 'accepted' }],
      ['RecommendationHidden', { relationship: 'supervisor', status: 'hidden' }],
      ['RecommendationWithdrawn', { relationship: 'supervisor', status: 'withdrawn' }],
    ];
    for (const [type, state] of lifecycle) {
      const [event] = await service.eventsAbout(type, id);
      expect({ type, data: event?.data }).toEqual({
        type,
        data: expect.objectContaining({
          recommendationId: id,
          authorId: author.id,
          subjectId: subject.id,
          verified: false,
          reciprocal: false,
          ...state,
        }),
      });
    }
    expect(service.eventTypesAbout(id)).toEqual(lifecycle.map(([type]) => type));
  });

  it('lets the author withdraw a recommendation, which leaves the profile and can be written anew', async () => {
    const [author, subject] = await connectedPair();
    const written = await recommend(author, subject);
    await service.request('POST', `/v1/recommendations/${written.body.id}/accept`, { token: subject.token });

    const withdrawn = await service.request('DELETE', `/v1/recommendations/${written.body.id}`, {
      token: author.token,
    });

    expect(withdrawn.status).toBe(204);
    const profile = await service.request<PageBody<unknown>>(
      'GET',
      `/v1/employees/${subject.id}/recommendations`,
      {
        token: author.token,
      },
    );
    expect(profile.body.items).toEqual([]);
    const acceptAgain = await service.request('POST', `/v1/recommendations/${written.body.id}/accept`, {
      token: subject.token,
    });
    expect(acceptAgain.status).toBe(409);
    expect((await recommend(author, subject)).status).toBe(201);
    await service.eventsAbout('RecommendationWithdrawn', written.body.id);
  });

  it('lists received and given recommendations in any status, newest first, page by page', async () => {
    const [subject] = await service.hire({});
    const authors = await service.hire({}, {}, {});
    await service.connect(...authors.map((author): [TestEmployee, TestEmployee] => [author, subject]));
    const ids: string[] = [];
    for (const author of authors) ids.push((await recommend(author, subject)).body.id);
    await service.request('POST', `/v1/recommendations/${ids[0]}/hide`, { token: subject.token });

    const first = await service.request<PageBody<RecommendationBody>>(
      'GET',
      '/v1/recommendations/received?limit=2',
      { token: subject.token },
    );
    const second = await service.request<PageBody<RecommendationBody>>(
      'GET',
      `/v1/recommendations/received?limit=2&cursor=${first.body.nextCursor}`,
      { token: subject.token },
    );

    expect(first.body.items.map((item) => item.id)).toEqual([ids[2], ids[1]]);
    expect(second.body.items.map((item) => [item.id, item.status])).toEqual([[ids[0], 'hidden']]);
    expect(second.body.nextCursor).toBeNull();
  });

  it('answers 400, not 500, to a cursor it did not hand out', async () => {
    const [employee] = await service.hire({});
    const forged = Buffer.from(JSON.stringify(['yesterday', 'someone'])).toString('base64url');

    const answer = await service.request('GET', `/v1/recommendations/received?cursor=${forged}`, {
      token: employee?.token,
    });

    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ errors: [{ field: 'cursor' }] });
  });

  describe('authorization', () => {
    it('answers 401 without a token', async () => {
      for (const [method, path] of [
        ['POST', '/v1/recommendations'],
        ['GET', '/v1/recommendations/received'],
        ['GET', '/v1/recommendations/given'],
        ['GET', '/v1/recommendations/balance'],
        ['GET', `/v1/employees/${randomUUID()}/recommendations`],
      ] as const) {
        expect((await service.request(method, path)).status).toBe(401);
      }
    });

    it('hides a recommendation from anyone who is neither its author nor its subject (404)', async () => {
      const [author, subject] = await connectedPair();
      const [outsider] = await service.hire({});
      const { id } = (await recommend(author, subject)).body;

      const attempts = [
        await service.request('PUT', `/v1/recommendations/${id}`, {
          token: outsider.token,
          body: { text: SAMPLE_TEXT },
        }),
        await service.request('POST', `/v1/recommendations/${id}/accept`, { token: outsider.token }),
        await service.request('POST', `/v1/recommendations/${id}/hide`, { token: outsider.token }),
        await service.request('POST', `/v1/recommendations/${id}/request-revision`, {
          token: outsider.token,
          body: { message: 'change it' },
        }),
        await service.request('DELETE', `/v1/recommendations/${id}`, { token: outsider.token }),
      ];

      expect(attempts.map((attempt) => attempt.status)).toEqual([404, 404, 404, 404, 404]);
    });

    it('lets only the subject accept, hide or ask for a revision, and only the author revise or withdraw (403)', async () => {
      const [author, subject] = await connectedPair();
      const { id } = (await recommend(author, subject)).body;

      const attempts = [
        await service.request('POST', `/v1/recommendations/${id}/accept`, { token: author.token }),
        await service.request('POST', `/v1/recommendations/${id}/hide`, { token: author.token }),
        await service.request('POST', `/v1/recommendations/${id}/request-revision`, {
          token: author.token,
          body: { message: 'change it' },
        }),
        await service.request('PUT', `/v1/recommendations/${id}`, {
          token: subject.token,
          body: { text: `${SAMPLE_TEXT} (edited by the subject)` },
        }),
        await service.request('DELETE', `/v1/recommendations/${id}`, { token: subject.token }),
      ];

      expect(attempts.map((attempt) => attempt.status)).toEqual([403, 403, 403, 403, 403]);
      const received = await service.request<PageBody<RecommendationBody>>(
        'GET',
        '/v1/recommendations/received',
        {
          token: subject.token,
        },
      );
      expect(received.body.items[0]).toMatchObject({ id, status: 'pending', text: SAMPLE_TEXT });
    });

    it('answers 400 to an id that is not a UUID', async () => {
      const [author] = await service.hire({});
      const answer = await service.request('POST', '/v1/recommendations/not-an-id/accept', {
        token: author.token,
      });
      expect(answer.status).toBe(400);
    });
  });
});
