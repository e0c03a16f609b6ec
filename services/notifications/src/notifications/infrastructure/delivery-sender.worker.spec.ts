import { claimSizeFor } from './delivery-sender.worker';

describe('the deliveries a sending lane claims at once', () => {
  const settings = { senderBatchSize: 10, senderConcurrency: 4, senderLeaseMs: 60_000 };

  it('is the batch size when no rate limit holds the lanes back', () => {
    expect(claimSizeFor(settings)).toBe(10);
  });

  it('stays under what the lanes may send, sharing a rate limit, within half the lease', () => {
    // 1 email/s shared by 4 lanes over 30 s: 7 each, the last of them sent after about 28 s.
    expect(claimSizeFor({ ...settings, smtpRateLimitPerSecond: 1 })).toBe(7);
    expect(claimSizeFor({ ...settings, smtpRateLimitPerSecond: 14 })).toBe(10);
  });

  it('is at least one, however slow the rate', () => {
    expect(claimSizeFor({ ...settings, senderConcurrency: 100, smtpRateLimitPerSecond: 1 })).toBe(1);
  });
});
