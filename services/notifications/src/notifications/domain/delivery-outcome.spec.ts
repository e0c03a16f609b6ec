import { afterFailure, safeDisplayName } from './delivery-outcome';

describe('afterFailure', () => {
  const policy = { maxAttempts: 3, initialDelayMs: 1_000, maxDelayMs: 60_000 };

  it('fails a 5xx refusal at once, as permanent', () => {
    expect(afterFailure({ responseCode: 550, reason: '550 no such user' }, 1, policy)).toEqual({
      kind: 'fail',
      permanent: true,
      reason: '550 no such user',
    });
  });

  it('retries a 4xx or a connection error with a growing delay', () => {
    const first = afterFailure({ responseCode: 421, reason: 'busy' }, 1, policy, () => 1);
    const second = afterFailure({ reason: 'ECONNREFUSED' }, 2, policy, () => 1);
    expect(first).toEqual({ kind: 'retry', delayMs: 1_000 });
    expect(second).toEqual({ kind: 'retry', delayMs: 2_000 });
  });

  it("retries a refused login, 5xx or not: it is Vouch's setup that fails, not the email", () => {
    const refused = {
      responseCode: 535,
      loginRefused: true,
      reason: '535 5.7.3 Authentication unsuccessful',
    };
    expect(afterFailure(refused, 1, policy, () => 1)).toEqual({ kind: 'retry', delayMs: 1_000 });
    expect(afterFailure(refused, 3, policy)).toMatchObject({ kind: 'fail', permanent: false });
  });

  it('gives up a temporary failure once the attempts run out, as not permanent', () => {
    expect(afterFailure({ responseCode: 421, reason: 'busy' }, 3, policy)).toMatchObject({
      kind: 'fail',
      permanent: false,
    });
  });
});

describe('safeDisplayName', () => {
  it('removes line breaks that could inject headers', () => {
    expect(safeDisplayName('Ana\r\nBcc: evil@example.com')).toBe('Ana Bcc: evil@example.com');
  });
});
