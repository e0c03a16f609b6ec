import { randomUUID } from 'node:crypto';
import { maildevInbox, waitForEmails } from '@vouch/testing';
import {
  RecommendationGivenV1,
  RecommendationRequestedV1,
  RecommendationRequestWithdrawnV1,
} from '@vouch/contracts';
import {
  recommendationGiven,
  NotificationsTestApp,
  type TestEmployee,
} from './support/notifications-test-app';

const DAY_MS = 86_400_000;

describe('the retention of what notifications keeps', () => {
  let service: NotificationsTestApp;

  beforeAll(async () => {
    service = await NotificationsTestApp.start('history_retention', {
      DELIVERY_RETENTION_DAYS: '10',
      REQUEST_REMINDER_RETENTION_DAYS: '8',
      RECIPROCITY_LEDGER_RETENTION_DAYS: '30',
      // No digest is composed behind the tests' back from the held emails they plant.
      DIGEST_SWEEP_INTERVAL_MS: '3600000',
    });
  });

  afterAll(async () => {
    await service?.close();
  });

  /** Makes a delivery as old as `days`, in the state given, as if it had been so since then. */
  const age = (deliveryId: string, days: number, change: { status?: string; digestId?: string } = {}) =>
    service.query(
      `UPDATE delivery SET created_at = $2, updated_at = $2, status = coalesce($3, status),
              next_attempt_at = CASE WHEN $3 = 'pending' THEN now() + interval '1 year' ELSE next_attempt_at END,
              digest_id = coalesce($4::uuid, digest_id)
        WHERE id = $1`,
      [deliveryId, new Date(Date.now() - days * DAY_MS), change.status ?? null, change.digestId ?? null],
    );

  const deliveryIdsOf = async (employee: TestEmployee): Promise<string[]> =>
    (
      await service.query<{ id: string }>(`SELECT id FROM delivery WHERE recipient_id = $1 ORDER BY id`, [
        employee.id,
      ])
    ).map((row) => row.id);

  it('purges deliveries that ended longer ago than DELIVERY_RETENTION_DAYS, never one still to be sent', async () => {
    const { addressee: dana, requesters } = await service.hireAddresseeAndRequesters(6);
    for (const requester of requesters) await service.askToConnect(requester, dana);
    await service.finishedDeliveriesOf(dana, 6);
    const log = await service.deliveriesOf(dana);
    expect(log).toHaveLength(6);
    const [oldSent, recentSent, oldPending, oldHeld, oldDigest, oldDigested] = log.map(
      (entry) => entry.id,
    ) as [string, string, string, string, string, string];
    await age(oldSent, 11);
    await age(recentSent, 9);
    await age(oldPending, 11, { status: 'pending' });
    await age(oldHeld, 11, { status: 'held' });
    // A digest still to be sent is written from the emails it carries: they stay with it.
    await age(oldDigest, 11, { status: 'pending' });
    await age(oldDigested, 11, { status: 'digested', digestId: oldDigest });

    const purged = await service.purgeExpiredHistory();

    expect(purged.deliveries).toBeGreaterThanOrEqual(1);
    expect(await deliveryIdsOf(dana)).toEqual(
      [recentSent, oldPending, oldHeld, oldDigest, oldDigested].sort(),
    );
    expect((await service.deliveriesOf(dana)).map((entry) => entry.id)).not.toContain(oldSent);

    await age(oldDigest, 11, { status: 'sent' });
    await service.purgeExpiredHistory();

    expect(await deliveryIdsOf(dana)).toEqual([recentSent, oldPending, oldHeld].sort());
  });

  it('forgets a reciprocity nudge after RECIPROCITY_LEDGER_RETENTION_DAYS, and nudges each pair once within it', async () => {
    const [ana, ben, cleo] = (await service.hire('Ana Lima', 'Ben Okafor', 'Cleo Park')) as [
      TestEmployee,
      TestEmployee,
      TestEmployee,
    ];
    await service.recommend(ana, ben);
    await service.recommend(cleo, ben);
    await waitForEmails(ben.email, 2);
    await service.query(
      `UPDATE reciprocity_ledger SET nudged_at = $3 WHERE author_id = $1 AND subject_id = $2`,
      [ana.id, ben.id, new Date(Date.now() - 31 * DAY_MS)],
    );
    await service.query(
      `UPDATE reciprocity_ledger SET nudged_at = $3 WHERE author_id = $1 AND subject_id = $2`,
      [cleo.id, ben.id, new Date(Date.now() - 29 * DAY_MS)],
    );

    expect((await service.purgeExpiredHistory()).nudges).toBeGreaterThanOrEqual(1);

    const again = recommendationGiven(ana, ben);
    await service.publish(RecommendationGivenV1, again, again.recommendationId);
    const withinWindow = recommendationGiven(cleo, ben);
    await service.publish(RecommendationGivenV1, withinWindow, withinWindow.recommendationId);
    await waitForEmails(ben.email, 4);

    const nudged = (await maildevInbox(ben.email))
      .filter((email) => email.text.includes('write one back'))
      .map((email) => email.subject);
    expect(nudged.sort()).toEqual([
      'Ana Lima recommended you',
      'Ana Lima recommended you',
      'Cleo Park recommended you',
    ]);
  });

  it('purges reminders sent or cancelled longer ago than REQUEST_REMINDER_RETENTION_DAYS, never a pending one', async () => {
    const [ana, ben, cleo, dan] = (await service.hire(
      'Ana Lima',
      'Ben Okafor',
      'Cleo Park',
      'Dan Reyes',
    )) as [TestEmployee, TestEmployee, TestEmployee, TestEmployee];
    const withdrawnLongAgo = randomUUID();
    const withdrawnLately = randomUUID();
    const pending = randomUUID();
    // Both withdrawals overtake their request: the cancelled rows are what keeps it from reminding.
    await withdraw(withdrawnLongAgo, ana, ben);
    await withdraw(withdrawnLately, ana, cleo);
    await service.settled();
    await service.query(`UPDATE request_reminder SET finished_at = $2 WHERE request_id = $1`, [
      withdrawnLongAgo,
      new Date(Date.now() - 9 * DAY_MS),
    ]);
    await service.query(`UPDATE request_reminder SET finished_at = $2 WHERE request_id = $1`, [
      withdrawnLately,
      new Date(Date.now() - 7 * DAY_MS),
    ]);
    await ask(pending, ana, dan, new Date());
    await service.settled();

    expect((await service.purgeExpiredHistory()).reminders).toBeGreaterThanOrEqual(1);
    await ask(withdrawnLately, ana, cleo, new Date());
    await service.settled();

    const reminders = await service.query<{ request_id: string; status: string }>(
      `SELECT request_id, status FROM request_reminder WHERE request_id = ANY($1) ORDER BY request_id`,
      [[withdrawnLongAgo, withdrawnLately, pending]],
    );
    expect(reminders).toEqual(
      [
        { request_id: withdrawnLately, status: 'cancelled' },
        { request_id: pending, status: 'pending' },
      ].sort((a, b) => a.request_id.localeCompare(b.request_id)),
    );
  });

  async function withdraw(
    requestId: string,
    requester: TestEmployee,
    recipient: TestEmployee,
  ): Promise<void> {
    await service.publish(
      RecommendationRequestWithdrawnV1,
      {
        requestId,
        requesterId: requester.id,
        recipientId: recipient.id,
        withdrawnAt: new Date().toISOString(),
      },
      requestId,
    );
  }

  async function ask(
    requestId: string,
    requester: TestEmployee,
    recipient: TestEmployee,
    at: Date,
  ): Promise<void> {
    await service.publish(
      RecommendationRequestedV1,
      {
        requestId,
        requesterId: requester.id,
        recipientId: recipient.id,
        relationship: 'coworker',
        message: null,
        requesterRecommendedRecipient: false,
        requestedAt: at.toISOString(),
        expiresAt: new Date(at.getTime() + 30 * DAY_MS).toISOString(),
      },
      requestId,
    );
  }
});
