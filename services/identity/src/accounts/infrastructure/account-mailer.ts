import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { describeSmtpError, pickLanguage, readableTimeZone, smtpTransportOptions } from '@vouch/platform';
import type { Employee } from '../../employees/domain/employee';
import { ACCOUNT_SETTINGS, type AccountSettings } from '../application/account-settings';
import { renderAccountEmail, type AccountEmailContent, type AccountEmailKind } from './account-emails';

const HOUR_MS = 3_600_000;

/** Whom an account email goes to, and how they read: language and time zone when known. */
export interface AccountEmailRecipient {
  name: string;
  address: string;
  language: string | null;
  timeZone: string | null;
}

/** An employee as an account email's recipient: at their address, in their language and time zone. */
export function recipientOf(employee: Employee): AccountEmailRecipient {
  const { name, email, language, timeZone } = employee.snapshot();
  return { name, address: email, language, timeZone };
}

/**
 * Sends the account emails over SMTP (the same SMTP settings and sender as notifications) straight from
 * identity: their links are sign-in secrets, which never go through Kafka. In the background, so an
 * answer never waits on SMTP, nor takes longer for an address that has an account.
 */
@Injectable()
export class AccountMailer implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('account-emails');
  private readonly transporter: Transporter;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(ACCOUNT_SETTINGS) private readonly settings: AccountSettings,
  ) {
    this.transporter = createTransport(smtpTransportOptions(settings.smtp));
  }

  /** Links into the portal, from PUBLIC_URL. */
  link(path: string): string {
    return `${this.settings.publicUrl}${path}`;
  }

  /**
   * Sends an account email in the background, in the recipient's language and time zone (an
   * employee's profile; none for a sign-up yet to be confirmed), else the company's defaults.
   */
  dispatch(
    kind: AccountEmailKind,
    to: AccountEmailRecipient,
    content: Omit<AccountEmailContent, 'recipientName'>,
  ): void {
    this.inBackground(`the "${kind}" email was not sent`, () =>
      this.send(kind, to, { ...content, recipientName: to.name }),
    );
  }

  /**
   * Runs what depends on whether an address has an account (looking it up, writing its link,
   * emailing it) after the answer, so the answer takes as long either way. A failure is logged
   * (`failure` says what did not happen); the person asks again.
   */
  inBackground(failure: string, task: () => Promise<void>): void {
    const running = task().catch((error: unknown) =>
      this.logger.error(`${failure}: ${describeSmtpError(error)}`),
    );
    this.inFlight.add(running);
    void running.finally(() => this.inFlight.delete(running));
  }

  private async send(
    kind: AccountEmailKind,
    to: AccountEmailRecipient,
    content: AccountEmailContent,
  ): Promise<void> {
    const at = new Date();
    const [row] = await this.dataSource.query<Array<{ count: string }>>(
      `SELECT count(*) AS count FROM account_email_sent WHERE email = $1 AND sent_at > $2`,
      [to.address, new Date(at.getTime() - HOUR_MS)],
    );
    if (Number(row?.count ?? 0) >= this.settings.emailsPerAddressPerHour) {
      this.logger.warn(`the "${kind}" email was not sent: the address had its account emails for this hour`);
      return;
    }
    await this.dataSource.query(`INSERT INTO account_email_sent (email, kind, sent_at) VALUES ($1, $2, $3)`, [
      to.address,
      kind,
      at,
    ]);
    const { brand, defaultLanguage } = this.settings.emailLook;
    const language = pickLanguage(to.language, defaultLanguage);
    const email = renderAccountEmail(kind, content, {
      language,
      timeZone: readableTimeZone(to.timeZone, this.settings.defaultTimeZone),
      brand,
    });
    await this.transporter.sendMail({
      from: this.settings.from,
      to: { name: to.name, address: to.address },
      headers: { 'Content-Language': language },
      subject: email.subject,
      html: email.html,
      text: email.text,
    });
  }

  /** What was started (and what that started: its email) finishes while the database is open. */
  async beforeApplicationShutdown(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  onApplicationShutdown(): void {
    this.transporter.close();
  }
}
