import { RecommendationsTestApp, SAMPLE_TEXT, type TestEmployee } from './support/recommendations-test-app';

interface PageBody<T> {
  items: T[];
  nextCursor: string | null;
}

describe('the replica of employees and connections, from identity and connections events', () => {
  let service: RecommendationsTestApp;

  beforeAll(async () => {
    service = await RecommendationsTestApp.start('replica');
  });

  afterAll(async () => {
    await service?.close();
  });

  const recommend = (author: TestEmployee, subject: TestEmployee, relationship = 'coworker') =>
    service.request<{ id: string; verified: boolean; status: string }>('POST', '/v1/recommendations', {
      token: author.token,
      body: { subjectId: subject.id, relationship, text: SAMPLE_TEXT },
    });
  const ask = (requester: TestEmployee, recipient: TestEmployee) =>
    service.request<{ id: string }>('POST', '/v1/recommendation-requests', {
      token: requester.token,
      body: { recipientId: recipient.id, relationship: 'coworker' },
    });
  const incoming = async (employee: TestEmployee) =>
    (
      await service.request<PageBody<{ id: string }>>(
        'GET',
        '/v1/recommendation-requests?direction=incoming',
        {
          token: employee.token,
        },
      )
    ).body.items;

  it('lets colleagues recommend each other once ConnectionAccepted arrives, and not before', async () => {
    const [ana, ben] = await service.hire({}, {});
    expect((await recommend(ana, ben)).status).toBe(403);

    await service.connect([ana, ben]);

    expect((await recommend(ana, ben)).status).toBe(201);
  });

  it('withdraws pending requests between the two when their connection is removed, and keeps recommendations', async () => {
    const [ana, ben] = await service.hire({}, {});
    const [connectionId] = await service.connect([ana, ben]);
    const request = await ask(ana, ben);
    const recommendation = await recommend(ana, ben);
    await service.request('POST', `/v1/recommendations/${recommendation.body.id}/accept`, {
      token: ben.token,
    });

    await service.disconnect(connectionId as string, ana, ben);

    expect(await incoming(ben)).toEqual([]);
    const [withdrawn] = await service.eventsAbout('RecommendationRequestWithdrawn', request.body.id);
    expect(withdrawn?.data).toMatchObject({ requesterId: ana.id, recipientId: ben.id });
    const profile = await service.request<PageBody<{ id: string }>>(
      'GET',
      `/v1/employees/${ben.id}/recommendations`,
      { token: ana.token },
    );
    expect(profile.body.items.map((item) => item.id)).toEqual([recommendation.body.id]);
    expect((await ask(ben, ana)).status).toBe(403);
  });

  it('keeps the two connected when an old connection is removed after a newer one was accepted', async () => {
    const [ana, ben] = await service.hire({}, {});
    const [oldConnection] = await service.connect([ana, ben]);
    await service.connect([ana, ben]);

    await service.disconnect(oldConnection as string, ana, ben);

    expect((await ask(ana, ben)).status).toBe(201);
  });

  it('expires the pending requests of a deactivated employee, both ways, and refuses new ones (403)', async () => {
    const [leaver, asker, asked] = await service.hire({}, {}, {});
    await service.connect([leaver, asker], [leaver, asked]);
    const toLeaver = await ask(asker, leaver);
    const fromLeaver = await ask(leaver, asked);

    await service.deactivate(leaver);

    await service.eventsAbout('RecommendationRequestExpired', toLeaver.body.id);
    await service.eventsAbout('RecommendationRequestExpired', fromLeaver.body.id);
    expect(await incoming(asked)).toEqual([]);
    // The leaver's own token is refused outright, reads included.
    expect(
      (
        await service.request('GET', '/v1/recommendation-requests?direction=incoming', {
          token: leaver.token,
        })
      ).status,
    ).toBe(401);
    const again = await ask(asker, leaver);
    expect(again.status).toBe(403);
    expect((await recommend(asker, leaver)).status).toBe(403);
  });

  it('lets a reactivated employee ask and be asked again, leaving the requests expired at their departure expired', async () => {
    const [returner, asker] = await service.hire({}, {});
    await service.connect([returner, asker]);
    const expired = await ask(asker, returner);
    await service.deactivate(returner);
    await service.eventsAbout('RecommendationRequestExpired', expired.body.id);

    await service.reactivate(returner);

    const again = await ask(asker, returner);
    expect(again.status).toBe(201);
    expect((await incoming(returner)).map((request) => request.id)).toEqual([again.body.id]);
    expect((await recommend(returner, asker)).status).toBe(201);
  });

  it('verifies against the org chart as EmployeeManagerChanged left it', async () => {
    const [manager, report] = await service.hire({}, {});
    await service.connect([manager, report]);

    await service.changeManager(report, manager);

    expect((await recommend(manager, report, 'supervisor')).body.verified).toBe(true);
  });

  it('shows the author name from the latest EmployeeProfileUpdated on the profile', async () => {
    const [author, subject] = await service.hire({}, {});
    await service.connect([author, subject]);
    const { id } = (await recommend(author, subject)).body;
    await service.request('POST', `/v1/recommendations/${id}/accept`, { token: subject.token });

    await service.rename(author, 'Ana Renamed');

    const profile = await service.request<PageBody<{ authorName: string; authorTitle: string }>>(
      'GET',
      `/v1/employees/${subject.id}/recommendations`,
      { token: subject.token },
    );
    expect(profile.body.items).toEqual([
      expect.objectContaining({ authorName: 'Ana Renamed', authorTitle: 'Staff engineer' }),
    ]);
  });

  it('answers 404 for the profile of an employee identity never announced', async () => {
    const [viewer] = await service.hire({});
    const answer = await service.request(
      'GET',
      '/v1/employees/00000000-0000-4000-8000-000000000000/recommendations',
      { token: viewer.token },
    );
    expect(answer.status).toBe(404);
  });
});
