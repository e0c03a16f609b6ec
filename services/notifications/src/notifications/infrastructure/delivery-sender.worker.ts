import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { SendNextDeliveryUseCase } from '../application/send-next-delivery.use-case';
import { NOTIFICATIONS_SETTINGS, type NotificationsSettings } from '../application/notifications.settings';

/**
 * Sends pending deliveries apart from the Kafka handlers, so a slow SMTP server never stalls a
 * partition. Every SENDER_POLL_INTERVAL_MS it drains what is due with SENDER_CONCURRENCY lanes; each
 * lane claims one row at a time, so several instances share the work without sending twice.
 */
@Injectable()
export class DeliverySenderWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeliverySenderWorker.name);
  private timer: NodeJS.Timeout | undefined;
  private draining: Promise<void> = Promise.resolve();
  private running = false;
  private stopping = false;

  constructor(
    private readonly sendNext: SendNextDeliveryUseCase,
    @Inject(NOTIFICATIONS_SETTINGS) private readonly settings: NotificationsSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), this.settings.senderPollIntervalMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    await this.draining;
  }

  private tick(): void {
    // A tick that finds the last drain still running skips rather than queueing up behind it.
    if (this.running) return;
    this.running = true;
    const lanes = Array.from({ length: this.settings.senderConcurrency }, () => this.lane());
    this.draining = Promise.all(lanes)
      .then(() => undefined)
      .catch((error: unknown) => {
        this.logger.error(
          `sending deliveries failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      })
      .finally(() => {
        this.running = false;
      });
  }

  private async lane(): Promise<void> {
    while (!this.stopping && (await this.sendNext.execute())) {
      // keep going while deliveries are due
    }
  }
}
