import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  const policy = { initialDelayMs: 100, maxDelayMs: 1_000 };

  it('doubles the ceiling with each attempt', () => {
    expect(backoffDelay(policy, 1, () => 1)).toBe(100);
    expect(backoffDelay(policy, 2, () => 1)).toBe(200);
    expect(backoffDelay(policy, 3, () => 1)).toBe(400);
  });

  it('never waits longer than the maximum', () => {
    expect(backoffDelay(policy, 30, () => 1)).toBe(1_000);
  });

  it('jitters between half the ceiling and the ceiling', () => {
    expect(backoffDelay(policy, 3, () => 0)).toBe(200);
    expect(backoffDelay(policy, 3, () => 0.5)).toBe(300);
  });
});
