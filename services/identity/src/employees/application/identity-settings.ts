import type { GrantableRole } from '../domain/roles';

/** The rules of registration and sign-in that configuration decides. */
export interface IdentitySettings {
  /** Lower-cased; empty allows any domain. */
  allowedEmailDomains: string[];
  /** Lower-cased. */
  adminEmails: string[];
  /** The SCIM group whose members hold each role, by displayName in any case. */
  roleGroups: Readonly<Record<GrantableRole, string>>;
  /** Whether people sign up, sign in and reset with a password (AUTH_PASSWORD_ENABLED). */
  passwordSignIn: boolean;
}

export const IDENTITY_SETTINGS = Symbol('IDENTITY_SETTINGS');
