/** What an employee may do across Vouch; the token carries it. */
export type Role = 'employee' | 'admin';

/** What decides an employee's roles when a token is issued. */
export interface RoleFacts {
  email: string;
  /** Admins named by configuration, for the first admins before SCIM or the IdP's groups are connected. */
  adminEmails: readonly string[];
  /**
   * Whether `email` is proven theirs: the company's identity provider vouched for it at this
   * sign-in (verified email over single sign-on), or a link sent to it was followed (the
   * confirmation or invitation email). Registering an address proves nothing.
   */
  emailProven: boolean;
  /**
   * Whether the company says they are an admin: a member of the SCIM group named by
   * SCIM_ADMIN_GROUP, or of the IdP group named by OIDC_ADMIN_GROUP at their single sign-on.
   */
  inAdminGroup: boolean;
}

/**
 * Admins are members of the company's admin group, or named in ADMIN_EMAILS with a proven address;
 * everyone is an employee.
 */
export function rolesOf({ email, adminEmails, emailProven, inAdminGroup }: RoleFacts): Role[] {
  return inAdminGroup || (emailProven && adminEmails.includes(email)) ? ['employee', 'admin'] : ['employee'];
}
