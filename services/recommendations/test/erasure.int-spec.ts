import { randomUUID } from 'node:crypto';
import type { Page, RecommendationRequestView, RecommendationView } from '@vouch/contracts';
import {
  announceErasure,
  findValuesInDatabase,
  replayEmployeeHistory,
  type PublishAsOwner,
} from '@vouch/testing';
import { RecommendationsTestApp, type TestEmployee } from './support/recommendations-test-app';

interface Coverage {
  withoutRecommendation: Array<{ employeeId: string; name: string }>;
  teams: Array<{ managerId: string }>;
}

describe('erasing an employee from recommendations', () => {
  let service: RecommendationsTestApp;

  beforeAll(async () => {
    service = await RecommendationsTestApp.start('recommendations_erasure');
  });

  afterAll(async () => {
    await service?.close();
  });

  const publish: PublishAsOwner = (definition, events) => service.publish(definition, events);
  const post = async <T>(who: TestEmployee, path: string, body: Record<string, unknown> = {}) => {
    const answer = await service.request<T>('POST', path, {
      token: who.token,
      headers: { 'Idempotency-Key': randomUUID() },
      body,
    });
    expect(answer.status).toBeLessThan(300);
    return answer.body;
  };
  const recommend = (author: TestEmployee, subject: TestEmployee, text: string) =>
    post<RecommendationView>(author, '/v1/recommendations', {
      subjectId: subject.id,
      relationship: 'coworker',
      text,
    });
  const ask = (requester: TestEmployee, recipient: TestEmployee, message: string) =>
    post<RecommendationRequestView>(requester, '/v1/recommendation-requests', {
      recipientId: recipient.id,
      relationship: 'coworker',
      message,
    });
  const list = async <T>(who: TestEmployee, path: string) =>
    (await service.request<Page<T>>('GET', path, { token: who.token })).body.items;

  it('deletes what they wrote, keeps what others wrote about them for its authors only, and reports it', async () => {
    const [ana, ben, cleo] = await service.hire({ name: 'Ana Erasmus' }, { name: 'Ben' }, { name: 'Cleo' });
    await service.connect([ana, ben], [ana, cleo], [ben, cleo]);
    const aboutAna = await recommend(
      ben,
      ana,
      'Ana Erasmus rebuilt our release train; it has run weekly since.',
    );
    await post(ana, `/v1/recommendations/${aboutAna.id}/request-revision`, {
      message: 'Ana here: could you mention the migration too?',
    });
    const byAna = await recommend(ana, ben, 'Ben reviews with care and teaches while he does it, said Ana.');
    await post(ben, `/v1/recommendations/${byAna.id}/accept`);
    await ask(ana, cleo, 'Ana asking: would you write me one?');
    const fromCleo = await ask(cleo, ana, 'Hello Ana Erasmus, would you write me one?');
    const aboutCleo = await recommend(ben, cleo, 'Cleo keeps a team calm when everything is on fire.');
    await post(cleo, `/v1/recommendations/${aboutCleo.id}/accept`);
    // What the relay has published, it may forget; what it has not, it must still publish.
    await service.eventsAbout('RecommendationGiven', aboutAna.id);
    await service.eventsAbout('RecommendationRequested', fromCleo.id);
    const erasureId = randomUUID();

    await announceErasure(publish, ana.id, erasureId);

    const [report] = await service.eventsAbout('RecommendationsErasureCompleted', ana.id);
    expect(report?.data).toEqual({
      erasureId,
      employeeId: ana.id,
      service: 'recommendations',
      completedAt: expect.any(String),
    });
    // Only Ben's own words about her are left: her name in his recommendation's text.
    expect(await findValuesInDatabase(service.databaseUrl, [ana.name, ana.email])).toEqual([
      { table: 'recommendation', column: 'revisions', value: ana.name, rows: 1 },
    ]);
    expect(await list<RecommendationView>(ben, '/v1/recommendations/given')).toEqual([
      expect.objectContaining({ id: aboutCleo.id }),
      expect.objectContaining({
        id: aboutAna.id,
        subjectId: ana.id,
        text: aboutAna.text,
        revisionRequest: null,
      }),
    ]);
    expect(await list<RecommendationView>(ben, '/v1/recommendations/received')).toEqual([]);
    expect(await list(ben, `/v1/employees/${ben.id}/recommendations`)).toEqual([]);
    expect(
      (await service.request('GET', `/v1/employees/${ana.id}/recommendations`, { token: ben.token })).status,
    ).toBe(404);
    expect(await list(cleo, '/v1/recommendation-requests?direction=incoming&status=all')).toEqual([]);
    expect(await list(cleo, '/v1/recommendation-requests?direction=outgoing&status=all')).toEqual([]);
    expect(await list(cleo, `/v1/employees/${cleo.id}/recommendations`)).toEqual([
      expect.objectContaining({ id: aboutCleo.id, authorName: 'Ben' }),
    ]);
    const coverage = await service.request<Coverage>('GET', '/v1/admin/recommendations/coverage', {
      token: await service.adminToken(),
    });
    expect(coverage.body.withoutRecommendation.map((employee) => employee.employeeId)).not.toContain(ana.id);

    // identity's older events about her replayed, and the erasure sent again, change nothing.
    await replayEmployeeHistory(publish, ana);
    await announceErasure(publish, ana.id, erasureId);
    await service.settled();

    const reports = await service.eventsAbout('RecommendationsErasureCompleted', ana.id, 2);
    expect(reports[1]?.data).toEqual(expect.objectContaining({ erasureId, employeeId: ana.id }));
    expect(await findValuesInDatabase(service.databaseUrl, [ana.name, ana.email])).toEqual([
      { table: 'recommendation', column: 'revisions', value: ana.name, rows: 1 },
    ]);
    expect(
      (await service.request('GET', `/v1/employees/${ana.id}/recommendations`, { token: ben.token })).status,
    ).toBe(404);
    expect(await list(ben, '/v1/recommendations/given')).toHaveLength(2);
  });
});
