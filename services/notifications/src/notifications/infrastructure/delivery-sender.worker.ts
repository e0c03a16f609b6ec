import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { PostgresChannelListener } from '@vouch/persistence';
import { SendDueDeliveriesUseCase, type SendAttempt } from '../application/send-due-deliveries.use-case';
import { SmtpOutage } from '../domain/smtp-outage';
import { DeliveryMetrics } from './delivery.metrics';
import { DELIVERIES_CHANNEL } from './delivery.repository';
import { NOTIFICATIONS_SETTINGS, type NotificationsSettings } from '../application/notifications.settings';

/**
 * Sends pending deliveries apart from the Kafka handlers, so a slow SMTP server never stalls a
 * partition. A new delivery committed (a NOTIFY on DELIVERIES_CHANNEL, from any instance) or the
 * SENDER_POLL_INTERVAL_MS tick (retries coming due, notifications missed) starts a lane, up to
 * SENDER_CONCURRENCY. A lane claims a few due deliveries under a lease and sends them one at a
 * time, so several instances share the work without sending twice and at most one email per lane
 * is in the SMTP hand-over; it starts a helper when its claim was full and keeps going while news
 * arrived since its claim. Looking only when there is reason to keeps an idle sender from asking
 * the database for nothing. While the SMTP server is unavailable every lane stops, giving back what
 * it claimed, and after each pause one lane probes with a single email (SmtpOutage).
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
  private readonly claimSize: number;
  private readonly outage: SmtpOutage;

  constructor(
    private readonly sendDue: SendDueDeliveriesUseCase,
    private readonly metrics: DeliveryMetrics,
    @Inject(NOTIFICATIONS_SETTINGS) private readonly settings: NotificationsSettings,
  ) {
    this.claimSize = claimSizeFor(settings);
    this.outage = new SmtpOutage(settings.outagePause);
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
        // What the lane had claimed and not sent is due again when its lease ends.
        this.logger.error(
          `sending deliveries failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      })
      .finally(() => this.lanes.delete(lane));
    this.lanes.add(lane);
  }

  private async lane(): Promise<void> {
    while (!this.stopping) {
      const permit = this.outage.permit();
      if (permit === 'wait') return;
      const wakeUpsBefore = this.wakeUps;
      const claim = await this.sendDue.claim(permit === 'probe' ? 1 : this.claimSize);
      const full = permit === 'send' && claim.deliveries.length === this.claimSize;
      if (full) this.startLane();
      for (const [index, claimed] of claim.deliveries.entries()) {
        // Given back, due again at once: for another lane or instance, or for this one when the
        // server is back; never sent after the lease ran short, when another sender may send it too.
        if (
          this.stopping ||
          (permit === 'send' && this.outage.ongoing) ||
          !this.sendDue.leaseLeavesTimeToSend(claim)
        )
          return this.sendDue.release(claim, claim.deliveries.slice(index));
        this.recordAttempt(await this.sendDue.send(claimed));
      }
      // Stop only when the claim was not full and no wake-up came since it: a wake-up may be a
      // delivery committed after the claim's snapshot, for which no lane started if all were busy.
      if (!full && this.wakeUps === wakeUpsBefore) return;
    }
  }

  private recordAttempt(attempt: SendAttempt): void {
    if (attempt === 'server-unavailable') {
      const wasOngoing = this.outage.ongoing;
      const pauseMs = this.outage.serverUnavailable();
      this.metrics.smtpUnavailable.set(1);
      if (!wasOngoing)
        this.logger.warn(
          `the SMTP server is unavailable: sending paused, one email tries again in ${pauseMs} ms`,
        );
      return;
    }
    if (attempt === 'skipped') return;
    const outageMs = this.outage.serverAnswered();
    if (outageMs === undefined) return;
    this.metrics.smtpUnavailable.set(0);
    this.logger.log(`the SMTP server answers again after ${(outageMs / 1000).toFixed(1)} s: sending resumes`);
    // Every lane stopped during the outage: start them again for the backlog.
    this.wake();
  }
}

/**
 * Deliveries a lane claims at once: SENDER_BATCH_SIZE, or fewer when an SMTP rate limit, shared by
 * the lanes, would keep the last of them waiting past half the lease.
 */
export function claimSizeFor(
  settings: Pick<
    NotificationsSettings,
    'senderBatchSize' | 'senderConcurrency' | 'senderLeaseMs' | 'smtpRateLimitPerSecond'
  >,
): number {
  const { senderBatchSize, senderConcurrency, senderLeaseMs, smtpRateLimitPerSecond } = settings;
  if (!smtpRateLimitPerSecond) return senderBatchSize;
  const sentWithinHalfTheLease = (smtpRateLimitPerSecond * senderLeaseMs) / 2_000 / senderConcurrency;
  return Math.max(1, Math.min(senderBatchSize, Math.floor(sentWithinHalfTheLease)));
}
