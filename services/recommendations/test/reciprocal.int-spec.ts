import { RecommendationsTestApp, SAMPLE_TEXT, type TestEmployee } from './support/recommendations-test-app';

interface RecommendationBody {
  id: string;
  reciprocal: boolean;
}

interface PageBody {
  items: RecommendationBody[];
}

describe('recommending each other', () => {
  let service: RecommendationsTestApp;

  beforeAll(async () => {
    service = await RecommendationsTestApp.start('reciprocal');
  });

  afterAll(async () => {
    await service?.close();
  });

  async function colleagues(): Promise<[TestEmployee, TestEmployee]> {
    const [ana, ben] = await service.hire({ name: 'Ana' }, { name: 'Ben' });
    if (!ana || !ben) throw new Error('hiring failed');
    await service.connect([ana, ben]);
    return [ana, ben];
  }

  async function recommend(author: TestEmployee, subject: TestEmployee): Promise<string> {
    const answer = await service.request<RecommendationBody>('POST', '/v1/recommendations', {
      token: author.token,
      body: { subjectId: subject.id, relationship: 'coworker', text: SAMPLE_TEXT },
    });
    expect(answer.status).toBe(201);
    return answer.body.id;
  }

  async function reciprocal(id: string, reader: TestEmployee): Promise<boolean | undefined> {
    const answer = await service.request<RecommendationBody>('GET', `/v1/recommendations/${id}`, {
      token: reader.token,
    });
    return answer.body.reciprocal;
  }

  /** How each list the two read shows the recommendation: reciprocal or not. */
  async function listed(id: string, path: string, reader: TestEmployee): Promise<boolean | undefined> {
    const page = await service.request<PageBody>('GET', path, { token: reader.token });
    return page.body.items.find((item) => item.id === id)?.reciprocal;
  }

  it('flags both once the second is written, and announces the earlier one’s change', async () => {
    const [ana, ben] = await colleagues();
    const anasOfBen = await recommend(ana, ben);
    expect(await reciprocal(anasOfBen, ana)).toBe(false);

    const bensOfAna = await recommend(ben, ana);

    for (const [id, reader] of [
      [anasOfBen, ana],
      [anasOfBen, ben],
      [bensOfAna, ana],
      [bensOfAna, ben],
    ] as const)
      expect(await reciprocal(id, reader)).toBe(true);
    expect(await listed(anasOfBen, '/v1/recommendations/given', ana)).toBe(true);
    expect(await listed(anasOfBen, '/v1/recommendations/received', ben)).toBe(true);
    expect(await listed(bensOfAna, '/v1/recommendations/given', ben)).toBe(true);
    expect(await listed(bensOfAna, '/v1/recommendations/received', ana)).toBe(true);
    await service.request('POST', `/v1/recommendations/${anasOfBen}/accept`, { token: ben.token });
    expect(await listed(anasOfBen, `/v1/employees/${ben.id}/recommendations`, ana)).toBe(true);

    const [event] = await service.eventsAbout('RecommendationReciprocated', anasOfBen);
    expect(event?.data).toEqual({
      recommendationId: anasOfBen,
      authorId: ana.id,
      subjectId: ben.id,
      relationship: 'coworker',
      verified: false,
      reciprocal: true,
      status: 'pending',
      counterpartId: bensOfAna,
      reciprocatedAt: expect.any(String),
    });
    const [given] = await service.eventsAbout('RecommendationGiven', bensOfAna);
    expect(given?.data).toMatchObject({ reciprocal: true });
    expect(service.eventTypesAbout(bensOfAna)).not.toContain('RecommendationReciprocated');
  });

  it('flags both when two people write each other at the same moment', async () => {
    const people = await service.hire(
      ...Array.from({ length: 8 }, (_, index) => ({ name: `Colleague ${index}` })),
    );
    const pairs = Array.from({ length: 4 }, (_, index): [TestEmployee, TestEmployee] => {
      const [ana, ben] = people.slice(2 * index, 2 * index + 2);
      if (!ana || !ben) throw new Error('hiring failed');
      return [ana, ben];
    });
    await service.connect(...pairs);

    const written = await Promise.all(
      pairs.map(([ana, ben]) => Promise.all([recommend(ana, ben), recommend(ben, ana)])),
    );

    for (const [index, [anasOfBen, bensOfAna]] of written.entries()) {
      const [ana] = pairs[index] ?? [];
      if (!ana) throw new Error('no pair');
      expect([await reciprocal(anasOfBen, ana), await reciprocal(bensOfAna, ana)]).toEqual([true, true]);
    }
  });

  it.each([
    ['withdraws hers', 'DELETE', ''],
    ['has hers taken down', 'POST', '/takedown'],
  ])('no longer flags the other one when one of the two %s, and says so', async (_, method, action) => {
    const [ana, ben] = await colleagues();
    const anasOfBen = await recommend(ana, ben);
    const bensOfAna = await recommend(ben, ana);
    const token = action ? await service.hrToken() : ana.token;

    const ended = await service.request(method, `/v1/recommendations/${anasOfBen}${action}`, {
      token,
      body: action ? { reason: 'It names a colleague who asked not to be named.' } : undefined,
    });

    expect([200, 204]).toContain(ended.status);
    expect(await reciprocal(bensOfAna, ben)).toBe(false);
    const [event] = await service.eventsAbout('RecommendationReciprocityEnded', bensOfAna);
    expect(event?.data).toMatchObject({
      recommendationId: bensOfAna,
      authorId: ben.id,
      subjectId: ana.id,
      reciprocal: false,
      counterpartId: anasOfBen,
    });

    // Written again after a withdrawal, the pair is mutual once more.
    if (!action) {
      const again = await recommend(ana, ben);
      expect([await reciprocal(again, ana), await reciprocal(bensOfAna, ben)]).toEqual([true, true]);
      await service.eventsAbout('RecommendationReciprocated', bensOfAna);
    }
  });
});
