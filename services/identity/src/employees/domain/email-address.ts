import { EmailDomainNotAllowedError } from './employee.errors';

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
