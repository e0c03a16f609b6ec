import type { SmtpSettings } from '@vouch/platform';

/** What configuration decides about password accounts and their emails. */
export interface AccountSettings {
  /** Every link starts with it: the portal's address (PUBLIC_URL). */
  publicUrl: string;
  /** The SMTP server, its TLS and login (SMTP_URL, SMTP_AUTH…), resolved at boot: as notifications'. */
  smtp: SmtpSettings;
  from: { name: string; address: string };
  confirmationTtlMs: number;
  resetTtlMs: number;
  /** At most this many account emails to one address in an hour, whoever asks for them. */
  emailsPerAddressPerHour: number;
}

export const ACCOUNT_SETTINGS = Symbol('ACCOUNT_SETTINGS');

/** A duration as an email says it: "24 hours", "1 hour", "30 minutes". */
export function durationInWords(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes % 60 !== 0) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = minutes / 60;
  return `${hours} hour${hours === 1 ? '' : 's'}`;
}
