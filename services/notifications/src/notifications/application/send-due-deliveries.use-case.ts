import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '@vouch/messaging';
import { GroupedWrites } from '@vouch/persistence';
import { pickLanguage, readableTimeZone, type EmailReader } from '@vouch/platform';
import { inSpan, markFailed, SpanKind } from '@vouch/telemetry';
import { messageIdOf, RECIPIENT_UNKNOWN, type Delivery, type DeliveryState } from '../domain/delivery';
import { safeDisplayName } from '../domain/delivery-outcome';
import { isServerUnavailable } from '../domain/smtp-outage';
import { TRANSACTIONAL } from '../domain/email-category';
import { UnsubscribeTokens } from '../domain/unsubscribe-token';
import { DeliveryMetrics } from '../infrastructure/delivery.metrics';
import { DeliveryRepository, type ClaimedDelivery } from '../infrastructure/delivery.repository';
import type { Addressee } from '../infrastructure/recipient.repository';
import { digestEntry, renderEmail, type EmailContent } from '../infrastructure/email-renderer';
import { MailTransport, type OutgoingEmail } from '../infrastructure/mail-transport';
import { emailLinks } from './email-links';
import { NOTIFICATIONS_SETTINGS, type NotificationsSettings } from './notifications.settings';

const DAY_MS = 86_400_000;

/** What became of a claimed delivery: sent, refused by the server, not attempted (skipped), or the server unavailable. */
export type SendAttempt = 'sent' | 'refused' | 'server-unavailable' | 'skipped';

/** Deliveries one lane claimed, and the lease that keeps other senders off them until it ends. */
export interface DeliveryClaim {
  deliveries: ClaimedDelivery[];
  leaseUntil: Date;
}

/**
 * Sends due deliveries. A lane claims a few under a lease (one statement) and sends them at once
 * over the SMTP pool; each outcome is written as soon as SMTP answers, in one statement with its
 * `EmailSent` or `EmailFailed` event and with the outcomes that answered while the statement before
 * was running (GroupedWrites): no transaction is held open across SMTP. Another sender never takes a
 * leased delivery; a sender that dies leaves what it claimed to be sent again when the lease ends,
 * with the same Message-ID. Only the emails in the SMTP hand-over at that moment (at most one per
 * pooled connection) and those whose outcome was being written can arrive twice. A recipient who
 * left or switched the email off since it was planned is not sent it: the delivery is skipped, with
 * the reason. One whose work email changed since is sent it at the new address. Each statement
 * commits on its own (`UnitOfWork.runWithoutTransaction`): a transaction would hold nothing
 * together, and cost two round trips more.
 */
