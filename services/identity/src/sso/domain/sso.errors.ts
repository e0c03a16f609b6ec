/**
 * Why a single sign-on was refused. Each code is what the portal's sign-in page is sent with
 * (`/signin?error=<code>`), to say what happened and whom to ask: part of the contract.
 */
export const SSO_REFUSALS = [
  /** The company has not given them access to Vouch (not provisioned, and no just-in-time creation). */
  'not_provisioned',
  /** Their employee is deactivated. */
  'deactivated',
  /** The employee this account would be is already linked to another account of the provider. */
  'account_conflict',
  /** An employee has this email, but the provider does not vouch for it (email_verified). */
  'email_not_verified',
  /** The provider sent no email, or one Vouch may not register (ALLOWED_EMAIL_DOMAINS). */
  'email_unusable',
  /** The sign-in could not be completed: cancelled, expired, tampered with, or the provider failed. */
  'sso_failed',
] as const;
export type SsoRefusal = (typeof SSO_REFUSALS)[number];

export class SsoRefusedError extends Error {
  constructor(
    readonly refusal: SsoRefusal,
    detail: string,
  ) {
    super(`single sign-on refused (${refusal}): ${detail}`);
    this.name = 'SsoRefusedError';
  }
}
