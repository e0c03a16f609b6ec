import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import {
  authEnvironment,
  invitationSecretEnvironment,
  invitationSecretRequiredInProduction,
} from '@vouch/auth';
import {
  brandEnvironment,
  brandLogoSecureInProduction,
  mailEnvironment,
  productionSecrets,
  SECRET_MIN_LENGTH,
  serviceEnvironment,
  kafkaConnectionRules,
  smtpSecretRules,
  smtpSettingsValid,
  type SmtpEnvironment,
} from '@vouch/platform';
import { isKnownTimeZone } from './notifications/domain/recipient-day';
import { parseWorkingDays, parseWorkingHours, WorkingHours } from './notifications/domain/working-hours';

const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);

const MIN_HISTORY_RETENTION_DAYS = 7;

/** A retention in whole days, at least the 7 days an event topic keeps what it could redeliver. */
function historyRetentionDays(name: string, days: number) {
  return z.coerce
    .number()
    .int(`${name} is a whole number of days`)
    .min(MIN_HISTORY_RETENTION_DAYS, `${name} is at least ${MIN_HISTORY_RETENTION_DAYS} days`)
    .default(days);
}

/** A value its parser reads, or refuses with the reason it returns instead. */
function parsedBy<T>(parse: (value: string) => T | string) {
  return (value: string, context: z.RefinementCtx): T => {
    const parsed = parse(value);
    if (typeof parsed !== 'string') return parsed;
    context.addIssue({ code: 'custom', message: parsed });
    return z.NEVER;
  };
}

