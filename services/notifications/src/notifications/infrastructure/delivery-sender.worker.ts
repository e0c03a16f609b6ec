import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { PostgresChannelListener } from '@vouch/persistence';
import { SendNextDeliveryUseCase } from '../application/send-next-delivery.use-case';
import { DELIVERIES_CHANNEL } from './delivery.repository';
import { NOTIFICATIONS_SETTINGS, type NotificationsSettings } from '../application/notifications.settings';

/**
 * Sends pending deliveries apart from the Kafka handlers, so a slow SMTP server never stalls a
 * partition. It drains what is due with SENDER_CONCURRENCY lanes as soon as a new delivery is
 * committed (a NOTIFY on DELIVERIES_CHANNEL, from any instance), and every SENDER_POLL_INTERVAL_MS
 * for retries coming due and notifications missed; each lane claims one row at a time, so several
 * instances share the work without sending twice.
 */
@Injectable()
export class DeliverySenderWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeliverySenderWorker.name);
  private timer: NodeJS.Timeout | undefined;
  private draining: Promise<void> = Promise.resolve();
  private running = false;
  /** New work arrived while a drain was running: drain again once it ends. */
  private wokenWhileRunning = false;
  private stopping = false;
  private readonly listener: PostgresChannelListener;

  constructor(
    private readonly sendNext: SendNextDeliveryUseCase,
    @Inject(NOTIFICATIONS_SETTINGS) private readonly settings: NotificationsSettings,
  ) {
    this.listener = new PostgresChannelListener({
      databaseUrl: settings.databaseUrl,
      channel: DELIVERIES_CHANNEL,
      applicationName: 'delivery-sender',
      onNotify: () => this.tick(),
      onError: (error) => this.logger.warn(`listening for new deliveries failed: ${error.message}`),
    });
  }

  onApplicationBootstrap(): void {
    this.listener.start();
    this.timer = setInterval(() => this.tick(), this.settings.senderPollIntervalMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    await this.listener.stop();
    await this.draining;
  }

  private tick(): void {
    if (this.stopping) return;
    // Lanes already draining would find the new rows too, unless they are just finishing.
    if (this.running) {
      this.wokenWhileRunning = true;
      return;
    }
    this.running = true;
    this.wokenWhileRunning = false;
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
        if (this.wokenWhileRunning) this.tick();
      });
  }

  private async lane(): Promise<void> {
    while (!this.stopping && (await this.sendNext.execute())) {
      // keep going while deliveries are due
    }
  }
}
