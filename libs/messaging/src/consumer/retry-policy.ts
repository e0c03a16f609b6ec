import { isDatabaseUnavailable } from '@vouch/persistence';
import { backoffDelay } from '../backoff';
import type { EventConsumerSettings } from './event-consumer-settings';
import { PermanentEventError, PrerequisiteNotYetAppliedError, type DeadLetterReason } from './event-errors';

/** What follows a failed attempt at an event handled alone. */
export type AfterFailure =
  | { action: 'wait-for-database'; delayMs: number }
  | { action: 'wait-for-prerequisite'; delayMs: number }
  | { action: 'retry'; delayMs: number }
  | { action: 'dead-letter'; reason: Extract<DeadLetterReason, 'permanent-error' | 'retries-exhausted'> };

/** What an event went through before the attempt that just failed. */
export interface FailureHistory {
  /** The attempt that failed, the first being 1. */
  attempt: number;
  /** How many database outages the event already waited out. */
  waitsForDatabase: number;
  /** How many times it already waited for a prerequisite, and for how long in all. */
  waitsForPrerequisite: number;
  waitedForPrerequisiteMs: number;
}

/**
 * Decides what follows a failed attempt. An outage is no fault of the event: it is waited out,
 * however long, without spending its attempts, or a restart of PostgreSQL would dead-letter whatever
 * was being handled. A prerequisite not applied yet is waited for too, up to `prerequisiteWaitMs`:
 * a stalled partition of another topic moves again within seconds, one that never does is a fault
 * for an operator (the dead-letter topic), not a reason to block this partition forever.
 */
export function afterFailure(
  error: unknown,
  { attempt, waitsForDatabase, waitsForPrerequisite, waitedForPrerequisiteMs }: FailureHistory,
  {
    maxAttempts,
    retryBackoff,
    prerequisiteWaitMs,
  }: Pick<EventConsumerSettings, 'maxAttempts' | 'retryBackoff' | 'prerequisiteWaitMs'>,
  random: () => number = Math.random,
): AfterFailure {
  const permanent = error instanceof PermanentEventError;
  if (!permanent && isDatabaseUnavailable(error))
    return { action: 'wait-for-database', delayMs: backoffDelay(retryBackoff, waitsForDatabase + 1, random) };
  if (permanent) return { action: 'dead-letter', reason: 'permanent-error' };
  if (error instanceof PrerequisiteNotYetAppliedError) {
    const left = prerequisiteWaitMs - waitedForPrerequisiteMs;
    if (left <= 0) return { action: 'dead-letter', reason: 'retries-exhausted' };
    const delayMs = Math.min(left, backoffDelay(retryBackoff, waitsForPrerequisite + 1, random));
    return { action: 'wait-for-prerequisite', delayMs };
  }
  if (attempt >= maxAttempts) return { action: 'dead-letter', reason: 'retries-exhausted' };
  return { action: 'retry', delayMs: backoffDelay(retryBackoff, attempt, random) };
}