/** The notifications service's environment, validated at boot. */
export const notificationsEnvironment = serviceEnvironment({ name: 'notifications', port: 3004 })
  .extend(authEnvironment.shape)
  .extend(invitationSecretEnvironment.shape)
  // SMTP_*, PUBLIC_URL and the sender: shared with identity, which sends the account emails.
  .extend(mailEnvironment.shape)
  // COMPANY_NAME, BRAND_COLOR, DEFAULT_LANGUAGE…: shared with identity, so every email looks alike.
  .extend(brandEnvironment.shape)
  .extend({
    /** At most this many emails per second through SMTP (a provider's quota); unset means no limit. */
    SMTP_RATE_LIMIT_PER_SECOND: z.coerce.number().int().min(1).optional(),
    /**
     * Emails sent over one pooled SMTP connection before it is replaced (nodemailer's default, 100,
     * suits relays that cap a connection). Each new connection costs a handshake, and relays built
     * on smtp-server, such as maildev, wait 100 ms before greeting: raise it where the relay allows.
     */
    SMTP_MAX_MESSAGES_PER_CONNECTION: z.coerce.number().int().min(1).default(100),
    /**
     * Signs unsubscribe tokens: required in production (at least 32 characters). Unset elsewhere,
     * `unsubscribeSecretOf` makes one per process, so links outlive no restart (`npm start` keeps one).
     */
    UNSUBSCRIBE_SECRET: z.preprocess(
      unsetIfEmpty,
      z.string().min(16, 'UNSUBSCRIBE_SECRET must be at least 16 characters').optional(),
    ),
    /** Secrets rotated out, comma-separated: tokens they signed stay valid until they expire. */
    UNSUBSCRIBE_PREVIOUS_SECRETS: z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((secret) => secret.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().min(16, 'each previous secret has at least 16 characters'))),
    /** How long an unsubscribe link in an email keeps working. */
    UNSUBSCRIBE_TOKEN_DAYS: z.coerce.number().positive().default(90),
    /** How often the sender looks for pending deliveries. */
    SENDER_POLL_INTERVAL_MS: z.coerce.number().int().min(10).default(1_000),
    /**
     * Sending lanes of one instance, and emails with SMTP at once (one per pooled connection). A lane
     * waits on SMTP and PostgreSQL for most of each email: on a busy machine four lanes fell behind
     * where twelve kept up. Lower it for a relay that caps connections per client.
     */
    SENDER_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(16),
    /**
     * How long the deliveries a lane claimed stay its own: what a crashed sender had claimed waits
     * this long before another sends it. SMTP's timeouts are a quarter of it.
     */
    SENDER_LEASE_MS: z.coerce.number().int().min(4_000).default(60_000),
    /** Due deliveries a lane claims at once (one statement), then sends together over the pool. */
    SENDER_BATCH_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    /**
     * How long a lane woken by a new delivery waits before claiming, for the deliveries committed
     * meanwhile to go in the same claim (one lane waits at a time). 0: claims at once, one statement
     * per wake-up under load.
     */
    SENDER_GATHER_MS: z.coerce.number().int().min(0).max(1_000).default(10),
    /** Attempts before a temporarily refused email is given up. */
    SENDER_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(8),
    /** First retry delay; it doubles each attempt, with jitter, up to SENDER_RETRY_MAX_DELAY_MS. */
    SENDER_RETRY_INITIAL_DELAY_MS: z.coerce.number().int().min(0).default(30_000),
    SENDER_RETRY_MAX_DELAY_MS: z.coerce.number().int().min(0).default(3_600_000),
    /**
     * While the SMTP server cannot be reached (or refuses the login), every lane pauses this long
     * after the first failure, then one email probes it; each probe that fails doubles the pause,
     * with jitter, up to SENDER_OUTAGE_MAX_PAUSE_MS. The emails' own retries are not spent meanwhile.
     */
    SENDER_OUTAGE_PAUSE_MS: z.coerce.number().int().min(100).default(1_000),
    SENDER_OUTAGE_MAX_PAUSE_MS: z.coerce.number().int().min(100).default(30_000),
    /** How long a request waits before its recipient gets one reminder: `30s`, `15m`, `12h`, `7d`. */
    REMINDER_AFTER: z
      .string()
      .regex(/^\d+[smhd]$/, 'a number and a unit: 30s, 15m, 12h or 7d')
      .default('7d')
      .transform(durationMs),
    /** How often due reminders are looked for. */
    REMINDER_SWEEP_INTERVAL_MS: z.coerce.number().int().min(10).default(60_000),
    /** At most this many emails a day to one person; the rest wait for the daily digest. */
    MAX_EMAILS_PER_DAY: z.coerce.number().int().min(1).default(10),
    /** The hour (0..23, the recipient's local time) at which the daily digest goes out. */
    DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(8),
    /** The time zone of employees whose profile names none (IANA, e.g. Europe/Lisbon). */
    DEFAULT_TIME_ZONE: z
      .string()
      .refine(isKnownTimeZone, 'an IANA time zone, e.g. Europe/Lisbon')
      .default('UTC'),
    /**
     * Local time, in each person's zone, when non-urgent emails may reach them (`HH:MM-HH:MM`, the
     * end excluded); outside it they wait for its next start. `00:00-24:00` holds nothing back.
     */
    WORKING_HOURS: z.string().default('08:00-20:00').transform(parsedBy(parseWorkingHours)),
    /**
     * The days, on each person's calendar, with working hours (`Mon-Fri`, `Mon,Wed,Fri`): every day
     * unless told otherwise, since news of a recommendation on a Saturday morning is welcome.
     */
    WORKING_DAYS: z.string().default('Mon-Sun').transform(parsedBy(parseWorkingDays)),
    /** How often digests that fell due are looked for. */
    DIGEST_SWEEP_INTERVAL_MS: z.coerce.number().int().min(10).default(60_000),
    /**
     * Days a delivery that ended (sent, failed, skipped, digested) stays in the delivery log. At
     * least 7: the daily cap counts the day's deliveries, and an event redelivered while its topic
     * still holds it (7 days) must find its delivery to make no second email.
     */
    DELIVERY_RETENTION_DAYS: historyRetentionDays('DELIVERY_RETENTION_DAYS', 90),
    /**
     * Days a request's reminder is remembered once sent or cancelled. At least 7: a request event
     * redelivered, or arriving after its cancellation, within its topic's 7 days must find it.
     */
    REQUEST_REMINDER_RETENTION_DAYS: historyRetentionDays('REQUEST_REMINDER_RETENTION_DAYS', 30),
    /**
     * Days the reciprocity ledger remembers that an author's recommendation nudged its subject. The
     * nudge goes out once per pair within this window: past it, a new recommendation nudges again.
     */
    RECIPROCITY_LEDGER_RETENTION_DAYS: historyRetentionDays('RECIPROCITY_LEDGER_RETENTION_DAYS', 365),
  })
  .refine((environment) => environment.SENDER_OUTAGE_MAX_PAUSE_MS >= environment.SENDER_OUTAGE_PAUSE_MS, {
    message: 'at least SENDER_OUTAGE_PAUSE_MS, the first pause',
    path: ['SENDER_OUTAGE_MAX_PAUSE_MS'],
  })
  .refine(
    (environment) =>
      new WorkingHours(
        environment.WORKING_HOURS,
        environment.WORKING_DAYS,
        environment.DEFAULT_TIME_ZONE,
      ).includesHour(environment.DIGEST_HOUR),
    { message: 'within WORKING_HOURS: the digest goes out at that hour, never held', path: ['DIGEST_HOUR'] },
  )
  .refine(...invitationSecretRequiredInProduction)
  .refine(...brandLogoSecureInProduction)
  .superRefine(kafkaConnectionRules)
  .superRefine(smtpSettingsValid)
  .superRefine(
    productionSecrets<
      SmtpEnvironment & {
        NODE_ENV?: string | undefined;
        DATABASE_URL: string;
        UNSUBSCRIBE_SECRET?: string | undefined;
        UNSUBSCRIBE_PREVIOUS_SECRETS: string[];
        INVITATION_SECRET?: string | undefined;
      }
    >([
      { name: 'UNSUBSCRIBE_SECRET', value: (environment) => environment.UNSUBSCRIBE_SECRET },
      {
        name: 'UNSUBSCRIBE_PREVIOUS_SECRETS',
        value: (environment) => environment.UNSUBSCRIBE_PREVIOUS_SECRETS,
        required: false,
      },
      // Required by invitationSecretRequiredInProduction already: checked here when set.
      { name: 'INVITATION_SECRET', value: (environment) => environment.INVITATION_SECRET, required: false },
      ...smtpSecretRules,
    ]),
  );

/**
 * The secret to sign unsubscribe links with: the configured one, or outside production a random one
 * for this process (`generated` true: say so in the log).
 */
export function unsubscribeSecretOf(environment: {
  NODE_ENV?: string | undefined;
  UNSUBSCRIBE_SECRET?: string | undefined;
}): { secret: string; generated: boolean } {
  if (environment.UNSUBSCRIBE_SECRET !== undefined)
    return { secret: environment.UNSUBSCRIBE_SECRET, generated: false };
  if (environment.NODE_ENV === 'production') throw new Error('UNSUBSCRIBE_SECRET is required in production');
  return { secret: randomBytes(SECRET_MIN_LENGTH).toString('base64url'), generated: true };
}

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

function durationMs(value: string): number {
  const unit = value.slice(-1) as keyof typeof UNIT_MS;
  return Number(value.slice(0, -1)) * UNIT_MS[unit];
}

export type NotificationsEnvironment = z.infer<typeof notificationsEnvironment>;
