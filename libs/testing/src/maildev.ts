import type { ReceivedMessage } from './smtp-sink';
import { testInfrastructure } from './test-infrastructure';
import { waitFor } from './wait-for';

/** An email as maildev's REST API (or a test's own SMTP server) shows it. */
export interface ReceivedEmail {
  subject: string;
  text: string;
  html: string;
  messageId: string;
  to: Array<{ address: string; name: string }>;
  headers: Record<string, string>;
}

/** Every email maildev holds for one address (maildev is shared: always filter by recipient). */
export async function maildevInbox(address: string): Promise<ReceivedEmail[]> {
  // Filtered by maildev itself: the whole inbox grows to megabytes over a run, and tests poll it.
  const query = new URLSearchParams({ 'to.address': address });
  const response = await fetch(`${testInfrastructure().maildevUrl}/email?${query}`);
  const emails = (await response.json()) as ReceivedEmail[];
  return emails.filter((email) => email.to[0]?.address === address);
}

/**
 * Every email maildev holds, as the reconciler reads an SMTP server's log: for a maildev of a run's
 * own only (the compose stack's), never the shared one.
 */
export async function maildevReceivedMessages(): Promise<ReceivedMessage[]> {
  const response = await fetch(`${testInfrastructure().maildevUrl}/email`);
  const emails = (await response.json()) as Array<ReceivedEmail & { date: string }>;
  return emails.map((email) => ({
    to: email.to[0]?.address ?? '',
    // maildev shows the header's value with or without its angle brackets, by version.
    messageId: email.messageId && !email.messageId.startsWith('<') ? `<${email.messageId}>` : email.messageId,
    eventId: email.headers['x-vouch-event-id'],
    receivedAt: Date.parse(email.date),
  }));
}

/** Waits until an address has received `count` emails in maildev, and returns them. */
export function waitForEmails(address: string, count = 1): Promise<ReceivedEmail[]> {
  return waitFor(
    `${count} email(s) to ${address}`,
    () => maildevInbox(address),
    (emails) => emails.length >= count,
    { timeoutMs: 60_000, intervalMs: 250 },
  );
}

/** Waits until an address has received an email with this subject, and returns the first such. */
export async function waitForEmail(address: string, subject: string): Promise<ReceivedEmail> {
  const [email] = await waitFor(
    `"${subject}" to ${address}`,
    async () => (await maildevInbox(address)).filter((candidate) => candidate.subject === subject),
    (found) => found.length > 0,
    { timeoutMs: 60_000, intervalMs: 250 },
  );
  if (!email) throw new Error(`no "${subject}" to ${address}`);
  return email;
}

/** The subjects of every email an address has received so far. */
export async function subjectsReceivedBy(address: string): Promise<string[]> {
  return (await maildevInbox(address)).map((email) => email.subject);
}

/**
 * The token of the account link to `path` (`/confirm-email`, `/reset-password`) in an email identity
 * sent: the link is `<PUBLIC_URL><path>#token=<token>`.
 */
export function accountLinkToken(email: ReceivedEmail, path: string): string {
  const match = new RegExp(`${path.replace(/[/-]/g, '\\$&')}#token=([A-Za-z0-9_-]+)`).exec(email.text);
  if (!match?.[1]) throw new Error(`"${email.subject}" has no ${path} link`);
  return match[1];
}

/**
 * Waits for the "Confirm your email" emails to an address until there are `count`, and returns the
 * token of the latest one's link.
 */
export async function emailConfirmationToken(address: string, count = 1): Promise<string> {
  const emails = await waitFor(
    `${count} "Confirm your email" to ${address}`,
    async () => (await maildevInbox(address)).filter((email) => email.subject === 'Confirm your email'),
    (found) => found.length >= count,
    { timeoutMs: 60_000, intervalMs: 250 },
  );
  const latest = emails[emails.length - 1];
  if (!latest) throw new Error(`no "Confirm your email" to ${address}`);
  return accountLinkToken(latest, '/confirm-email');
}

/** The URL of an email's List-Unsubscribe header. */
export function unsubscribeUrl(email: ReceivedEmail): string {
  const match = /^<(.+)>$/.exec(email.headers['list-unsubscribe'] ?? '');
  if (!match?.[1]) throw new Error('the email has no List-Unsubscribe URL');
  return match[1];
}
