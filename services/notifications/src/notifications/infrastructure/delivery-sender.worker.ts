import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import pLimit from 'p-limit';
import { PostgresChannelListener } from '@vouch/persistence';
import {
  SendDueDeliveriesUseCase,
  type DeliveryClaim,
  type SendAttempt,
} from '../application/send-due-deliveries.use-case';
import { SmtpOutage, type SendingPermit } from '../domain/smtp-outage';
import { DeliveryMetrics } from './delivery.metrics';
import { DELIVERIES_CHANNEL, type ClaimedDelivery } from './delivery.repository';
import { NOTIFICATIONS_SETTINGS, type NotificationsSettings } from '../application/notifications.settings';

/**
 * Sends pending deliveries apart from the Kafka handlers, so a slow SMTP server never stalls a
 * partition. A new delivery committed (a NOTIFY on DELIVERIES_CHANNEL, from any instance) or the
 * SENDER_POLL_INTERVAL_MS tick (retries coming due, notifications missed) starts a lane, up to
 * SENDER_CONCURRENCY. A lane waits SENDER_GATHER_MS for the deliveries committed meanwhile (one lane
 * waits at a time: news that comes then is its to claim), claims the due ones under a lease and sends
 * them together; across lanes at most SENDER_CONCURRENCY emails are with SMTP at once, one per pooled
 * connection. Several instances share the work without sending twice. A lane starts a helper when
 * its claim was full and keeps going while news arrived since its claim. Looking only when there is
 * reason to keeps an idle sender from asking the database for nothing. While the SMTP server is
 * unavailable every lane stops, giving back what it has not sent, and after each pause one lane
 * probes with a single email (SmtpOutage).
 */
@Injectable()
export class DeliverySenderWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeliverySenderWorker.name);
  private timer: NodeJS.Timeout | undefined;
  private readonly lanes = new Set<Promise<void>>();
  /** Counts wake-ups: a lane that sees it moved since its claim looks again. */
  private wakeUps = 0;
  /** A lane waits for more deliveries before claiming: the others leave the news to it. */
  private gathering = false;
  private stopping = false;
  private readonly listener: PostgresChannelListener;
  private readonly claimSize: number;
  private readonly outage: SmtpOutage;
  /** An email's turn with SMTP: as many at once as the pool has connections. */
  private readonly smtpTurn: pLimit.Limit;

  constructor(
    private readonly sendDue: SendDueDeliveriesUseCase,
    private readonly metrics: DeliveryMetrics,
    @Inject(NOTIFICATIONS_SETTINGS) private readonly settings: NotificationsSettings,
  ) {
    this.claimSize = claimSizeFor(settings);
    this.outage = new SmtpOutage(settings.outagePause);
    this.smtpTurn = pLimit(settings.senderConcurrency);
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
    this.startLane('gather');
  }

  /** `gather`: news to wait for more of; `backlog`: a full claim's helper, more is due already. */
  private startLane(start: 'gather' | 'backlog'): void {
    if (this.stopping || this.lanes.size >= this.settings.senderConcurrency) return;
    const lane: Promise<void> = this.lane(start)
      .catch((error: unknown) => {
        // What the lane had claimed and not sent is due again when its lease ends.
        this.logger.error(
          `sending deliveries failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      })
      .finally(() => this.lanes.delete(lane));
    this.lanes.add(lane);
  }

  private async lane(start: 'gather' | 'backlog'): Promise<void> {
    let backlog = start === 'backlog';
    while (!this.stopping) {
      if (!backlog && !(await this.gather())) return;
      const permit = this.outage.permit();
      if (permit === 'wait') return;
      const wakeUpsBefore = this.wakeUps;
      const claim = await this.sendDue.claim(permit === 'probe' ? 1 : this.claimSize);
      backlog = permit === 'send' && claim.deliveries.length === this.claimSize;
      if (backlog) this.startLane('backlog');
      await this.sendClaim(claim, permit);
      // Stop only when the claim was not full and no wake-up came since it: a wake-up may be a
      // delivery committed after the claim's snapshot, for which no lane started if all were busy.
      if (!backlog && this.wakeUps === wakeUpsBefore) return;
    }
  }

  /**
   * Waits SENDER_GATHER_MS, for the deliveries committed meanwhile to go in the same claim: under
   * load one claim (and one outcome statement) per few emails instead of per email. False when
   * another lane is waiting already, or the sender stopped meanwhile: nothing for this lane to do.
   */
  private async gather(): Promise<boolean> {
    if (this.settings.senderGatherMs === 0) return true;
    if (this.gathering) return false;
    this.gathering = true;
    try {
      await sleep(this.settings.senderGatherMs);
    } finally {
      this.gathering = false;
    }
    return !this.stopping;
  }

  /**
   * Sends a claim's deliveries together, each when its turn with SMTP comes. One whose turn comes
   * once the sender stops, the server is found unavailable or the lease runs short (another sender
   * may send it then) is not sent: given back, due again at once, for another lane or instance, or
   * for this one when the server is back.
   */
  private async sendClaim(claim: DeliveryClaim, permit: SendingPermit): Promise<void> {
    const unsent: ClaimedDelivery[] = [];
    const sending = claim.deliveries.map((claimed) =>
      this.smtpTurn(async () => {
        if (
          this.stopping ||
          (permit === 'send' && this.outage.ongoing) ||
          !this.sendDue.leaseLeavesTimeToSend(claim)
        ) {
          unsent.push(claimed);
          return;
        }
        this.recordAttempt(await this.sendDue.send(claimed));
      }),
    );
    const failure = (await Promise.allSettled(sending)).find((sent) => sent.status === 'rejected');
    await this.sendDue.release(claim, unsent);
    if (failure) throw failure.reason;
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
