import { waitFor, maildevInbox, unsubscribeUrl, waitForEmails } from '@vouch/testing';
import { RecipientDay } from '../src/notifications/domain/recipient-day';
import {
  ALL_ON,
  NotificationsTestApp,
  SAMPLE_TEXT,
  type TestEmployee,
} from './support/notifications-test-app';

const DIGEST_SUBJECT = /^Your Vouch digest: \d+ updates?$/;

describe('the daily cap and the daily digest', () => {
  let service: NotificationsTestApp;

  beforeAll(async () => {
    service = await NotificationsTestApp.start('digest', {
      MAX_EMAILS_PER_DAY: '2',
      DIGEST_HOUR: '8',
      DEFAULT_TIME_ZONE: 'UTC',
    });
  });

  afterAll(async () => {
    await service?.close();
  });

  /** Waits until every planned email to an employee is sent or held, and returns the log by status. */
  const settledLogOf = async (employee: TestEmployee, count: number) => {
    await service.settled();
    const log = await service.finishedDeliveriesOf(employee, count);
    return (status: string) => log.filter((entry) => entry.status === status);
  };

  /** The next 08:00 in a time zone after now, whatever the time of day the test runs. */
  const nextDigestTime = (timeZone: string) =>
    new RecipientDay(8, 'UTC').lastDigestTime(new Date(Date.now() + 86_400_000), timeZone);
  const justBefore = (time: Date) => new Date(time.getTime() - 60_000);

  it('sends at most MAX_EMAILS_PER_DAY emails a day and folds the rest into one digest', async () => {
    const [ben, ana, cleo, dan, eve] = (await service.hire(
      'Ben Okafor',
      'Ana Lima',
      'Cleo Park',
      'Dan Reyes',
      'Eve Novak',
    )) as [TestEmployee, TestEmployee, TestEmployee, TestEmployee, TestEmployee];
    for (const requester of [ana, cleo, dan, eve])
      await service.askToConnect(requester, ben, `Hello from ${requester.name}`);

    const byStatus = await settledLogOf(ben, 4);
    expect(byStatus('pending').length + byStatus('sent').length).toBe(2);
    expect(byStatus('held')).toHaveLength(2);
    await waitForEmails(ben.email, 2);

    // Nothing is due before the next digest hour; at it, one digest carries both held emails.
    const digestTime = nextDigestTime('UTC');
    expect(await service.composeDigestsAt(justBefore(digestTime))).toBe(0);
    expect(await service.composeDigestsAt(digestTime)).toBe(1);
    expect(await service.composeDigestsAt(digestTime)).toBe(0);

    const emails = await waitForEmails(ben.email, 3);
    expect(emails).toHaveLength(3);
    const digests = emails.filter((email) => DIGEST_SUBJECT.test(email.subject));
    expect(digests).toHaveLength(1);
    const [digest] = digests as [(typeof digests)[number]];
    expect(digest.subject).toBe('Your Vouch digest: 2 updates');
    const onTheirOwn = emails.filter((email) => email !== digest).map((email) => email.subject);
    const heldNames = [ana, cleo, dan, eve]
      .map((requester) => requester.name)
      .filter((name) => !onTheirOwn.includes(`${name} wants to connect`));
    expect(heldNames).toHaveLength(2);
    for (const name of heldNames) {
      expect(digest.text).toContain(`${name} wants to connect: ${service.baseUrl}/connections`);
      expect(digest.text).toContain(`"Hello from ${name}"`);
      expect(digest.html).toContain(`${name} wants to connect</a>`);
    }
    expect(digest.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');

    const log = await service.finishedDeliveriesOf(ben, 5);
    expect(log.filter((entry) => entry.status === 'digested')).toHaveLength(2);
    expect(log.filter((entry) => entry.template === 'daily-digest')).toMatchObject([{ status: 'sent' }]);
  });

  const chooseDigest = async (employee: TestEmployee) => {
    const chose = await service.request('PUT', '/v1/notification-preferences', {
      token: employee.token,
      body: { categories: ALL_ON, digest: 'daily', unsubscribedAll: false },
    });
    expect(chose.status).toBe(200);
  };

  it('holds every email for those who chose the digest, until their digest hour in their time zone', async () => {
    const [ana] = (await service.hire('Ana Lima')) as [TestEmployee];
    const [kenji] = (await service.hireIn('Asia/Tokyo', 'Kenji Sato')) as [TestEmployee];
    await chooseDigest(kenji);

    const { subject: recommendationId } = await service.recommend(ana, kenji);
    const byStatus = await settledLogOf(kenji, 1);
    expect(byStatus('held')).toMatchObject([{ template: 'reciprocity-nudge' }]);

    const tokyoDigestTime = nextDigestTime('Asia/Tokyo');
    expect(tokyoDigestTime.getUTCHours()).toBe(23);
    expect(await service.composeDigestsAt(justBefore(tokyoDigestTime))).toBe(0);
    expect(await service.composeDigestsAt(tokyoDigestTime)).toBe(1);

    const [digest] = await waitForEmails(kenji.email, 1);
    expect(digest?.subject).toBe('Your Vouch digest: 1 update');
    expect(digest?.text).toContain(
      `Ana Lima recommended you: ${service.baseUrl}/recommendations/${recommendationId}`,
    );
    expect(digest?.text).toContain(SAMPLE_TEXT);
  });

  it('unsubscribes from everything with the one-click link of a digest', async () => {
    const [ana, maya] = (await service.hire('Ana Lima', 'Maya Cohen')) as [TestEmployee, TestEmployee];
    await chooseDigest(maya);
    await service.recommend(ana, maya);
    await settledLogOf(maya, 1);
    expect(await service.composeDigestsAt(nextDigestTime('UTC'))).toBe(1);
    const [digest] = await waitForEmails(maya.email, 1);
    if (!digest) throw new Error('no digest');

    const unsubscribed = await fetch(unsubscribeUrl(digest), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(unsubscribed.status).toBe(200);
    expect(await unsubscribed.text()).toContain('no more emails about anything from Vouch');

    const preferences = await service.request<{ unsubscribedAll: boolean }>(
      'GET',
      '/v1/notification-preferences',
      { token: maya.token },
    );
    expect(preferences.body.unsubscribedAll).toBe(true);
  });

  it('drops held emails, and sends no digest, to someone who left before their digest hour', async () => {
    const [ana, omar, pia] = (await service.hire('Ana Lima', 'Omar Haddad', 'Pia Lund')) as [
      TestEmployee,
      TestEmployee,
      TestEmployee,
    ];
    for (const employee of [omar, pia]) {
      await chooseDigest(employee);
      await service.recommend(ana, employee);
      await settledLogOf(employee, 1);
    }
    await service.deactivate(omar);

    expect(await service.composeDigestsAt(nextDigestTime('UTC'))).toBe(1);

    // Pia, who stayed, gets her digest: by then Omar's would have been composed too.
    await waitForEmails(pia.email, 1);
    expect(await maildevInbox(omar.email)).toHaveLength(0);
    const log = await waitFor(
      "Omar's held email to be dropped",
      () => service.deliveriesOf(omar),
      (entries) => entries.every((entry) => entry.status === 'skipped'),
    );
    expect(log).toMatchObject([
      { template: 'reciprocity-nudge', lastError: 'the recipient was deactivated' },
    ]);
  });
});
