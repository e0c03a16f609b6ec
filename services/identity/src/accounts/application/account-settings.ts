import type { EmailLook, SmtpSettings } from '@vouch/platform';

/** What configuration decides about password accounts and their emails. */
export interface AccountSettings {
  /** Every link starts with it: the portal's address (PUBLIC_URL). */
  publicUrl: string;
  /** The SMTP server, its TLS and login (SMTP_URL, SMTP_AUTH…), resolved at boot: as notifications'. */
  smtp: SmtpSettings;
  from: { name: string; address: string };
  /** The company's brand and default language (COMPANY_NAME, BRAND_COLOR, DEFAULT_LANGUAGE…). */
  emailLook: EmailLook;
  /** Dates in emails to people whose profile names no time zone (DEFAULT_TIME_ZONE). */
  defaultTimeZone: string;
  confirmationTtlMs: number;
  resetTtlMs: number;
  /** At most this many account emails to one address in an hour, whoever asks for them. */
  emailsPerAddressPerHour: number;
}

export const ACCOUNT_SETTINGS = Symbol('ACCOUNT_SETTINGS');
