import { consumerTimingProblem, defaultEventConsumerSettings } from './event-consumer-settings';

describe("the event consumer's timing", () => {
  it('has defaults that hand a dead member’s partitions on within 10 s, the heartbeat well inside the session', () => {
    const { sessionTimeoutMs, heartbeatIntervalMs } = defaultEventConsumerSettings;
    // What a kill costs: the session, a heartbeat (or an idle fetch) until the survivor hears of it, the rejoin.
    expect(sessionTimeoutMs + heartbeatIntervalMs).toBeLessThanOrEqual(8_000);
    expect(consumerTimingProblem(defaultEventConsumerSettings)).toBeUndefined();
  });

  it('accepts a heartbeat of up to a third of the session', () => {
    expect(
      consumerTimingProblem({ sessionTimeoutMs: 9_000, heartbeatIntervalMs: 3_000, fetchMaxWaitMs: 50 }),
    ).toBeUndefined();
  });

  it('refuses a heartbeat slower than a third of the session, or none', () => {
    expect(
      consumerTimingProblem({ sessionTimeoutMs: 30_000, heartbeatIntervalMs: 10_001, fetchMaxWaitMs: 50 }),
    ).toBe('the heartbeat interval (10001 ms) must be at most a third of the session timeout (30000 ms)');
    expect(
      consumerTimingProblem({ sessionTimeoutMs: 6_000, heartbeatIntervalMs: 0, fetchMaxWaitMs: 0 }),
    ).toMatch(/must be positive/);
  });

  it('refuses a fetch that waits longer than a heartbeat interval', () => {
    expect(
      consumerTimingProblem({ sessionTimeoutMs: 6_000, heartbeatIntervalMs: 1_000, fetchMaxWaitMs: 1_000 }),
    ).toBeUndefined();
    expect(
      consumerTimingProblem({ sessionTimeoutMs: 6_000, heartbeatIntervalMs: 1_000, fetchMaxWaitMs: 1_001 }),
    ).toBe("a fetch's longest wait (1001 ms) must be between 0 and the heartbeat interval (1000 ms)");
  });
});
