import type { BackoffPolicy } from '@vouch/messaging';
import type { EmailLook, SmtpSettings } from '@vouch/platform';
import type { RetryPolicy } from '../domain/delivery-outcome';
import type { Weekday } from '../domain/working-hours';

export const NOTIFICATIONS_SETTINGS = Symbol('NOTIFICATIONS_SETTINGS');

/** The part of the environment the notifications context reads. */
export interface NotificationsSettings {
  /** The service's database, for the sender's own listening connection. */
  databaseUrl: string;
  /** The SMTP server, its TLS and login (SMTP_URL, SMTP_AUTH…), resolved at boot. */
  smtp: SmtpSettings;
  smtpRateLimitPerSecond?: number;
  smtpMaxMessagesPerConnection: number;
  publicUrl: string;
  unsubscribeSecret: string;
  previousUnsubscribeSecrets: string[];
  unsubscribeTokenDays: number;
  /** Makes the token of an invitation's link (INVITATION_SECRET), which identity verifies. */
  invitationSecret: string;
  from: { name: string; address: string };
  /** The company's brand and default language (COMPANY_NAME, BRAND_COLOR, DEFAULT_LANGUAGE…). */
  emailLook: EmailLook;
  senderPollIntervalMs: number;
  /** How long a lane woken by a new delivery waits for more before claiming. */
  senderGatherMs: number;
  senderConcurrency: number;
  /** How long claimed deliveries stay with their sender: past it, another may send them. */
  senderLeaseMs: number;
  senderBatchSize: number;
  retry: RetryPolicy;
  /** How long all sending pauses while the SMTP server is unavailable (SmtpOutage). */
  outagePause: BackoffPolicy;
  reminderAfterMs: number;
  reminderSweepIntervalMs: number;
  maxEmailsPerDay: number;
  digestHour: number;
  defaultTimeZone: string;
  /** When non-urgent emails may reach someone, in minutes since their local midnight (WORKING_HOURS). */
  workingHours: { start: number; end: number };
  /** The days with working hours on their calendar (WORKING_DAYS). */
  workingDays: ReadonlySet<Weekday>;
  digestSweepIntervalMs: number;
  /** Days each kind of history is kept once it ended, then purged. */
  retention: { deliveryDays: number; requestReminderDays: number; reciprocityLedgerDays: number };
}
