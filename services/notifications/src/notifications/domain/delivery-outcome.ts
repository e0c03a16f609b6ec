import { backoffDelay, type BackoffPolicy } from '@vouch/messaging';

/** What went wrong handing an email to SMTP, as far as the decision to retry cares. */
export interface SmtpFailure {
  /** The SMTP reply code, when the server answered; none for connection errors and timeouts. */
  responseCode?: number;
  /** The server refused Vouch's own login (a wrong password, a token it no longer takes). */
  loginRefused?: boolean;
  reason: string;
}

export interface RetryPolicy extends BackoffPolicy {
  maxAttempts: number;
}

export type NextStep =
  { kind: 'retry'; delayMs: number } | { kind: 'fail'; permanent: boolean; reason: string };

/**
 * After a failed attempt: a 5xx is a refusal that will not change, so it fails at once; a 4xx or a
 * connection error is temporary and retried with backoff until the attempts run out. So is a
 * refused login, 5xx or not: it says nothing about the email, and an operator fixes it (a secret
 * rotated, consent granted) while the attempts last.
 */
export function afterFailure(
  failure: SmtpFailure,
  attempts: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): NextStep {
  const permanent =
    !failure.loginRefused && failure.responseCode !== undefined && failure.responseCode >= 500;
  if (permanent) return { kind: 'fail', permanent: true, reason: failure.reason };
  if (attempts >= policy.maxAttempts) return { kind: 'fail', permanent: false, reason: failure.reason };
  return { kind: 'retry', delayMs: backoffDelay(policy, attempts, random) };
}

/** A display name as a header can carry it: no line breaks (header injection), no control characters. */
export function safeDisplayName(name: string): string {
  return name
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
}
