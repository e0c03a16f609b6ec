import { delayAfter, type BackoffPolicy } from './backoff';

const policy: BackoffPolicy = { freeFailures: 5, firstDelaySeconds: 1, maxDelaySeconds: 900 };

describe('delayAfter', () => {
  it('costs nothing before the failures allowed', () => {
    expect([1, 2, 3, 4].map((failures) => delayAfter(failures, policy))).toEqual([0, 0, 0, 0]);
  });

  it('sets the first delay at the last failure allowed, and doubles it with each one after', () => {
    expect([5, 6, 7, 8, 14].map((failures) => delayAfter(failures, policy))).toEqual([1, 2, 4, 8, 512]);
  });

  it('never exceeds the ceiling, however many failures', () => {
    expect(delayAfter(15, policy)).toBe(900);
    expect(delayAfter(10_000, policy)).toBe(900);
  });
});
