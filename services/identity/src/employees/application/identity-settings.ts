/** The rules of registration and sign-in that configuration decides. */
export interface IdentitySettings {
  /** Lower-cased; empty allows any domain. */
  allowedEmailDomains: string[];
  /** Lower-cased. */
  adminEmails: string[];
  /** The SCIM group whose members are admins, by displayName in any case. */
  adminGroup: string;
}

export const IDENTITY_SETTINGS = Symbol('IDENTITY_SETTINGS');
