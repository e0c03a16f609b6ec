import { z } from 'zod';
import { EmailDomainNotAllowedError, InvalidProfileError } from './employee.errors';

/** Emails are compared and stored trimmed and lower-cased: one employee, one spelling. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Registration may be limited to the company's domains; an empty list allows any. A subdomain is
 * not its parent: `mail.acme.com` is allowed only if listed.
 */
export function assertDomainAllowed(email: string, allowedDomains: readonly string[]): void {
  if (allowedDomains.length === 0) return;
  const domain = normaliseEmail(email).split('@').pop() ?? '';
  if (!allowedDomains.some((allowed) => normaliseEmail(allowed) === domain)) {
    throw new EmailDomainNotAllowedError(domain);
  }
}

/** The rule the events hold an employee's email to (libs/contracts), so that every email kept can be published. */
const EMAIL_ADDRESS = z.email();

export function isEmailAddress(email: string): boolean {
  return EMAIL_ADDRESS.safeParse(email).success;
}

/** Refuses what is not an email address, before it is stored or published. */
export function assertEmailAddress(email: string): void {
  if (!isEmailAddress(email)) throw new InvalidProfileError(`${email} is not an email address`);
}
