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

  it('still tells a subject who switched nudges off that they were recommended, without the nudge', async () => {
    const [ana, ben] = (await service.hire('Ana Lima', 'Ben Okafor')) as [TestEmployee, TestEmployee];
    await service.request('PUT', '/v1/notification-preferences', {
      token: ben.token,
      body: { categories: { ...ALL_ON, reciprocity: false }, digest: 'off', unsubscribedAll: false },
    });

    await service.recommend(ana, ben);

    const [email] = await waitForEmails(ben.email);
    expect(email?.subject).toBe('Ana Lima recommended you');
    expect(email?.text).not.toContain('write one back');
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
});
