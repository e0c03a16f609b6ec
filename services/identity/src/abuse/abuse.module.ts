import { Module, type DynamicModule } from '@nestjs/common';
import type { IdentityEnvironment } from '../config';
import { ABUSE_LIMITS, type AbuseLimits } from './application/abuse-limits';
import { LoginLimiter } from './application/login-limiter';
import { RequestLimiter } from './application/request-limiter';
import { AbuseCounters } from './infrastructure/abuse-counters';
import { AbuseCountersSweep } from './infrastructure/abuse-counters.sweep';

/** Limits on sign-in, sign-up and the account emails, per account and per client address. */
@Module({})
export class AbuseModule {
  static forRoot(environment: IdentityEnvironment): DynamicModule {
    const limits: AbuseLimits = {
      login: {
        maxAttemptsPerAddress: environment.LOGIN_MAX_ATTEMPTS_PER_ADDRESS,
        windowSeconds: environment.LOGIN_WINDOW_SECONDS,
        backoff: {
          freeFailures: environment.LOGIN_FAILURES_BEFORE_DELAY,
          firstDelaySeconds: environment.LOGIN_FIRST_DELAY_SECONDS,
          maxDelaySeconds: environment.LOGIN_MAX_DELAY_SECONDS,
        },
      },
      registration: {
        maxPerAddressPerHour: environment.REGISTRATIONS_PER_ADDRESS_PER_HOUR,
        maxPerMinute: environment.REGISTRATIONS_PER_MINUTE,
      },
      accountEmails: {
        maxPerAddressPerHour: environment.ACCOUNT_EMAIL_REQUESTS_PER_ADDRESS_PER_HOUR,
        maxPerEmailPerHour: environment.ACCOUNT_EMAIL_REQUESTS_PER_EMAIL_PER_HOUR,
      },
    };
    return {
      module: AbuseModule,
      providers: [
        { provide: ABUSE_LIMITS, useValue: limits },
        AbuseCounters,
        AbuseCountersSweep,
        LoginLimiter,
        RequestLimiter,
      ],
      exports: [LoginLimiter, RequestLimiter],
    };
  }
}
