import { RecommendationsTestApp, SAMPLE_TEXT, type TestEmployee } from './support/recommendations-test-app';

interface RecommendationBody {
  id: string;
  status: string;
  takedown: { by: string; reason: string; at: string } | null;
}

interface Problem {
  status: number;
  errors?: Array<{ field: string; messages: string[] }>;
}

interface PageBody {
  items: Array<{ id: string }>;
}

const REASON = 'It names a colleague who asked not to be named.';

describe('taking a recommendation down', () => {
  let service: RecommendationsTestApp;

  beforeAll(async () => {
    service = await RecommendationsTestApp.start('takedown');
  });

  afterAll(async () => {
    await service?.close();
  });

  /** A recommendation from author to subject, accepted by the subject: on their profile. */
  async function acceptedRecommendation(): Promise<{
    author: TestEmployee;
    subject: TestEmployee;
    id: string;
  }> {
    const [manager] = await service.hire({ name: 'Mia' });
    const [author, subject] = await service.hire(
      { name: 'Ben', managerId: manager?.id },
      { name: 'Ana', managerId: manager?.id },
    );
    if (!author || !subject) throw new Error('hiring failed');
    await service.connect([author, subject]);
    const written = await service.request<RecommendationBody>('POST', '/v1/recommendations', {
      token: author.token,
      body: { subjectId: subject.id, relationship: 'coworker', text: SAMPLE_TEXT },
    });
    await service.request('POST', `/v1/recommendations/${written.body.id}/accept`, { token: subject.token });
    return { author, subject, id: written.body.id };
  }

  const takeDown = (id: string, token: string | undefined, body: unknown = { reason: REASON }) =>
    service.request<RecommendationBody & Problem>('POST', `/v1/recommendations/${id}/takedown`, {
      token,
      body,
    });

  it('lets HR take one down with a reason, keeps it for them with who, when and why, and publishes RecommendationTakenDown', async () => {
    const { author, subject, id } = await acceptedRecommendation();
    const hr = await service.hrMember();

    const answer = await takeDown(id, hr.token, { reason: `  ${REASON}  ` });

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id, status: 'accepted', takedown: { by: hr.id, reason: REASON } });
    const read = await service.request<RecommendationBody>('GET', `/v1/recommendations/${id}`, {
      token: hr.token,
    });
    expect(read.status).toBe(200);
    expect(read.body.takedown).toEqual(answer.body.takedown);
    const [event] = await service.eventsAbout('RecommendationTakenDown', id);
    expect(event?.data).toEqual({
      recommendationId: id,
      authorId: author.id,
      subjectId: subject.id,
      takenDownBy: hr.id,
      reason: REASON,
      takenDownAt: answer.body.takedown?.at,
    });
  });

  it('lets admins take one down too', async () => {
    const { id } = await acceptedRecommendation();

    const answer = await takeDown(id, await service.adminToken());

    expect(answer.status).toBe(200);
    expect(answer.body.takedown?.reason).toBe(REASON);
  });

  it('hides it from the profile, both lists, the balance, the coverage, the signed document, and from author and subject by id', async () => {
    const { author, subject, id } = await acceptedRecommendation();
    const ids = async (path: string, token: string) =>
      (await service.request<PageBody>('GET', path, { token })).body.items.map((item) => item.id);
    const uncovered = async () =>
      (
        await service.request<{ withoutRecommendation: Array<{ employeeId: string }> }>(
          'GET',
          '/v1/admin/recommendations/coverage',
          { token: await service.hrToken() },
        )
      ).body.withoutRecommendation.map((employee) => employee.employeeId);
    const documented = async () =>
      (
        await service.request<{ document: { recommendations: Array<{ id: string }> } }>(
          'GET',
          '/v1/recommendations/received/document',
          { token: subject.token },
        )
      ).body.document.recommendations.map((recommendation) => recommendation.id);
    expect(await ids(`/v1/employees/${subject.id}/recommendations`, author.token)).toEqual([id]);
    expect(await uncovered()).not.toContain(subject.id);
    expect(await documented()).toEqual([id]);

    await takeDown(id, await service.hrToken());

    expect(await ids(`/v1/employees/${subject.id}/recommendations`, author.token)).toEqual([]);
    expect(await ids('/v1/recommendations/received', subject.token)).toEqual([]);
    expect(await ids('/v1/recommendations/given', author.token)).toEqual([]);
    const balance = await service.request<{ counts: Record<string, number> }>(
      'GET',
      '/v1/recommendations/balance',
      {
        token: subject.token,
      },
    );
    expect(balance.body.counts).toEqual({ supervisor: 0, coworker: 0, subordinate: 0 });
    expect(await uncovered()).toContain(subject.id);
    expect(await documented()).toEqual([]);
    for (const employee of [author, subject]) {
      const read = await service.request('GET', `/v1/recommendations/${id}`, { token: employee.token });
      expect(read.status).toBe(404);
    }
    const hideAgain = await service.request('POST', `/v1/recommendations/${id}/hide`, {
      token: subject.token,
    });
    expect(hideAgain.status).toBe(404);
  });

  it('refuses employees who are neither HR nor admins, even its author and subject (403), and anonymous callers (401)', async () => {
    const { author, subject, id } = await acceptedRecommendation();

    expect((await takeDown(id, author.token)).status).toBe(403);
    expect((await takeDown(id, subject.token)).status).toBe(403);
    expect((await takeDown(id, undefined)).status).toBe(401);
    const read = await service.request<RecommendationBody>('GET', `/v1/recommendations/${id}`, {
      token: subject.token,
    });
    expect(read.body.takedown).toBeNull();
  });

  it('hides a recommendation by id from employees who are neither its author nor its subject (404)', async () => {
    const { id } = await acceptedRecommendation();
    const [stranger] = await service.hire({});

    const read = await service.request('GET', `/v1/recommendations/${id}`, { token: stranger?.token });

    expect(read.status).toBe(404);
  });

  it('needs a reason of 1 to 500 characters (400 naming the field), and refuses a second takedown (409)', async () => {
    const { id } = await acceptedRecommendation();
    const hr = await service.hrToken();

    for (const body of [{}, { reason: '   ' }, { reason: 'x'.repeat(501) }]) {
      const refused = await takeDown(id, hr, body);
      expect(refused.status).toBe(400);
      expect(new Set(refused.body.errors?.map((error) => error.field))).toEqual(new Set(['reason']));
    }
    expect((await takeDown(id, hr)).status).toBe(200);
    const again = await takeDown(id, hr, { reason: 'Once more.' });
    expect(again.status).toBe(409);
    // The first takedown's event reaches Kafka through the relay, in its own time; the refused one has none.
    await service.eventsAbout('RecommendationTakenDown', id);
    expect(service.eventTypesAbout(id).filter((type) => type === 'RecommendationTakenDown')).toHaveLength(1);
  });

  it('answers 404 for a recommendation that does not exist', async () => {
    const answer = await takeDown('00000000-0000-4000-8000-000000000000', await service.hrToken());

    expect(answer.status).toBe(404);
  });
});
