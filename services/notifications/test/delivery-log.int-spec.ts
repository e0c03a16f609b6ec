import { waitFor } from '@vouch/testing';
import { RecipientDay } from '../src/notifications/domain/recipient-day';
import {
  ALL_ON,
  NotificationsTestApp,
  type DeliveryLogEntry,
  type TestEmployee,
} from './support/notifications-test-app';
import { ScriptedSmtpServer } from './support/scripted-smtp-server';

interface LogPage {
  items: Array<DeliveryLogEntry & { recipientId: string; createdAt: string }>;
  nextCursor: string | null;
}

interface Summary {
  date: string;
  timeZone: string;
  from: string;
  to: string;
  counts: Record<DeliveryLogEntry['status'], number>;
}

interface Problem {
  errors: Array<{ field: string; message: string }>;
}

describe('the delivery log, filtered, and its day at a glance', () => {
  let smtp: ScriptedSmtpServer;
  let service: NotificationsTestApp;

  beforeAll(async () => {
    // A real SMTP server that refuses whom it is told to: the log's failures are real ones.
    smtp = await ScriptedSmtpServer.start();
    service = await NotificationsTestApp.start('delivery_log', {
      SMTP_URL: smtp.url,
      DEFAULT_TIME_ZONE: 'UTC',
    });
  });

  afterAll(async () => {
    await service?.close();
    await smtp?.close();
  });

  const get = async <T>(path: string, token?: string) =>
    service.request<T>('GET', path, { token: token ?? (await service.hrToken()) });
  const log = async (query: string) => (await get<LogPage>(`/v1/deliveries?${query}`)).body;

  /** Ana asks `addressee` to connect: one email, which fails when the SMTP server refuses them for good. */
  async function emailTo(addressee: TestEmployee, refused = false): Promise<DeliveryLogEntry> {
    const [ana] = (await service.hire('Ana Lima')) as [TestEmployee];
    if (refused) smtp.refuse(addressee.email, [550]);
    await service.askToConnect(ana, addressee);
    const [delivery] = await service.finishedDeliveriesOf(addressee);
    if (!delivery) throw new Error('no delivery');
    return delivery;
  }

  /** An email held for `employee`'s digest, then withheld (skipped) as they left before their digest hour. */
  async function withheldEmailTo(employee: TestEmployee): Promise<void> {
    await service.request('PUT', '/v1/notification-preferences', {
      token: employee.token,
      body: { categories: ALL_ON, digest: 'daily', unsubscribedAll: false },
    });
    const [ana] = (await service.hire('Ana Lima')) as [TestEmployee];
    await service.recommend(ana, employee);
    await service.finishedDeliveriesOf(employee);
    await service.deactivate(employee);
    await service.composeDigestsAt(
      new RecipientDay(8, 'UTC').lastDigestTime(new Date(Date.now() + 86_400_000), 'UTC'),
    );
    await waitFor(
      'the held email to be withheld',
      () => service.deliveriesOf(employee),
      (entries) => entries.every((entry) => entry.status === 'skipped'),
    );
  }

  it("lists everyone's failed and withheld emails, newest first, each with its reason, filtered by status, template and time", async () => {
    const since = new Date().toISOString();
    const [ben, cleo, dan] = (await service.hire('Ben Okafor', 'Cleo Park', 'Dan Reyes')) as [
      TestEmployee,
      TestEmployee,
      TestEmployee,
    ];
    const failed = await emailTo(ben, true);
    const sent = await emailTo(cleo);
    await withheldEmailTo(dan);

    const failedOnly = await log(`status=failed&from=${since}`);
    expect(failedOnly.items.map((item) => item.id)).toEqual([failed.id]);
    expect(failedOnly.items[0]).toMatchObject({ recipientId: ben.id, status: 'failed' });
    expect(failedOnly.items[0]?.lastError).toContain('550');

    const failedOrWithheld = await log(`status=failed,skipped&from=${since}`);
    expect(failedOrWithheld.items.map((item) => [item.recipientId, item.status, item.lastError])).toEqual([
      [dan.id, 'skipped', 'the recipient was deactivated'],
      [ben.id, 'failed', expect.stringContaining('550')],
    ]);
    expect((await log(`status=failed&status=skipped&from=${since}`)).items).toEqual(failedOrWithheld.items);

    const requests = await log(`template=connection-requested&from=${since}`);
    expect(requests.items.map((item) => item.id).sort()).toEqual([failed.id, sent.id].sort());
    expect(
      (await log(`template=reciprocity-nudge&from=${since}`)).items.map((item) => item.recipientId),
    ).toEqual([dan.id]);
    expect((await log(`recipientId=${cleo.id}&status=sent`)).items.map((item) => item.id)).toEqual([sent.id]);
    expect((await log(`status=failed&from=${since}&to=${since}`)).items).toEqual([]);
  });

  it('pages through a filtered log newest first, without gaps or repeats', async () => {
    const since = new Date().toISOString();
    const [eve, fay, gus] = (await service.hire('Eve Novak', 'Fay Ito', 'Gus Moreno')) as [
      TestEmployee,
      TestEmployee,
      TestEmployee,
    ];
    const failures = [await emailTo(eve, true), await emailTo(fay, true), await emailTo(gus, true)];

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: LogPage = await log(
        `status=failed&from=${since}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);

    expect(seen).toEqual(failures.map((delivery) => delivery.id).reverse());
  });

  it("counts the day's emails by status, so failed and withheld ones show at a glance", async () => {
    const before = (await get<Summary>('/v1/deliveries/summary')).body;
    const [hal, ivy] = (await service.hire('Hal Berg', 'Ivy Chen')) as [TestEmployee, TestEmployee];

    await emailTo(hal, true);
    await withheldEmailTo(ivy);
    const after = (await get<Summary>('/v1/deliveries/summary')).body;

    expect(after.timeZone).toBe('UTC');
    expect(after.date).toBe(new Date().toISOString().slice(0, 10));
    expect(after.from).toBe(`${after.date}T00:00:00.000Z`);
    expect(after.counts.failed - before.counts.failed).toBe(1);
    expect(after.counts.skipped - before.counts.skipped).toBe(1);
    const failedToday = await log(`status=failed&from=${after.from}&to=${after.to}`);
    expect(failedToday.items).toHaveLength(after.counts.failed);
  });

  it('reads the day in the time zone asked for', async () => {
    const answer = await get<Summary>('/v1/deliveries/summary?date=2026-12-07&timeZone=Asia/Kolkata');

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      date: '2026-12-07',
      timeZone: 'Asia/Kolkata',
      from: '2026-12-06T18:30:00.000Z',
      to: '2026-12-07T18:30:00.000Z',
    });
    expect(Object.keys(answer.body.counts).sort()).toEqual([
      'digested',
      'failed',
      'held',
      'pending',
      'sent',
      'skipped',
    ]);
  });

  it.each([
    ['/v1/deliveries?status=lost', 'status'],
    ['/v1/deliveries?template=postcard', 'template'],
    ['/v1/deliveries?recipientId=ana', 'recipientId'],
    ['/v1/deliveries?from=yesterday', 'from'],
    ['/v1/deliveries?from=2026-12-07T10:00:00Z&to=2026-12-07T09:00:00Z', 'to'],
    ['/v1/deliveries/summary?date=2026-13-01', 'date'],
    ['/v1/deliveries/summary?date=07/12/2026', 'date'],
    ['/v1/deliveries/summary?timeZone=Mars/Olympus_Mons', 'timeZone'],
  ])('answers %s with 400 naming the field %s', async (path, field) => {
    const answer = await get<Problem>(path);

    expect(answer.status).toBe(400);
    expect(new Set(answer.body.errors.map((error) => error.field))).toEqual(new Set([field]));
  });

  it('shows the log and the summary to HR and admins only (403 to other employees, 401 to anonymous callers)', async () => {
    const [jo] = (await service.hire('Jo Silva')) as [TestEmployee];

    for (const path of ['/v1/deliveries?status=failed', '/v1/deliveries/summary']) {
      expect((await get(path, await service.hrToken())).status).toBe(200);
      expect((await get(path, await service.adminToken())).status).toBe(200);
      expect((await get(path, jo.token)).status).toBe(403);
      expect((await service.request('GET', path)).status).toBe(401);
    }
  });
});
