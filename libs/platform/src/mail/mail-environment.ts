import { z } from 'zod';

/**
 * Where the services that send email (notifications, and identity for account emails) hand it
 * over, who it comes from, and where its links lead: the same settings in both, so every email
 * Vouch sends looks alike and comes from one sender.
 */
export const mailEnvironment = z.object({
  /** Where emails are handed over: smtp://host:port or smtps://user:pass@host:port. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).default('smtp://127.0.0.1:1025'),
  /** The address people reach Vouch at; every link in an email starts with it. */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .default('http://127.0.0.1:8080')
    .transform((url) => url.replace(/\/+$/, '')),
  /** The sender of every email. */
  MAIL_FROM_ADDRESS: z.email().default('vouch@vouch.localhost'),
  MAIL_FROM_NAME: z.string().min(1).max(100).default('Vouch'),
});
export type MailEnvironment = z.infer<typeof mailEnvironment>;
