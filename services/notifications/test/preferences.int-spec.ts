import { randomUUID } from 'node:crypto';
import { RecommendationRequestedV1 } from '@vouch/contracts';
import { maildevInbox, unsubscribeUrl, waitForEmails } from '@vouch/testing';
import { ALL_ON, NotificationsTestApp, type TestEmployee } from './support/notifications-test-app';

interface Preferences {
  categories: Record<string, boolean>;
  digest: string;
  unsubscribedAll: boolean;
}

describe('notification preferences and unsubscribe links', () => {
  let service: NotificationsTestApp;

  beforeAll(async () => {
    service = await NotificationsTestApp.start('preferences');
  });

  afterAll(async () => {
    await service?.close();
  });

  const preferencesOf = async (employee: TestEmployee) =>
    (await service.request<Preferences>('GET', '/v1/notification-preferences', { token: employee.token }))
      .body;

  /** Sends one email to a control recipient after the ones under test, so "nothing arrived" means something. */
  const expectNothingFor = async (employee: TestEmployee, control: TestEmployee, sender: TestEmployee) => {
    await service.askToConnect(sender, control);
    await service.settled();
    await waitForEmails(control.email);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await maildevInbox(employee.email)).toEqual([]);
  };

  it('answers every category on and no digest to an employee who never chose', async () => {
    const [ana] = (await service.hire('Ana Lima')) as [TestEmployee];

    expect(await preferencesOf(ana)).toEqual({ categories: ALL_ON, digest: 'off', unsubscribedAll: false });
  });

  it('answers 401 without a token and 400 listing unknown or missing fields', async () => {
    const [ana] = (await service.hire('Ana Lima')) as [TestEmployee];

    expect((await service.request('GET', '/v1/notification-preferences')).status).toBe(401);
    const invalid = await service.request<{ errors?: Array<{ field: string }> }>(
      'PUT',
      '/v1/notification-preferences',
      {
        token: ana.token,
        body: { categories: { ...ALL_ON, spam: true }, digest: 'weekly', unsubscribedAll: false, extra: 1 },
      },
    );
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('content-type')).toContain('application/problem+json');
    expect(invalid.body.errors?.map((error) => error.field).sort()).toEqual(
      expect.arrayContaining(['categories.spam', 'digest', 'extra']),
    );
  });

  it.each([
    ['left out', {}],
    ['null', { categories: null }],
    ['a list', { categories: [true] }],
    ['text', { categories: 'all' }],
  ])('answers 400 naming categories when it is %s', async (_case, categories) => {
    const [ana] = (await service.hire('Ana Lima')) as [TestEmployee];

    const invalid = await service.request<{ errors?: Array<{ field: string }> }>(
      'PUT',
      '/v1/notification-preferences',
      { token: ana.token, body: { digest: 'off', unsubscribedAll: false, ...categories } },
    );

    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('content-type')).toContain('application/problem+json');
    expect(invalid.body.errors?.map((error) => error.field)).toContain('categories');
    expect((await preferencesOf(ana)).categories).toEqual(ALL_ON);
  });

  it('sends nothing of a category the recipient switched off, and the rest still', async () => {
    const [ana, ben, cleo] = (await service.hire('Ana Lima', 'Ben Okafor', 'Cleo Park')) as [
      TestEmployee,
      TestEmployee,
      TestEmployee,
    ];
    const saved = await service.request<Preferences>('PUT', '/v1/notification-preferences', {
      token: ben.token,
      body: { categories: { ...ALL_ON, connection_requests: false }, digest: 'off', unsubscribedAll: false },
    });
    expect(saved.status).toBe(200);
    expect((await preferencesOf(ben)).categories.connection_requests).toBe(false);

    await service.askToConnect(ana, ben);
    await expectNothingFor(ben, cleo, ana);

    await service.recommend(ana, ben);
    const [email] = await waitForEmails(ben.email);
    expect(email?.subject).toBe('Ana Lima recommended you');
  });

  it('sends no "… recommended you" email of any kind to a subject who switched reciprocity off', async () => {
    const [ana, ben, cleo] = (await service.hire('Ana Lima', 'Ben Okafor', 'Cleo Park')) as [
      TestEmployee,
      TestEmployee,
      TestEmployee,
    ];
    await service.request('PUT', '/v1/notification-preferences', {
      token: ben.token,
      body: { categories: { ...ALL_ON, reciprocity: false }, digest: 'off', unsubscribedAll: false },
    });

    await service.recommend(ana, ben);
    await service.recommend(cleo, ben, { reciprocal: true });
    await expectNothingFor(ben, cleo, ana);
  });

  it('stops the nudge, the plain notice and "returned the favour" with the one-click link of a nudge, and nothing else', async () => {
    const [ana, ben, cleo, dan] = (await service.hire(
      'Ana Lima',
      'Ben Okafor',
      'Cleo Park',
      'Dan Reyes',
    )) as [TestEmployee, TestEmployee, TestEmployee, TestEmployee];
    await service.recommend(ana, ben);
    const [nudge] = await waitForEmails(ben.email);
    if (!nudge) throw new Error('no email');
    expect(nudge.subject).toBe('Ana Lima recommended you');
    expect(nudge.text).toContain('write one back');
    expect(nudge.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');

    const oneClick = await fetch(unsubscribeUrl(nudge), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    expect(await oneClick.text()).toContain('someone recommending you');

    // A later nudge (a new author), the plain notice (Ana again: her one nudge is spent), the favour returned.
    await service.recommend(cleo, ben);
    await service.recommend(ana, ben);
    await service.recommend(dan, ben, { reciprocal: true });
    // The kinds the link did not name still arrive.
    await service.askToConnect(dan, ben);
    const requestId = randomUUID();
    await service.publish(
      RecommendationRequestedV1,
      {
        requestId,
        requesterId: cleo.id,
        recipientId: ben.id,
        relationship: 'coworker',
        message: null,
        requesterRecommendedRecipient: true,
        requestedAt: new Date().toISOString(),
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
      requestId,
    );
    await service.settled();
    await waitForEmails(ben.email, 3);
    await new Promise((resolve) => setTimeout(resolve, 500));

    expect((await maildevInbox(ben.email)).map((email) => email.subject).sort()).toEqual(
      [
        'Ana Lima recommended you',
        'Cleo Park asks you for a recommendation',
        'Dan Reyes wants to connect',
      ].sort(),
    );
    const log = await service.finishedDeliveriesOf(ben, 3);
    expect(log.map((delivery) => delivery.template).sort()).toEqual(
      ['connection-requested', 'reciprocity-nudge', 'recommendation-requested'].sort(),
    );
    expect(await preferencesOf(ben)).toEqual({
      categories: { ...ALL_ON, reciprocity: false },
      digest: 'off',
      unsubscribedAll: false,
    });
  });

  it('sends nothing at all after a global unsubscribe', async () => {
    const [ana, ben, cleo] = (await service.hire('Ana Lima', 'Ben Okafor', 'Cleo Park')) as [
      TestEmployee,
      TestEmployee,
      TestEmployee,
    ];
    await service.request('PUT', '/v1/notification-preferences', {
      token: ben.token,
      body: { categories: ALL_ON, digest: 'off', unsubscribedAll: true },
    });

    await service.recommend(ana, ben);
    await expectNothingFor(ben, cleo, ana);
  });

  it('shows a confirmation page on GET and changes nothing, and unsubscribes with the one-click POST', async () => {
    const [ana, ben] = (await service.hire('Ana Lima', 'Ben Okafor')) as [TestEmployee, TestEmployee];
    await service.recommend(ana, ben);
    const [email] = await waitForEmails(ben.email);
    if (!email) throw new Error('no email');
    const url = unsubscribeUrl(email);

    const page = await fetch(url, { redirect: 'manual' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('<form method="post"');
    expect((await preferencesOf(ben)).categories.reciprocity).toBe(true);

    const oneClick = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    expect(await oneClick.text()).toContain('You are unsubscribed');
    expect(await preferencesOf(ben)).toEqual({
      categories: { ...ALL_ON, reciprocity: false },
      digest: 'off',
      unsubscribedAll: false,
    });
  });

  it('unsubscribes with a one-click POST sent as multipart/form-data, as RFC 8058 prefers', async () => {
    const [ana, ben] = (await service.hire('Ana Lima', 'Ben Okafor')) as [TestEmployee, TestEmployee];
    await service.recommend(ana, ben);
    const [email] = await waitForEmails(ben.email);
    if (!email) throw new Error('no email');
    const form = new FormData();
    form.set('List-Unsubscribe', 'One-Click');

    const oneClick = await fetch(unsubscribeUrl(email), { method: 'POST', redirect: 'manual', body: form });

    expect(oneClick.status).toBe(200);
    expect((await preferencesOf(ben)).categories.reciprocity).toBe(false);
  });

  it('answers 403 to a tampered or missing token and changes nothing', async () => {
    const [ana, ben] = (await service.hire('Ana Lima', 'Ben Okafor')) as [TestEmployee, TestEmployee];
    await service.recommend(ana, ben);
    const [email] = await waitForEmails(ben.email);
    if (!email) throw new Error('no email');
    const url = new URL(unsubscribeUrl(email));
    const [payload, signature] = (url.searchParams.get('token') ?? '').split('.');
    const claim = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
    const forged = Buffer.from(JSON.stringify({ ...claim, r: ana.id })).toString('base64url');
    url.searchParams.set('token', `${forged}.${signature ?? ''}`);

    const tampered = await fetch(url, { method: 'POST' });
    const missing = await fetch(`${service.baseUrl}/v1/unsubscribe`, { method: 'POST' });

    expect(tampered.status).toBe(403);
    expect(tampered.headers.get('content-type')).toContain('application/problem+json');
    expect(missing.status).toBe(403);
    expect((await fetch(url)).status).toBe(403);
    expect((await preferencesOf(ana)).categories).toEqual(ALL_ON);
    expect((await preferencesOf(ben)).categories).toEqual(ALL_ON);
  });

  it('never loses a change of preferences made while the same employee unsubscribes', async () => {
    const [ana, ben] = (await service.hire('Ana Lima', 'Ben Okafor')) as [TestEmployee, TestEmployee];
    await service.recommend(ana, ben);
    const [email] = await waitForEmails(ben.email);
    if (!email) throw new Error('no email');
    const put = (digest: string) =>
      service.request('PUT', '/v1/notification-preferences', {
        token: ben.token,
        body: { categories: ALL_ON, digest, unsubscribedAll: false },
      });
    const unsubscribe = () =>
      fetch(unsubscribeUrl(email), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });

    // The two race: whichever goes second, the digest Ben chose stays chosen.
    const digests: string[] = [];
    for (let round = 0; round < 40; round++) {
      expect((await put('off')).status).toBe(200);
      const [changed, unsubscribed] = await Promise.all([put('daily'), unsubscribe()]);
      expect([changed.status, unsubscribed.status]).toEqual([200, 200]);
      digests.push((await preferencesOf(ben)).digest);
    }

    expect(digests.filter((digest) => digest !== 'daily')).toEqual([]);
  });
});
