import { randomUUID } from 'node:crypto';
import {
  ConnectionRequestedV1,
  RecommendationGivenV1,
  RecommendationRequestedV1,
  Topics,
} from '@vouch/contracts';
import {
  announceErasure,
  findValuesInDatabase,
  replayEmployeeHistory,
  type PublishAsOwner,
} from '@vouch/testing';
import {
  ALL_ON,
  NotificationsTestApp,
  recommendationGiven,
  type TestEmployee,
} from './support/notifications-test-app';

describe('erasing an employee from notifications', () => {
  let service: NotificationsTestApp;

  beforeAll(async () => {
    service = await NotificationsTestApp.start('notifications_erasure');
  });

  afterAll(async () => {
    await service?.close();
  });

  const publish: PublishAsOwner = async (definition, events) => {
    for (const { subject, data } of events) await service.publish(definition, data, subject);
  };
  const choose = async (who: TestEmployee, digest: 'off' | 'daily') => {
    const saved = await service.request('PUT', '/v1/notification-preferences', {
      token: who.token,
      body: { categories: ALL_ON, digest, unsubscribedAll: false },
    });
    expect(saved.status).toBe(200);
  };

  it('deletes their emails, reminders and preferences, strips them from the emails others got, and reports it', async () => {
    const [ana, ben, cleo] = await service.hire('Ana Erasmus', 'Ben Okafor', 'Cleo Park');
    if (!ana || !ben || !cleo) throw new Error('not hired');
    await choose(ana, 'off');
    await service.recommend(ana, ben, {
      text: 'From Ana Erasmus: Ben reviews with care and teaches as he does.',
    });
    await service.recommend(ben, ana);
    const [sentToBen] = await service.finishedDeliveriesOf(ben);
    await service.finishedDeliveriesOf(ana);
    const requestId = randomUUID();
    await service.publish(
      RecommendationRequestedV1,
      {
        requestId,
        requesterId: cleo.id,
        recipientId: ana.id,
        relationship: 'coworker',
        message: 'Ana Erasmus, would you write a few lines?',
        requesterRecommendedRecipient: false,
        requestedAt: new Date().toISOString(),
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
      requestId,
    );
    await choose(ben, 'daily');
    const connectionId = randomUUID();
    await service.publish(
      ConnectionRequestedV1,
      {
        connectionId,
        requesterId: ana.id,
        addresseeId: ben.id,
        message: 'Ana Erasmus here, shall we connect?',
        requestedAt: new Date().toISOString(),
      },
      connectionId,
    );
    await service.settled();
    expect((await service.deliveriesOf(ben)).map((delivery) => delivery.status)).toEqual(['held', 'sent']);
    const erasureId = randomUUID();

    await announceErasure(publish, ana.id, erasureId);

    const [report] = await service.eventsAbout(Topics.deliveries, ana.id);
    expect(report?.type).toBe('NotificationsErasureCompleted');
    expect(report?.data).toEqual({
      erasureId,
      employeeId: ana.id,
      service: 'notifications',
      completedAt: expect.any(String),
    });
    expect(await findValuesInDatabase(service.databaseUrl, [ana.name, ana.email])).toEqual([]);
    expect(await service.deliveriesOf(ana)).toEqual([]);
    // Ben keeps the record of the email he got; the one held for his digest is gone with its cause.
    expect(await service.deliveriesOf(ben)).toEqual([
      expect.objectContaining({ id: sentToBen?.id, status: 'sent' }),
    ]);

    // identity's older events about her replayed, the erasure sent again, and a late event of hers
    // from another service's topic, change nothing.
    await replayEmployeeHistory(publish, ana);
    await announceErasure(publish, ana.id, erasureId);
    const late = recommendationGiven(ana, cleo, { text: 'Ana Erasmus, late: Cleo keeps every team calm.' });
    await service.publish(RecommendationGivenV1, late, late.recommendationId);
    const lateRequestId = randomUUID();
    await service.publish(
      RecommendationRequestedV1,
      {
        requestId: lateRequestId,
        requesterId: ana.id,
        recipientId: cleo.id,
        relationship: 'coworker',
        message: 'Ana Erasmus, late: would you write me one?',
        requesterRecommendedRecipient: false,
        requestedAt: new Date().toISOString(),
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
      lateRequestId,
    );
    await service.settled();

    const reports = await service.eventsAbout(Topics.deliveries, ana.id, 2);
    expect(reports[1]?.data).toEqual(expect.objectContaining({ erasureId, employeeId: ana.id }));
    expect(await findValuesInDatabase(service.databaseUrl, [ana.name, ana.email])).toEqual([]);
    expect(await service.deliveriesOf(cleo)).toEqual([]);
  });
});
