/**
 * A handler throws this when retrying cannot help (the event contradicts the service's state in a
 * way no retry will fix). The event goes straight to the dead-letter topic. Any other error is
 * taken as transient and retried a bounded number of times first.
 */
export class PermanentEventError extends Error {
  override readonly name = 'PermanentEventError';
}

/**
 * A handler throws this when the event needs what an event of another topic brings, and this
 * service has not applied that one yet (notifications hearing of a connection before identity's
 * event of the employee). Topics are not ordered with each other, and a partition stands still while
 * the group hands it on after a member died (a session timeout and a rebalance, seconds), so the
 * event waits for it, up to `prerequisiteWaitMs`, without spending its attempts.
 */
export class PrerequisiteNotYetAppliedError extends Error {
  override readonly name: string = 'PrerequisiteNotYetAppliedError';
}

/** Why a message went to the dead-letter topic. */
export type DeadLetterReason =
  'invalid-envelope' | 'invalid-data' | 'unknown-version' | 'permanent-error' | 'retries-exhausted';
