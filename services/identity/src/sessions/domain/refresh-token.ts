import { createHash, randomBytes } from 'node:crypto';

/** A new refresh token: 256 random bits, base64url (43 characters). Only its hash is stored. */
export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps of a refresh token: its SHA-256, so a copy of the table signs no one in. */
export function refreshTokenHash(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/**
 * What a sign-in established about the employee that a refresh cannot ask again, kept with the
 * session so that each refresh decides the roles as that sign-in would now.
 */
export interface SignInFacts {
  /** The address was proven theirs at the sign-in (a followed email link, the IdP's verified email). */
  emailProven: boolean;
  /** The identity provider's token named them in the admin group (OIDC_ADMIN_GROUP). */
  inIdpAdminGroup: boolean;
}

/** A refresh token as found when it is presented, with its family (one sign-in's chain of tokens). */
export interface PresentedRefreshToken {
  familyId: string;
  employeeId: string;
  /** Past it the token is refused: a session idle for REFRESH_TOKEN_IDLE_DAYS ends. */
  expiresAt: Date;
  /** Set once the token was exchanged for the next: presenting it again is a reuse. */
  rotatedAt: Date | null;
  /** The whole family's end: REFRESH_TOKEN_TTL_DAYS after the sign-in, however often it is used. */
  familyExpiresAt: Date;
  familyRevokedAt: Date | null;
}

/** What presenting a refresh token leads to. */
export type RefreshVerdict =
  /** Valid: exchange it for a new access token and the family's next refresh token. */
  | 'rotate'
  /** Exchanged before: someone holds a copy (stolen, or replayed). The whole family is revoked. */
  | 'reused'
  /** The session ended: logout, reuse, a password change or a deactivation revoked it. */
  | 'revoked'
  | 'expired';

export function verdictOn(token: PresentedRefreshToken, now: Date): RefreshVerdict {
  if (token.familyRevokedAt !== null) return 'revoked';
  if (token.rotatedAt !== null) return 'reused';
  if (token.expiresAt <= now || token.familyExpiresAt <= now) return 'expired';
  return 'rotate';
}

/**
 * When the next token of a family expires: after the idle limit, never past the family's own end.
 */
export function nextExpiryOf(familyExpiresAt: Date, idleMs: number, now: Date): Date {
  return new Date(Math.min(familyExpiresAt.getTime(), now.getTime() + idleMs));
}
