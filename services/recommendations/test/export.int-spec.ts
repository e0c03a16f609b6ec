import type {
  RecommendationRequestView,
  RecommendationsExportView,
  RecommendationView,
} from '@vouch/contracts';
import { RecommendationsTestApp, SAMPLE_TEXT, type TestEmployee } from './support/recommendations-test-app';

const REVISED_TEXT = 'Ana made every release calmer, and she taught the whole team how to do it too.';

describe('exporting my data from recommendations', () => {
  let service: RecommendationsTestApp;

  beforeAll(async () => {
    service = await RecommendationsTestApp.start('recommendations-export');
  });

  afterAll(async () => {
    await service?.close();
  });

  const recommend = async (author: TestEmployee, subject: TestEmployee): Promise<string> => {
    const answer = await service.request<RecommendationView>('POST', '/v1/recommendations', {
      token: author.token,
      body: { subjectId: subject.id, relationship: 'coworker', text: SAMPLE_TEXT },
    });
    expect(answer.status).toBe(201);
    return answer.body.id;
  };
  const ask = async (requester: TestEmployee, recipient: TestEmployee): Promise<string> => {
    const answer = await service.request<RecommendationRequestView>('POST', '/v1/recommendation-requests', {
      token: requester.token,
      body: { recipientId: recipient.id, relationship: 'supervisor', message: 'Would you?' },
    });
    expect(answer.status).toBe(201);
    return answer.body.id;
  };
  const act = async (who: TestEmployee, method: string, path: string, body?: unknown) => {
    const answer = await service.request(method, path, { token: who.token, body });
    expect(answer.status).toBeLessThan(300);
  };
  const exportOf = (who: TestEmployee) =>
    service.request<RecommendationsExportView>('GET', '/v1/me/export', { token: who.token });

  it('gives me what I received and gave with their history, and my requests both ways', async () => {
    const [ana, ben, cy, dee, eve] = await service.hire(
      { name: 'Ana' },
      { name: 'Ben' },
      { name: 'Cy' },
      { name: 'Dee' },
      { name: 'Eve' },
    );
    await service.connect([ana, ben], [ana, cy], [ben, cy], [ana, dee], [ana, eve]);
    const fromBen = await recommend(ben, ana);
    await act(ana, 'POST', `/v1/recommendations/${fromBen}/request-revision`, {
      message: 'Mention the launch?',
    });
    await act(ben, 'PUT', `/v1/recommendations/${fromBen}`, { text: REVISED_TEXT });
    await act(ana, 'POST', `/v1/recommendations/${fromBen}/accept`);
    const toCy = await recommend(ana, cy);
    await act(cy, 'POST', `/v1/recommendations/${toCy}/hide`);
    const askedDee = await ask(ana, dee);
    const fromEve = await ask(eve, ana);
    await act(ana, 'POST', `/v1/recommendation-requests/${fromEve}/decline`);
    const notMine = await recommend(cy, ben);

    const answer = await exportOf(ana);

    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.body).toEqual({
      service: 'recommendations',
      employeeId: ana.id,
      exportedAt: expect.any(String),
      received: [
        expect.objectContaining({
          id: fromBen,
          authorId: ben.id,
          subjectId: ana.id,
          colleague: { employeeId: ben.id, name: 'Ben' },
          status: 'accepted',
          text: REVISED_TEXT,
          revisions: [
            expect.objectContaining({ number: 1, text: SAMPLE_TEXT }),
            expect.objectContaining({ number: 2, text: REVISED_TEXT }),
          ],
        }),
      ],
      given: [
        expect.objectContaining({
          id: toCy,
          subjectId: cy.id,
          colleague: { employeeId: cy.id, name: 'Cy' },
          status: 'hidden',
        }),
      ],
      requestsSent: [
        {
          id: askedDee,
          requesterId: ana.id,
          recipientId: dee.id,
          colleague: { employeeId: dee.id, name: 'Dee' },
          relationship: 'supervisor',
          message: 'Would you?',
          status: 'pending',
          createdAt: expect.any(String),
          expiresAt: expect.any(String),
          closedAt: null,
        },
      ],
      requestsReceived: [
        expect.objectContaining({
          id: fromEve,
          colleague: { employeeId: eve.id, name: 'Eve' },
          status: 'declined',
          closedAt: expect.any(String),
        }),
      ],
    });
    const text = JSON.stringify(answer.body);
    expect(text).not.toContain(notMine);
    // The colleagues' email addresses the replica keeps are not mine to export.
    for (const colleague of [ben, cy, dee, eve]) expect(text).not.toContain(colleague.email);
    expect(text).not.toContain(ana.token);
  });

  it("shows the author the subject's request for a revision on what they gave", async () => {
    const [ana, ben] = await service.hire({ name: 'Ana' }, { name: 'Ben' });
    await service.connect([ana, ben]);
    const given = await recommend(ana, ben);
    await act(ben, 'POST', `/v1/recommendations/${given}/request-revision`, {
      message: 'Add the migration?',
    });

    const answer = await exportOf(ana);

    expect(answer.body.given).toEqual([
      expect.objectContaining({
        id: given,
        status: 'revision_requested',
        revisionRequest: 'Add the migration?',
      }),
    ]);
    expect(answer.body.received).toEqual([]);
    expect((await exportOf(ben)).body.received.map((recommendation) => recommendation.id)).toEqual([given]);
  });

  it('answers 401 without a token', async () => {
    const answer = await service.request('GET', '/v1/me/export');

    expect(answer.status).toBe(401);
  });
});
