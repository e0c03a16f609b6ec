import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { describeSmtpError, smtpTransportOptions } from '@vouch/platform';
import type { SmtpFailure } from '../domain/delivery-outcome';
import { NOTIFICATIONS_SETTINGS, type NotificationsSettings } from '../application/notifications.settings';

export interface OutgoingEmail {
  messageId: string;
  to: { name: string; address: string };
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
}

export type SendResult = { sent: true } | { sent: false; failure: SmtpFailure };

/** nodemailer's pooled SMTP transport: connections are reused and the optional rate limit is shared. */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly transporter: Transporter<SMTPPool.SentMessageInfo, SMTPPool.Options>;

  constructor(@Inject(NOTIFICATIONS_SETTINGS) private readonly settings: NotificationsSettings) {
    this.transporter = createTransport({
      ...smtpTransportOptions(settings.smtp),
      pool: true,
      maxConnections: settings.senderConcurrency,
      maxMessages: settings.smtpMaxMessagesPerConnection,
      // One reconnect for a pooled connection the server closed as it was used; past that, the
      // email fails to the sender, whose retries and outage pause pace the attempts (nodemailer's
      // default, 5, opened 6 connections per failed email, back to back, during an outage).
      maxRequeues: 1,
      // A stalled server fails the send within a quarter of the lease, long before another sender
      // may take the delivery (one answering each command just in time could outlast it: the
      // email may then go twice, with one Message-ID, and its outcome is recorded once).
      connectionTimeout: settings.senderLeaseMs / 4,
      greetingTimeout: settings.senderLeaseMs / 4,
      socketTimeout: settings.senderLeaseMs / 4,
      ...(settings.smtpRateLimitPerSecond
        ? { rateLimit: settings.smtpRateLimitPerSecond, rateDelta: 1_000 }
        : {}),
    });
  }

  async send(email: OutgoingEmail): Promise<SendResult> {
    try {
      await this.transporter.sendMail({
        from: this.settings.from,
        to: email.to,
        subject: email.subject,
        html: email.html,
        text: email.text,
        messageId: email.messageId,
        headers: email.headers,
      });
      return { sent: true };
    } catch (error: unknown) {
      return { sent: false, failure: smtpFailure(error) };
    }
  }

  onApplicationShutdown(): void {
    this.transporter.close();
  }
}

function smtpFailure(error: unknown): SmtpFailure {
  const reason = describeSmtpError(error).slice(0, 2000);
  if (typeof error !== 'object' || error === null) return { reason };
  // nodemailer's code for a login the server refused (or one it could not attempt).
  const loginRefused = 'code' in error && error.code === 'EAUTH' ? { loginRefused: true } : {};
  const responseCode = 'responseCode' in error ? error.responseCode : undefined;
  return typeof responseCode === 'number'
    ? { responseCode, reason, ...loginRefused }
    : { reason, ...loginRefused };
}
