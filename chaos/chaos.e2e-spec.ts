import {
  idempotentRetries,
  idleTransactionOnOutbox,
  killEachService,
  killSenderAfterAcceptance,
  outboxPoison,
  poisonMessages,
  smtpFaults,
} from './scenarios';
import type { LoadShape } from './support/harness';

/**
 * The short version of `npm run chaos`, for `npm test`: seven of the scenarios, with a smaller load,
 * fewer kills, a shorter SMTP outage and a shorter idle transaction. The full run (every scenario,
 * every service) is `npm run chaos`.
 */
const SHORT_LOAD: LoadShape = { writesPerSecond: 6, colleagues: 8, steadyMs: 3_000, settleMs: 90_000 };

describe('fault tests, short version', () => {
  let progress: string[] = [];
  const log = (line: string) => progress.push(line);

  beforeEach(() => {
    progress = [];
  });

  it('loses no email when connections and notifications are killed -9 under load, and flags any SMTP re-send', async () => {
    const result = await killEachService({ shape: SHORT_LOAD, short: true, log });

    // The progress log comes along so that a failure says how far the scenario got.
    expect({ failures: result.failures, progress }).toEqual({ failures: [], progress: expect.any(Array) });
    expect(result).toMatchObject({ kills: 2, lost: 0 });
    // Killing notifications inside an SMTP hand-over re-sends that message after the restart (SMTP
    // has no idempotency): rare at this load, and each such duplicate is named by the reconciler.
    expect(result.reconciliation.duplicated).toHaveLength(result.duplicated);
    for (const duplicate of result.reconciliation.duplicated)
      expect(duplicate).toMatchObject({ messageId: expect.stringMatching(/^<.+@vouch>$/), accepted: 2 });
    expect(result.received).toBe(result.emailsDue);
    expect(result.emailsDue).toBeGreaterThan(0);
  }, 300_000);

  it('flags the one duplicate of each kill of the sender between SMTP acceptance and its ledger update', async () => {
    const result = await killSenderAfterAcceptance({ shape: SHORT_LOAD, short: true, log });

    expect({ failures: result.failures, progress }).toEqual({ failures: [], progress: expect.any(Array) });
    expect(result.lost).toBe(0);
    // The message in flight at the kill is accepted again after the restart: SMTP has no
    // idempotency. The reconciler names it by its Message-ID.
    expect(result.duplicated).toBe(result.kills);
    expect(result.reconciliation.duplicated).toEqual([
      expect.objectContaining({ messageId: expect.stringMatching(/^<.+@vouch>$/), accepted: 2 }),
    ]);
  }, 300_000);

  it('delivers through an SMTP outage and 421s, and fails each email to a 550 recipient once', async () => {
    const result = await smtpFaults({ shape: SHORT_LOAD, short: true, log });

    expect({ failures: result.failures, progress }).toEqual({ failures: [], progress: expect.any(Array) });
    expect(result).toMatchObject({ lost: 0, duplicated: 0 });
    expect(result.refused).toBeGreaterThan(0);
    expect(result.received + result.refused).toBe(result.emailsDue);
    expect(result.reconciliation.refused.every((refusal) => refusal.status === 'failed')).toBe(true);
  }, 300_000);

  it('dead-letters a poison message in each topic and keeps the partitions flowing', async () => {
    const result = await poisonMessages({ shape: SHORT_LOAD, log });

    expect({ failures: result.failures, progress }).toEqual({ failures: [], progress: expect.any(Array) });
    expect(result).toMatchObject({ lost: 0, duplicated: 0 });
    expect(result.notes).toContainEqual(
      expect.stringMatching(/^vouch\.recommendations\.recommendations\.v1\.dlq\.notifications: 2 parked/),
    );
  }, 300_000);

  it('keeps events flowing while a transaction sits idle on locked outbox events, and publishes them once it ends', async () => {
    const result = await idleTransactionOnOutbox({ shape: SHORT_LOAD, short: true, log });

    expect({ failures: result.failures, progress }).toEqual({ failures: [], progress: expect.any(Array) });
    expect(result).toMatchObject({ lost: 0, duplicated: 0 });
    expect(result.received).toBe(result.emailsDue);
    expect(result.notes).toContainEqual(
      expect.stringMatching(/^while locked \(\d+ s\): \d+ emails, the longest stall/),
    );
  }, 300_000);

  it('creates one row, one event and one email for the same Idempotency-Key sent five times at once on each route', async () => {
    const result = await idempotentRetries({ shape: SHORT_LOAD, short: true, log });

    expect({ failures: result.failures, progress }).toEqual({ failures: [], progress: expect.any(Array) });
    expect(result).toMatchObject({ lost: 0, duplicated: 0 });
    for (const route of ['connection-requests', 'recommendation-requests', 'recommendations'])
      expect(result.notes).toContainEqual(
        expect.stringMatching(new RegExp(`^${route} \\S+: 1 row, 1 event, 1 email$`)),
      );
  }, 300_000);

  it('parks an event Kafka refuses for good, alone, and delivers it once released', async () => {
    const result = await outboxPoison({ shape: SHORT_LOAD, short: true, log });

    expect({ failures: result.failures, progress }).toEqual({ failures: [], progress: expect.any(Array) });
    expect(result).toMatchObject({ lost: 0, duplicated: 0 });
    expect(result.received).toBe(result.emailsDue);
    expect(result.notes).toContainEqual(
      expect.stringMatching(/^messaging_outbox_parked 1 on recommendations/),
    );
  }, 300_000);
});
