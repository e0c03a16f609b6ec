import { Inject, Injectable } from '@nestjs/common';
import { PeriodicSweep } from '@vouch/platform';
import { ExpireDueRequestsUseCase } from '../application/expire-due-requests.use-case';
import {
  RECOMMENDATIONS_SETTINGS,
  type RecommendationsSettings,
} from '../application/recommendations.settings';

/**
 * Sweeps due requests every EXPIRY_SWEEP_INTERVAL_MS. Every instance sweeps; the rows each claims
 * are locked and skipped by the others, so nothing expires twice.
 */
@Injectable()
export class RequestExpiryScheduler extends PeriodicSweep {
  constructor(
    private readonly expireDueRequests: ExpireDueRequestsUseCase,
    @Inject(RECOMMENDATIONS_SETTINGS) private readonly settings: RecommendationsSettings,
  ) {
    super();
  }

  protected intervalMs(): number {
    return this.settings.expirySweepIntervalMs;
  }

  protected async sweepOnce(): Promise<string | undefined> {
    const expired = await this.expireDueRequests.execute();
    return expired > 0 ? `expired ${expired} recommendation requests` : undefined;
  }
}
