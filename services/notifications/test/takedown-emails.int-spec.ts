import { randomUUID } from 'node:crypto';
import { RecommendationTakenDownV1, type EventData } from '@vouch/contracts';
import { maildevInbox, waitForEmails } from '@vouch/testing';
import { ALL_ON, NotificationsTestApp, type TestEmployee } from './support/notifications-test-app';

const REASON = 'It names a customer who asked not to be named.';

describe('the takedown emails', () => {
  let service: NotificationsTestApp;

  beforeAll(async () => {
    // A cap of one email a day: a takedown email must neither wait for it nor use it up.
    service = await NotificationsTestApp.start('takedown', { MAX_EMAILS_PER_DAY: '1' });
  });

  afterAll(async () => {
    await service?.close();
  });

  function takenDown(
    author: TestEmployee,
    subject: TestEmployee,
  ): EventData<typeof RecommendationTakenDownV1> {
    return {
      recommendationId: randomUUID(),
      authorId: author.id,
      subjectId: subject.id,
      takenDownBy: randomUUID(),
      reason: REASON,
      takenDownAt: new Date().toISOString(),
    };
  }

  it('tells the author and the subject that it was taken down, and why, with nothing to unsubscribe from', async () => {
    const [ben, ana] = (await service.hire('Ben Okafor', 'Ana Lima')) as [TestEmployee, TestEmployee];
    const data = takenDown(ben, ana);

    await service.publish(RecommendationTakenDownV1, data, data.recommendationId);
    const [toAuthor] = await waitForEmails(ben.email);
    const [toSubject] = await waitForEmails(ana.email);

    expect(toAuthor?.subject).toBe('Your recommendation of Ana Lima was taken down');
    expect(toAuthor?.text).toContain('Hi Ben Okafor');
    expect(toAuthor?.text).toContain(`"${REASON}"`);
    expect(toAuthor?.html).toContain(REASON);
    expect(toSubject?.subject).toBe('Ben Okafor’s recommendation of you was taken down');
    expect(toSubject?.text).toContain('It no longer shows on your profile');
    expect(toSubject?.text).toContain(`"${REASON}"`);
    for (const email of [toAuthor, toSubject]) {
      expect(email?.headers['x-vouch-template']).toBe('recommendation-taken-down');
      expect(email?.headers['list-unsubscribe']).toBeUndefined();
      expect(email?.text).not.toContain('/v1/unsubscribe');
    }
  });

  it('reaches those unsubscribed from everything, on the digest or past the daily cap, once however often the event comes', async () => {
    const [ben, ana, cleo] = (await service.hire('Ben Okafor', 'Ana Lima', 'Cleo Park')) as [
      TestEmployee,
      TestEmployee,
      TestEmployee,
    ];
    await service.request('PUT', '/v1/notification-preferences', {
      token: ana.token,
      body: { categories: ALL_ON, digest: 'daily', unsubscribedAll: true },
    });
    await service.askToConnect(cleo, ben);
    await waitForEmails(ben.email);
    const data = takenDown(ben, ana);

    const event = await service.publish(RecommendationTakenDownV1, data, data.recommendationId);
    await service.redeliver(RecommendationTakenDownV1, event);
    await service.settled();

    await waitForEmails(ben.email, 2);
    await waitForEmails(ana.email);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const toBen = await maildevInbox(ben.email);
    expect(toBen.filter((email) => email.subject.endsWith('was taken down'))).toHaveLength(1);
    expect(await maildevInbox(ana.email)).toHaveLength(1);
  });

  it('sends nothing to a side who was deactivated, and still tells the other', async () => {
    const [ben, ana] = (await service.hire('Ben Okafor', 'Ana Lima')) as [TestEmployee, TestEmployee];
    await service.deactivate(ben);
    const data = takenDown(ben, ana);

    await service.publish(RecommendationTakenDownV1, data, data.recommendationId);
    await service.settled();
    await waitForEmails(ana.email);
    await new Promise((resolve) => setTimeout(resolve, 500));

    expect(await maildevInbox(ben.email)).toEqual([]);
  });
});
