import { maildevInbox, waitForEmails } from '@vouch/testing';
import { randomUUID } from 'node:crypto';
import {
  RecommendationGivenV1,
  RecommendationRequestDeclinedV1,
  RecommendationRequestedV1,
  RecommendationRequestWithdrawnV1,
} from '@vouch/contracts';
import { NotificationsTestApp, SAMPLE_TEXT, type TestEmployee } from './support/notifications-test-app';

const REMINDER_SUBJECT = /is still hoping for your recommendation$/;

describe('the reminder of a pending recommendation request', () => {
  let service: NotificationsTestApp;

  beforeAll(async () => {
    service = await NotificationsTestApp.start('reminders', {
      REMINDER_AFTER: '5s',
      REMINDER_SWEEP_INTERVAL_MS: '200',
    });
  });

  afterAll(async () => {
    await service?.close();
  });

  const ask = async (requester: TestEmployee, recipient: TestEmployee): Promise<string> => {
    const requestId = randomUUID();
    await service.publish(
      RecommendationRequestedV1,
      {
        requestId,
        requesterId: requester.id,
        recipientId: recipient.id,
        relationship: 'coworker',
        message: 'Would you write a few lines?',
        requesterRecommendedRecipient: false,
        requestedAt: new Date().toISOString(),
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
      requestId,
    );
    return requestId;
  };

  const reminders = async (employee: TestEmployee) =>
    (await maildevInbox(employee.email)).filter((email) => REMINDER_SUBJECT.test(email.subject));

  it('reminds the recipient once, gently, when the request is still pending', async () => {
    const [ana, ben] = (await service.hire('Ana Lima', 'Ben Okafor')) as [TestEmployee, TestEmployee];
    const requestId = await ask(ana, ben);

    const emails = await waitForEmails(ben.email, 2);
    await new Promise((resolve) => setTimeout(resolve, 3_000));

    expect(emails.map((email) => email.subject)).toEqual([
      'Ana Lima asks you for a recommendation',
      'Ana Lima is still hoping for your recommendation',
    ]);
    const [reminder] = await reminders(ben);
    expect(reminder?.text).toContain('A gentle reminder');
    expect(reminder?.text).toContain(`${service.baseUrl}/recommendation-requests/${requestId}`);
    expect(await reminders(ben)).toHaveLength(1);
  });

  it('sends no reminder once the request is declined, withdrawn or fulfilled', async () => {
    const [ana, ben, cleo, dan, eve] = (await service.hire(
      'Ana Lima',
      'Ben Okafor',
      'Cleo Park',
      'Dan Reyes',
      'Eve Novak',
    )) as [TestEmployee, TestEmployee, TestEmployee, TestEmployee, TestEmployee];
    const declined = await ask(ana, ben);
    const withdrawn = await ask(ana, cleo);
    const fulfilled = await ask(ana, dan);
    await ask(ana, eve);
    const now = new Date().toISOString();
    await service.publish(
      RecommendationRequestDeclinedV1,
      { requestId: declined, requesterId: ana.id, recipientId: ben.id, declinedAt: now },
      declined,
    );
    await service.publish(
      RecommendationRequestWithdrawnV1,
      { requestId: withdrawn, requesterId: ana.id, recipientId: cleo.id, withdrawnAt: now },
      withdrawn,
    );
    const recommendationId = randomUUID();
    await service.publish(
      RecommendationGivenV1,
      {
        recommendationId,
        authorId: dan.id,
        subjectId: ana.id,
        relationship: 'coworker',
        text: SAMPLE_TEXT,
        verified: false,
        reciprocal: false,
        requestId: fulfilled,
        givenAt: now,
      },
      recommendationId,
    );
    await service.settled();

    await waitForEmails(eve.email, 2);
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    expect(await reminders(eve)).toHaveLength(1);
    expect(await reminders(ben)).toEqual([]);
    expect(await reminders(cleo)).toEqual([]);
    expect(await reminders(dan)).toEqual([]);
  });
});
