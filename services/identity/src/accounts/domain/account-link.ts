import { createHash, randomBytes } from 'node:crypto';
import { AccountLinkNotValidError } from './account.errors';

/**
 * The secret of a link in an account email ("Confirm your email", "Reset your password"): 256
 * random bits, base64url. Only the email holds it; identity keeps its SHA-256 hash, so a copy of
 * the database confirms nothing and resets no one.
 */
export function newLinkToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What identity keeps of a link's token, and looks it up by: its SHA-256, hex. */
export function linkTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** When a link issued `at` stops working. */
export function linkExpiry(at: Date, ttlMs: number): Date {
  return new Date(at.getTime() + ttlMs);
}

/**
 * A link works once, before it expires: anything else (a used one, an expired one, one replaced by
 * a newer email, one never issued) gets the same answer, which tells nothing about the account.
 */
export function assertLinkUsable(link: { expiresAt: Date; usedAt: Date | null } | undefined, at: Date): void {
  if (!link || link.usedAt !== null || at.getTime() >= link.expiresAt.getTime())
    throw new AccountLinkNotValidError();
}
