import { PermanentEventError } from './event-errors';
import { afterFailure } from './retry-policy';

const settings = { maxAttempts: 3, retryBackoff: { initialDelayMs: 100, maxDelayMs: 1_000 } };
const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

/** The decision after `attempt` failed, the backoff at its longest (full jitter: half of it to all of it). */
const after = (error: unknown, attempt: number, waitsForDatabase = 0) =>
  afterFailure(error, { attempt, waitsForDatabase }, settings, () => 1);

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
});
