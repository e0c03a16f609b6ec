import { Inject, Injectable } from '@nestjs/common';
import { AbuseCounters } from '../infrastructure/abuse-counters';
import { ABUSE_LIMITS, type AbuseLimits } from './abuse-limits';

/** Failures are forgotten a day after the last one, or at once by a sign-in or a password reset. */
const FAILURE_MEMORY_SECONDS = 24 * 3_600;
/** An address an account signed in from is its usual address for this long after. */
const USUAL_ADDRESS_SECONDS = 30 * 24 * 3_600;

const addressKey = (address: string) => `login:address:${address}`;
const accountKey = (email: string) => `login:account:${email}`;
// Emails (as validated) hold no space, so `email + ' '` prefixes exactly that email's keys.
const pairPrefix = (email: string) => `login:pair:${email} `;
const pairKey = (email: string, address: string) => `${pairPrefix(email)}${address}`;
const usualKey = (email: string, address: string) => `login:usual:${email} ${address}`;

/**
 * The login limits (OWASP Authentication and Credential Stuffing cheat sheets): a cap on attempts
 * from one client address, whatever the emails (spraying), and growing delays on failures against
 * one account (brute force) instead of a lockout. Every attempt counts as a failure until it
 * succeeds, so attempts sent at once cannot slip past the delay.
 *
 * An attacker's failures must not keep the owner out: from an address the account signed in from in
 * the last 30 days only that address's own failures delay it, and a password reset forgives all.
 */
@Injectable()
export class LoginLimiter {
  constructor(
    private readonly counters: AbuseCounters,
    @Inject(ABUSE_LIMITS) private readonly limits: AbuseLimits,
  ) {}

  /** Counts an attempt. Returns the seconds to wait when it may not go ahead. */
  async admit(email: string, address: string): Promise<number | undefined> {
    const { maxAttemptsPerAddress, windowSeconds, backoff } = this.limits.login;
    const spraying = await this.counters.take(addressKey(address), maxAttemptsPerAddress, windowSeconds);
    if (spraying !== undefined) return spraying;
    const key = (await this.counters.remembers(usualKey(email, address)))
      ? pairKey(email, address)
      : accountKey(email);
    return this.counters.attempt(key, backoff, FAILURE_MEMORY_SECONDS);
  }

  /** A sign-in forgives the account its failures and makes the address one of its usual ones. */
  async succeeded(email: string, address: string): Promise<void> {
    await this.counters.forgive(accountKey(email));
    await this.counters.forgive(pairKey(email, address));
    await this.counters.remember(usualKey(email, address), USUAL_ADDRESS_SECONDS);
  }

  /** After a password reset, proof of the address: the account's failures no longer delay anyone. */
  async forgive(email: string): Promise<void> {
    await this.counters.forgive(accountKey(email));
    await this.counters.forgiveAll(pairPrefix(email));
  }
}
