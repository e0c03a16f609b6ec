/** How failed sign-ins to one account slow down: free at first, then doubling, up to a ceiling. */
export interface BackoffPolicy {
  /** Failures before an attempt must wait: the one that reaches it sets the first delay. */
  freeFailures: number;
  /** The first delay. */
  firstDelaySeconds: number;
  /** No delay is longer: an attacker never keeps the owner out for more than this at a time. */
  maxDelaySeconds: number;
}

/**
 * How long to wait after the `failures`-th failure (counting this one) before the next attempt:
 * none before `freeFailures`, the first delay at it, doubling with each further failure, capped.
 */
export function delayAfter(failures: number, policy: BackoffPolicy): number {
  const beyond = failures - policy.freeFailures;
  if (beyond < 0) return 0;
  // 2^beyond overflows to Infinity long before it matters; the cap handles it.
  return Math.min(policy.maxDelaySeconds, policy.firstDelaySeconds * 2 ** beyond);
}
