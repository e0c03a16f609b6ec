import { HttpStatus, Inject, Injectable, Module, type DynamicModule } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { PeriodicSweep } from '../../periodic-sweep';
import type { ErrorMapping } from '../problem-details';
import { IdempotencyKeyInFlightError, IdempotencyKeyReusedError } from './idempotency-key';
import { IdempotencyKeyStore, PostgresIdempotencyKeyStore } from './idempotency-key.store';
import {
  IDEMPOTENCY_SETTINGS,
  IdempotencyInterceptor,
  type IdempotencySettings,
} from './idempotency.interceptor';

/** The variables of a service whose routes take `Idempotency-Key`, validated at boot. */
export const idempotencyEnvironment = z.object({
  /** How long a key is kept, and so how long a retry gets the first answer: 1 hour to 30 days. */
  IDEMPOTENCY_KEY_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(24),
});

/** How the key's refusals are answered (the draft's 409 and 422). */
export const idempotencyErrorMappings: ErrorMapping[] = [
  { error: IdempotencyKeyInFlightError, status: HttpStatus.CONFLICT, title: 'Request in progress' },
  {
    error: IdempotencyKeyReusedError,
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    title: 'Idempotency-Key reused',
  },
];

const PURGE_BATCH = 1_000;

/** Forgets, every ten minutes, the keys past IDEMPOTENCY_KEY_TTL_HOURS. */
@Injectable()
export class IdempotencyKeySweep extends PeriodicSweep {
  constructor(@Inject(IdempotencyKeyStore) private readonly store: IdempotencyKeyStore) {
    super();
  }

  protected intervalMs(): number {
    return 10 * 60_000;
  }

  /** Public, so a test can run one sweep without waiting. */
  async sweepOnce(): Promise<string | undefined> {
    let forgotten = 0;
    for (;;) {
      const count = await this.store.purgeExpired(PURGE_BATCH);
      forgotten += count;
      if (count < PURGE_BATCH) break;
    }
    return forgotten > 0 ? `forgot ${forgotten} expired idempotency keys` : undefined;
  }
}

/**
 * `Idempotency-Key` for the service's `@Idempotent()` routes, kept in its table `idempotency_key`
 * (which the service's own migration creates) and purged once expired.
 */
@Module({})
export class IdempotencyModule {
  static forRoot(settings: IdempotencySettings): DynamicModule {
    return {
      module: IdempotencyModule,
      global: true,
      providers: [
        { provide: IDEMPOTENCY_SETTINGS, useValue: settings },
        {
          provide: IdempotencyKeyStore,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new PostgresIdempotencyKeyStore(dataSource),
        },
        IdempotencyInterceptor,
        IdempotencyKeySweep,
      ],
      exports: [IDEMPOTENCY_SETTINGS, IdempotencyKeyStore, IdempotencyInterceptor, IdempotencyKeySweep],
    };
  }
}