@Injectable()
export class SendDueDeliveriesUseCase {
  private readonly tokens: UnsubscribeTokens;
  /** Outcomes, each written as soon as SMTP answered, together with those that answered meanwhile. */
  private readonly outcomes: GroupedWrites<Delivery, boolean>;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly deliveries: DeliveryRepository,
    private readonly transport: MailTransport,
    private readonly metrics: DeliveryMetrics,
    @Inject(NOTIFICATIONS_SETTINGS) private readonly settings: NotificationsSettings,
  ) {
    this.tokens = new UnsubscribeTokens(settings.unsubscribeSecret, settings.previousUnsubscribeSecrets);
    this.outcomes = new GroupedWrites((deliveries) =>
      this.unitOfWork.runWithoutTransaction(() => this.deliveries.recordOutcomes(deliveries)),
    );
  }

  /** Claims up to `limit` due deliveries, oldest first. */
  claim(limit: number): Promise<DeliveryClaim> {
    return this.unitOfWork.runWithoutTransaction(async () => {
      const now = new Date();
      const leaseUntil = new Date(now.getTime() + this.settings.senderLeaseMs);
      const deliveries = await this.deliveries.claimDue(now, leaseUntil, limit);
      return { deliveries, leaseUntil };
    });
  }

  /**
   * Whether the claim's lease leaves time to send one more of its deliveries: SMTP's timeouts, a
   * quarter of the lease, before it ends. Past that, another sender may take the delivery and send
   * it too; a slow server can keep the last deliveries of a claim waiting that long.
   */
  leaseLeavesTimeToSend(claim: DeliveryClaim): boolean {
    return Date.now() + this.settings.senderLeaseMs / 4 < claim.leaseUntil.getTime();
  }

  /** Sends one claimed delivery, or skips it, and records the outcome. */
  send(claimed: ClaimedDelivery): Promise<SendAttempt> {
    return this.unitOfWork.runWithoutTransaction(() => this.sendOne(claimed));
  }

  private async sendOne({ delivery, recipient }: ClaimedDelivery): Promise<SendAttempt> {
    if (!recipient) return this.skip(delivery, RECIPIENT_UNKNOWN);
    const withheld = delivery.reasonToWithholdFrom(recipient);
    if (withheld) return this.skip(delivery, withheld);
    // The address the recipient has now: their work email may have changed since it was planned.
    delivery.addressTo(recipient.employee.email);
    const state = delivery.snapshot();
    const email = await this.compose(state, recipient);
    const result = await inSpan(
      `send email ${state.template}`,
      {
        kind: SpanKind.CLIENT,
        ...(state.traceparent ? { traceparent: state.traceparent } : {}),
        attributes: { 'vouch.delivery.id': state.id, 'vouch.attempt': state.attempts + 1 },
      },
      async (span) => {
        const timer = this.metrics.smtpDuration.startTimer();
        const sent = await this.transport.send(email);
        timer({ outcome: sent.sent ? 'sent' : 'refused' });
        if (!sent.sent) markFailed(span, sent.failure.reason);
        return sent;
      },
    );
    const now = new Date();
    const { template } = state;
    if (result.sent) {
      delivery.sent(now);
      // False when another sender's outcome came first: it was counted then.
      if (await this.outcomes.write(delivery)) this.metrics.sent.inc({ template });
      return 'sent';
    }
    const next = delivery.failed(result.failure, this.settings.retry, now);
    const recorded = await this.outcomes.write(delivery);
    if (next.kind === 'fail' && recorded) this.metrics.failed.inc({ template });
    return isServerUnavailable(result.failure) ? 'server-unavailable' : 'refused';
  }

  private async skip(delivery: Delivery, reason: string): Promise<'skipped'> {
    delivery.skip(reason, new Date());
    await this.outcomes.write(delivery);
    this.metrics.skipped.inc({ template: delivery.snapshot().template });
    return 'skipped';
  }

  /** Gives back claimed deliveries this sender will not send (it is stopping): due again at once. */
  async release(claim: DeliveryClaim, unsent: ClaimedDelivery[]): Promise<void> {
    if (unsent.length === 0) return;
    const now = new Date();
    for (const { delivery } of unsent) delivery.release(now);
    const ids = unsent.map(({ delivery }) => delivery.id);
    await this.unitOfWork.runWithoutTransaction(() => this.deliveries.release(ids, claim.leaseUntil, now));
  }

  /** In the recipient's language and time zone as they are now, or the company's defaults. */
  private readerOf({ employee }: Addressee): EmailReader {
    const { brand, defaultLanguage } = this.settings.emailLook;
    return {
      language: pickLanguage(employee.language, defaultLanguage),
      timeZone: readableTimeZone(employee.timeZone, this.settings.defaultTimeZone),
      brand,
    };
  }

  private async compose(delivery: DeliveryState, recipient: Addressee): Promise<OutgoingEmail> {
    // Transactional emails (the invitation) have nothing to unsubscribe from.
    const token =
      delivery.category === TRANSACTIONAL
        ? null
        : this.tokens.sign({
            recipientId: delivery.recipientId,
            category: delivery.category,
            expiresAt: new Date(Date.now() + this.settings.unsubscribeTokenDays * DAY_MS),
          });
    const content = (about: DeliveryState): EmailContent => ({
      recipientName: delivery.recipientName,
      counterpartName: about.counterpartName,
      details: about.details,
      links: emailLinks(this.settings.publicUrl, about, token, this.settings.invitationSecret),
    });
    const own = content(delivery);
    const carried = delivery.template === 'daily-digest' ? await this.deliveries.carriedBy(delivery.id) : [];
    const reader = this.readerOf(recipient);
    const rendered = renderEmail(
      delivery.template,
      { ...own, entries: carried.map((held) => digestEntry(held.template, content(held), reader)) },
      reader,
    );
    return {
      messageId: messageIdOf(delivery.id),
      to: { name: safeDisplayName(delivery.recipientName), address: delivery.recipientEmail },
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      headers: {
        ...(own.links.unsubscribe === undefined
          ? {}
          : {
              'List-Unsubscribe': `<${own.links.unsubscribe}>`,
              'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
            }),
        'Auto-Submitted': 'auto-generated',
        'Content-Language': reader.language,
        'X-Vouch-Delivery-Id': delivery.id,
        'X-Vouch-Event-Id': delivery.eventId,
        'X-Vouch-Template': delivery.template,
      },
    };
  }
}
