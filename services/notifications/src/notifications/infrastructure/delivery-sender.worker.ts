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
 * partition. A new delivery committed (a NOTIFY on DELIVERIES_CHANNEL, from any instance) or the
 * SENDER_POLL_INTERVAL_MS tick (retries coming due, notifications missed) starts a lane, up to
 * SENDER_CONCURRENCY. Each lane claims one row at a time, so several instances share the work
 * without sending twice; it keeps going while others are due or news arrived since its claim, and
 * starts a helper when others are due. Looking only when there is reason to keeps an idle sender
 * from asking the database for nothing, a round trip per lane per email.
 */
@Injectable()
export class DeliverySenderWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeliverySenderWorker.name);
  private timer: NodeJS.Timeout | undefined;
  private readonly lanes = new Set<Promise<void>>();
  /** Counts wake-ups: a lane that sees it moved since its claim looks again. */
  private wakeUps = 0;
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
      onNotify: () => this.wake(),
      onError: (error) => this.logger.warn(`listening for new deliveries failed: ${error.message}`),
    });
  }

  onApplicationBootstrap(): void {
    this.listener.start();
    this.timer = setInterval(() => this.wake(), this.settings.senderPollIntervalMs);
    this.wake();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    await this.listener.stop();
    await Promise.all(this.lanes);
  }

  private wake(): void {
    this.wakeUps += 1;
    this.startLane();
  }

  private startLane(): void {
    if (this.stopping || this.lanes.size >= this.settings.senderConcurrency) return;
    const lane: Promise<void> = this.lane()
      .catch((error: unknown) => {
        this.logger.error(
          `sending deliveries failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      })
      .finally(() => this.lanes.delete(lane));
    this.lanes.add(lane);
  }

  private async lane(): Promise<void> {
    while (!this.stopping) {
      const wakeUpsBefore = this.wakeUps;
      const result = await this.sendNext.execute();
      // Stop only when no wake-up came during the claim, whatever it found: a wake-up may be a
      // delivery committed after the claim's snapshot, for which no lane started if all were busy.
      if (result === 'handled-more-due') this.startLane();
      else if (this.wakeUps === wakeUpsBefore) return;
    }
  }
}
