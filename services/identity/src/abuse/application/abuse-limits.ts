import type { BackoffPolicy } from '../domain/backoff';

/** What configuration decides about the abuse limits (docs/operations.md, "Abuse limits"). */
export interface AbuseLimits {
  login: {
    /** Login attempts from one client address in a window, whatever the emails: spraying. */
    maxAttemptsPerAddress: number;
    windowSeconds: number;
    /** Failed logins to one account (or from its usual address) before and after the delays start. */
    backoff: BackoffPolicy;
  };
  registration: {
    /** Sign-ups from one client address in an hour. */
    maxPerAddressPerHour: number;
    /** Sign-ups in a minute across every instance: each costs a 64 MiB argon2 hash. */
    maxPerMinute: number;
  };
  accountEmails: {
    /** "Resend the confirmation" and "forgot password" requests from one client address in an hour. */
    maxPerAddressPerHour: number;
    /** The same, for one email in an hour, whether or not it has an account. */
    maxPerEmailPerHour: number;
  };
}

export const ABUSE_LIMITS = Symbol('ABUSE_LIMITS');
