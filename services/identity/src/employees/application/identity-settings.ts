/** The rules of registration and sign-in that configuration decides. */
export interface IdentitySettings {
  /** Lower-cased; empty allows any domain. */
  allowedEmailDomains: string[];
  /** Lower-cased. */
  adminEmails: string[];
}

export const IDENTITY_SETTINGS = Symbol('IDENTITY_SETTINGS');
