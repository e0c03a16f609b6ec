import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { EmailFailedV1, EmailSentV1 } from '@vouch/contracts';
import { Outbox } from '@vouch/messaging';
import { inSpan, markFailed, SpanKind } from '@vouch/telemetry';
import { afterFailure, safeDisplayName } from '../domain/delivery-outcome';
import { reasonToWithhold } from '../domain/delivery-rules';
import { UnsubscribeTokens } from '../domain/unsubscribe-token';
import type { DeliveryEntity } from '../infrastructure/delivery.entity';
import { DeliveryMetrics } from '../infrastructure/delivery.metrics';
import { DeliveryRepository } from '../infrastructure/delivery.repository';
import { digestEntry, renderEmail, type EmailContent } from '../infrastructure/email-renderer';
import { MailTransport, type OutgoingEmail } from '../infrastructure/mail-transport';
import { emailLinks } from './email-links';
import { NOTIFICATIONS_SETTINGS, type NotificationsSettings } from './notifications.settings';

const DAY_MS = 86_400_000;

/** The Message-ID of a delivery: the same on every attempt, so a resend after a crash is one message. */
export function messageIdOf(deliveryId: string): string {
  return `<${deliveryId}@vouch>`;
}

/** What one call found: nothing due, or a delivery handled, with or without others due behind it. */
export type SendNextResult = 'nothing-due' | 'handled' | 'handled-more-due';

/**
 * Claims one due delivery, sends it and records the outcome, all in one transaction that holds the
 * row's lock: another instance never sends it at the same time, and a crash before commit leaves it
 * pending to be re-sent with the same Message-ID. A recipient who left or switched the email off
 * since it was planned is not sent it: the delivery is skipped, with the reason.
 */
@Injectable()
export class SendNextDeliveryUseCase {
  private readonly tokens: UnsubscribeTokens;

  constructor(
    private readonly dataSource: DataSource,
    private readonly deliveries: DeliveryRepository,
    private readonly transport: MailTransport,
    private readonly outbox: Outbox,
    private readonly metrics: DeliveryMetrics,
    @Inject(NOTIFICATIONS_SETTINGS) private readonly settings: NotificationsSettings,
  ) {
    this.tokens = new UnsubscribeTokens(settings.unsubscribeSecret, settings.previousUnsubscribeSecrets);
  }

  async execute(): Promise<SendNextResult> {
    const handled = await this.dataSource.transaction(async (manager) => {
      const claimed = await this.deliveries.claimNextDue(manager, new Date());
      if (!claimed) return null;
      const { delivery, recipient } = claimed;
      const withheld = recipient
        ? reasonToWithhold(recipient.employee, recipient.preferences, delivery.category)
        : 'the recipient is unknown';
      if (withheld) {
        await this.markSkipped(manager, delivery, withheld);
        return claimed;
      }
      const email = await this.compose(manager, delivery);
      const result = await inSpan(
        `send email ${delivery.template}`,
        {
          kind: SpanKind.CLIENT,
          ...(delivery.traceparent ? { traceparent: delivery.traceparent } : {}),
          attributes: { 'vouch.delivery.id': delivery.id, 'vouch.attempt': delivery.attempts + 1 },
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
      delivery.attempts += 1;
      delivery.updatedAt = now;
      if (result.sent) await this.markSent(manager, delivery, now);
      else {
        const next = afterFailure(result.failure, delivery.attempts, this.settings.retry);
        delivery.lastError = result.failure.reason;
        if (next.kind === 'retry') {
          delivery.nextAttemptAt = new Date(now.getTime() + next.delayMs);
          await this.deliveries.save(manager, delivery);
        } else await this.markFailed(manager, delivery, now, next.permanent);
      }
      return claimed;
    });
    if (!handled) return 'nothing-due';
    // Counted after commit: a rolled-back outcome did not happen.
    const outcome = handled.delivery;
    if (outcome.status === 'sent') this.metrics.sent.inc({ template: outcome.template });
    if (outcome.status === 'failed') this.metrics.failed.inc({ template: outcome.template });
    if (outcome.status === 'skipped') this.metrics.skipped.inc({ template: outcome.template });
    return handled.moreDue ? 'handled-more-due' : 'handled';
  }

  private async compose(manager: EntityManager, delivery: DeliveryEntity): Promise<OutgoingEmail> {
    const token = this.tokens.sign({
      recipientId: delivery.recipientId,
      category: delivery.category,
      expiresAt: new Date(Date.now() + this.settings.unsubscribeTokenDays * DAY_MS),
    });
    const content = (about: DeliveryEntity): EmailContent => ({
      recipientName: delivery.recipientName,
      counterpartName: about.counterpartName,
      details: about.details,
      links: emailLinks(this.settings.publicUrl, about, token),
    });
    const own = content(delivery);
    const carried =
      delivery.template === 'daily-digest' ? await this.deliveries.carriedBy(manager, delivery.id) : [];
    const rendered = renderEmail(delivery.template, {
      ...own,
      entries: carried.map((held) => digestEntry(held.template, content(held))),
    });
    return {
      messageId: messageIdOf(delivery.id),
      to: { name: safeDisplayName(delivery.recipientName), address: delivery.recipientEmail },
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      headers: {
        'List-Unsubscribe': `<${own.links.unsubscribe}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        'Auto-Submitted': 'auto-generated',
        'X-Vouch-Delivery-Id': delivery.id,
        'X-Vouch-Event-Id': delivery.eventId,
        'X-Vouch-Template': delivery.template,
      },
    };
  }

  private async markSkipped(manager: EntityManager, delivery: DeliveryEntity, reason: string): Promise<void> {
    delivery.status = 'skipped';
    delivery.lastError = reason;
    delivery.updatedAt = new Date();
    await this.deliveries.save(manager, delivery);
  }

  private async markSent(manager: EntityManager, delivery: DeliveryEntity, now: Date): Promise<void> {
    delivery.status = 'sent';
    delivery.sentAt = now;
    delivery.lastError = null;
    await this.deliveries.save(manager, delivery);
    await this.outbox.add(manager, EmailSentV1, {
      subject: delivery.id,
      // The outcome belongs to the trace of the request behind the email.
      ...(delivery.traceparent ? { cause: { traceparent: delivery.traceparent } } : {}),
      data: {
        deliveryId: delivery.id,
        recipientId: delivery.recipientId,
        template: delivery.template,
        causationEventId: delivery.eventId,
        messageId: messageIdOf(delivery.id),
        attempts: delivery.attempts,
        sentAt: now.toISOString(),
      },
    });
  }

  private async markFailed(
    manager: EntityManager,
    delivery: DeliveryEntity,
    now: Date,
    permanent: boolean,
  ): Promise<void> {
    delivery.status = 'failed';
    delivery.failedAt = now;
    await this.deliveries.save(manager, delivery);
    await this.outbox.add(manager, EmailFailedV1, {
      subject: delivery.id,
      // The outcome belongs to the trace of the request behind the email.
      ...(delivery.traceparent ? { cause: { traceparent: delivery.traceparent } } : {}),
      data: {
        deliveryId: delivery.id,
        recipientId: delivery.recipientId,
        template: delivery.template,
        causationEventId: delivery.eventId,
        reason: delivery.lastError ?? 'unknown',
        permanent,
        attempts: delivery.attempts,
        failedAt: now.toISOString(),
      },
    });
  }
}
