import { Inject, Injectable } from '@nestjs/common';
import { TooManyRequestsError } from '../domain/abuse.errors';
import { AbuseCounters } from '../infrastructure/abuse-counters';
import { ABUSE_LIMITS, type AbuseLimits } from './abuse-limits';

const HOUR_SECONDS = 3_600;
const MINUTE_SECONDS = 60;

/**
 * The limits on what anyone may ask without signing in and what costs Vouch a hash or sends an
 * email: sign-ups, "resend the confirmation", "forgot password". Checked before any work is done.
 */
@Injectable()
export class RequestLimiter {
  constructor(
    private readonly counters: AbuseCounters,
    @Inject(ABUSE_LIMITS) private readonly limits: AbuseLimits,
  ) {}

  /** A sign-up from `address`: 429 past the address's hourly limit or everyone's per minute. */
  async admitSignUp(address: string): Promise<void> {
    const { maxPerAddressPerHour, maxPerMinute } = this.limits.registration;
    await this.admit(`register:address:${address}`, maxPerAddressPerHour, HOUR_SECONDS);
    await this.admit('register:all', maxPerMinute, MINUTE_SECONDS);
  }

  /**
   * A request for an account email (confirmation resent, password reset) for `email` from
   * `address`. The email's count does not depend on whether it has an account, so a 429 tells
   * nothing about that.
   */
  async admitAccountEmail(email: string, address: string): Promise<void> {
    const { maxPerAddressPerHour, maxPerEmailPerHour } = this.limits.accountEmails;
    await this.admit(`account-email:address:${address}`, maxPerAddressPerHour, HOUR_SECONDS);
    await this.admit(`account-email:email:${email}`, maxPerEmailPerHour, HOUR_SECONDS);
  }

  /**
   * A single sign-on start from `address`, which keeps a sign-in under way in the database: held to
   * the login limit for one address (LOGIN_MAX_ATTEMPTS_PER_ADDRESS), counted on its own.
   */
  async admitSingleSignOnStart(address: string): Promise<void> {
    const { maxAttemptsPerAddress, windowSeconds } = this.limits.login;
    await this.admit(`sso-start:address:${address}`, maxAttemptsPerAddress, windowSeconds);
  }

  private async admit(key: string, limit: number, windowSeconds: number): Promise<void> {
    const wait = await this.counters.take(key, limit, windowSeconds);
    if (wait !== undefined) throw new TooManyRequestsError(wait);
  }
}
