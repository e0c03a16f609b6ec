import { isDatabaseUnavailable } from '@vouch/persistence';
import { backoffDelay } from '../backoff';
import type { EventConsumerSettings } from './event-consumer-settings';
import { PermanentEventError, type DeadLetterReason } from './event-errors';

/** What follows a failed attempt at an event handled alone. */
export type AfterFailure =
  | { action: 'wait-for-database'; delayMs: number }
  | { action: 'retry'; delayMs: number }
  | { action: 'dead-letter'; reason: Extract<DeadLetterReason, 'permanent-error' | 'retries-exhausted'> };

/**
 * Decides what follows a failed attempt: `attempt` is the one that failed, `waitsForDatabase` how
 * many outages the event already waited out. An outage is no fault of the event: it is waited
 * out, however long, without spending its attempts, or a restart of PostgreSQL would dead-letter
 * whatever was being handled.
 */
export function afterFailure(
  error: unknown,
  { attempt, waitsForDatabase }: { attempt: number; waitsForDatabase: number },
  { maxAttempts, retryBackoff }: Pick<EventConsumerSettings, 'maxAttempts' | 'retryBackoff'>,
  random: () => number = Math.random,
): AfterFailure {
  const permanent = error instanceof PermanentEventError;
  if (!permanent && isDatabaseUnavailable(error))
    return { action: 'wait-for-database', delayMs: backoffDelay(retryBackoff, waitsForDatabase + 1, random) };
  if (permanent) return { action: 'dead-letter', reason: 'permanent-error' };
  if (attempt >= maxAttempts) return { action: 'dead-letter', reason: 'retries-exhausted' };
  return { action: 'retry', delayMs: backoffDelay(retryBackoff, attempt, random) };
}
