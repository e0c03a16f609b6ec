/**
 * A handler throws this when retrying cannot help (the event contradicts the service's state in a
 * way no retry will fix). The event goes straight to the dead-letter topic. Any other error is
 * taken as transient and retried a bounded number of times first.
 */
export class PermanentEventError extends Error {
  override readonly name = 'PermanentEventError';
}

/** Why a message went to the dead-letter topic. */
export type DeadLetterReason =
  'invalid-envelope' | 'invalid-data' | 'unknown-version' | 'permanent-error' | 'retries-exhausted';
