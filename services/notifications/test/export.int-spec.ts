import { randomUUID } from 'node:crypto';
import { RecommendationRequestedV1, type NotificationsExportView } from '@vouch/contracts';
import {
  ALL_ON,
  NotificationsTestApp,
  SAMPLE_TEXT,
  type TestEmployee,
} from './support/notifications-test-app';

describe('exporting my data from notifications', () => {
  let service: NotificationsTestApp;

  beforeAll(async () => {
    service = await NotificationsTestApp.start('notifications-export');
  });

  afterAll(async () => {
    await service?.close();
  });

  const askForRecommendation = async (requester: TestEmployee, recipient: TestEmployee): Promise<string> => {
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
        expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      },
      requestId,
    );
    await service.settled();
    return requestId;
  };
  const exportOf = (who: TestEmployee) =>
    service.request<NotificationsExportView>('GET', '/v1/me/export', { token: who.token });

  it('gives me my preferences, the emails to me with what became of them, and the reminders to come', async () => {
    const [ana, ben, cy] = await service.hire('Ana Lima', 'Ben Ode', 'Cy Park');
    const preferences = {
      categories: { ...ALL_ON, connection_requests: false },
      digest: 'off',
      unsubscribedAll: false,
    };
    expect(
      (await service.request('PUT', '/v1/notification-preferences', { token: ana.token, body: preferences }))
        .status,
    ).toBe(200);
    await service.recommend(ben, ana);
    const requestId = await askForRecommendation(cy, ana);
    await service.askToConnect(ana, ben);
    await service.settled();
    await service.finishedDeliveriesOf(ana, 2);

    const answer = await exportOf(ana);

    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.body).toEqual({
      service: 'notifications',
      employeeId: ana.id,
      exportedAt: expect.any(String),
      preferences,
      emails: expect.any(Array),
      pendingReminders: [
        {
          requestId,
          requester: { employeeId: cy.id, name: 'Cy Park' },
          relationship: 'coworker',
          dueAt: expect.any(String),
        },
      ],
    });
    const recommended = answer.body.emails.find((email) => email.about?.employeeId === ben.id);
    expect(recommended).toEqual({
      id: expect.any(String),
      template: expect.any(String),
      category: 'reciprocity',
      to: ana.email,
      about: { employeeId: ben.id, name: 'Ben Ode' },
      status: 'sent',
      attempts: 1,
      failureReason: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      sentAt: expect.any(String),
      failedAt: null,
    });
    expect(answer.body.emails.find((email) => email.about?.employeeId === cy.id)).toMatchObject({
      category: 'recommendation_requests',
      status: 'sent',
    });
    // Ben's email about Ana's connection request is his, not hers.
    expect(answer.body.emails).toHaveLength(2);
    const text = JSON.stringify(answer.body);
    expect(text).not.toContain(ben.email);
    expect(text).not.toContain(ana.token);
    // What only the sender needs (the links' details, the excerpt it quoted, trace context) stays out.
    expect(text).not.toMatch(/"(details|traceparent|eventId|digestId)"/);
    expect(text).not.toContain(SAMPLE_TEXT.slice(0, 20));
  });

  it("gives someone no email has been sent to the defaults, and nothing of anyone else's", async () => {
    const [ana, ben] = await service.hire('Ana Lima', 'Ben Ode');
    await service.recommend(ana, ben);
    await askForRecommendation(ana, ben);
    await service.finishedDeliveriesOf(ben, 2);

    const answer = await exportOf(ana);

    expect(answer.body).toMatchObject({
      employeeId: ana.id,
      preferences: { categories: ALL_ON, digest: 'off', unsubscribedAll: false },
      emails: [],
      pendingReminders: [],
    });
  });

  it('answers 401 without a token', async () => {
    const answer = await service.request('GET', '/v1/me/export');

    expect(answer.status).toBe(401);
  });
});
