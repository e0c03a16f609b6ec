import { setTimeout as sleep } from 'node:timers/promises';
import { EmailSentV1 } from '@vouch/contracts';
import { waitForEmails } from '@vouch/testing';
import { NotificationsTestApp } from './support/notifications-test-app';

const COLLEAGUES = 8;

/**
 * Ana asks eight colleagues to connect, 100 ms apart (each request planned in a transaction of its
 * own), on a notifications instance that gathers for `gatherMs`; what the sender wrote once every
 * email arrived. Rows one statement wrote share its transaction id (`xmin`), and every outcome is a
 * statement of its own, so the sent deliveries' distinct ids count the outcome statements.
 */
async function sendRequestsApart(gatherMs: number) {
  const service = await NotificationsTestApp.start(`sender_gather_${gatherMs}`, {
    SENDER_GATHER_MS: String(gatherMs),
    // Only the wake-ups at commit start lanes within the test.
    SENDER_POLL_INTERVAL_MS: '600000',
  });
  try {
    const [ana, ...colleagues] = await service.hire(
      'Ana Lima',
      ...Array.from({ length: COLLEAGUES }, (_, index) => `Colleague ${index + 1}`),
    );
    if (!ana) throw new Error('Ana was not hired');
    for (const colleague of colleagues) {
      await service.askToConnect(ana, colleague);
      await sleep(100);
    }
    for (const colleague of colleagues) await waitForEmails(colleague.email);
    const [written = { sent: 0, statements: 0, announced: 0 }] = await service.query<{
      sent: number;
      statements: number;
      announced: number;
    }>(
      `SELECT count(*)::int AS sent, count(DISTINCT xmin::text)::int AS statements,
              (SELECT count(*)::int FROM outbox WHERE event_type = $1) AS announced
         FROM delivery WHERE status = 'sent'`,
      [EmailSentV1.type],
    );
    return written;
  } finally {
    await service.close();
  }
}

describe('the sender under a stream of new deliveries', () => {
  it('sends each delivery as it comes without gathering: an outcome statement each', async () => {
    const written = await sendRequestsApart(0);

    expect(written.sent).toBe(COLLEAGUES);
    expect(written.announced).toBe(COLLEAGUES);
    // Measured: one each (8); a busy machine may answer two together.
    expect(written.statements).toBeGreaterThanOrEqual(COLLEAGUES - 2);
  }, 120_000);

  it('claims what was committed while it gathered together, and writes their outcomes in fewer statements', async () => {
    const written = await sendRequestsApart(1_000);

    expect(written.sent).toBe(COLLEAGUES);
    // Each outcome still announced with its EmailSent, in the same statement.
    expect(written.announced).toBe(COLLEAGUES);
    // One claim for the eight, sent together: the first answer is written alone, the others with
    // those that answered while it was written (measured: 4 and 5 statements; 8 without gathering).
    expect(written.statements).toBeLessThan(COLLEAGUES);
  }, 120_000);
});
