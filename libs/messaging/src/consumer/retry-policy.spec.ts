import { PermanentEventError, PrerequisiteNotYetAppliedError } from './event-errors';
import { afterFailure } from './retry-policy';

const settings = {
  maxAttempts: 3,
  retryBackoff: { initialDelayMs: 100, maxDelayMs: 1_000 },
  prerequisiteWaitMs: 10_000,
};
const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

/** The decision after `attempt` failed, the backoff at its longest (full jitter: half of it to all of it). */
const after = (error: unknown, attempt: number, waitsForDatabase = 0) =>
  afterFailure(
    error,
    { attempt, waitsForDatabase, waitsForPrerequisite: 0, waitedForPrerequisiteMs: 0 },
    settings,
    () => 1,
  );
const notYet = new PrerequisiteNotYetAppliedError('employee e-1 is not in the replica yet');
/** The decision after an event waited `waits` times, `waitedMs` in all, for what another topic brings. */
const afterWaiting = (waits: number, waitedMs: number, attempt = 1) =>
  afterFailure(
    notYet,
    { attempt, waitsForDatabase: 0, waitsForPrerequisite: waits, waitedForPrerequisiteMs: waitedMs },
    settings,
    () => 1,
  );

describe('what follows a failed attempt at an event', () => {
  it('retries a transient failure with a growing backoff while attempts remain', () => {
    expect(after(new Error('timeout'), 1)).toEqual({ action: 'retry', delayMs: 100 });
    expect(after(new Error('timeout'), 2)).toEqual({ action: 'retry', delayMs: 200 });
  });

  it('dead-letters a transient failure once the last attempt failed', () => {
    expect(after(new Error('timeout'), 3)).toEqual({ action: 'dead-letter', reason: 'retries-exhausted' });
  });

  it('dead-letters a permanent error at once', () => {
    expect(after(new PermanentEventError('never'), 1)).toEqual({
      action: 'dead-letter',
      reason: 'permanent-error',
    });
  });

  it('waits out a database outage however long, its backoff counted by the waits, not the attempts', () => {
    expect(after(refused, 3)).toEqual({ action: 'wait-for-database', delayMs: 100 });
    expect(after(refused, 1, 20)).toEqual({ action: 'wait-for-database', delayMs: 1_000 });
  });

  it('dead-letters a permanent error even when it names an unavailable database', () => {
    const permanent = Object.assign(new PermanentEventError('never'), { code: 'ECONNREFUSED' });
    expect(after(permanent, 1)).toEqual({ action: 'dead-letter', reason: 'permanent-error' });
  });

  it('waits for a prerequisite of another topic beyond the attempts, with a growing backoff', () => {
    expect(afterWaiting(0, 0, 3)).toEqual({ action: 'wait-for-prerequisite', delayMs: 100 });
    expect(afterWaiting(1, 100)).toEqual({ action: 'wait-for-prerequisite', delayMs: 200 });
    expect(afterWaiting(12, 8_000)).toEqual({ action: 'wait-for-prerequisite', delayMs: 1_000 });
  });

  it('waits no longer than prerequisiteWaitMs in all, then dead-letters the event', () => {
    expect(afterWaiting(13, 9_700)).toEqual({ action: 'wait-for-prerequisite', delayMs: 300 });
    expect(afterWaiting(14, 10_000)).toEqual({ action: 'dead-letter', reason: 'retries-exhausted' });
  });
});
