import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
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
export class RequestExpiryScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RequestExpiryScheduler.name);
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> = Promise.resolve();
  private running = false;

  constructor(
    private readonly expireDueRequests: ExpireDueRequestsUseCase,
    @Inject(RECOMMENDATIONS_SETTINGS) private readonly settings: RecommendationsSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.sweep(), this.settings.expirySweepIntervalMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  private sweep(): void {
    // A tick that finds the last sweep still running skips rather than queueing up behind it.
    if (this.running) return;
    this.running = true;
    this.sweeping = this.expireDueRequests
      .execute()
      .then((expired) => {
        if (expired > 0) this.logger.log(`expired ${expired} recommendation requests`);
      })
      .catch((error: unknown) => {
        this.logger.error(
          `request expiry sweep failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      })
      .finally(() => {
        this.running = false;
      });
  }
}
