/** What an employee may do across Vouch; the token carries it. */
export type Role = 'employee' | 'admin' | 'hr';

/**
 * The roles beyond `employee` that the company's groups give (SCIM_ADMIN_GROUP, SCIM_HR_GROUP) and
 * that an admin may grant. Admins may do all HR may; the token names each role held.
 */
export const GRANTABLE_ROLES = ['admin', 'hr'] as const satisfies ReadonlyArray<Role>;
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

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
   * SCIM_ADMIN_GROUP, or of the IdP group named by OIDC_ADMIN_GROUP at their single sign-on; or an
   * admin granted them the role.
   */
  inAdminGroup: boolean;
  /** Whether they are HR: a member of the SCIM group named by SCIM_HR_GROUP, or granted it by an admin. */
  inHrGroup: boolean;
}

/**
 * Admins are members of the company's admin group, or named in ADMIN_EMAILS with a proven address;
 * HR are members of its HR group; everyone is an employee.
 */
export function rolesOf({ email, adminEmails, emailProven, inAdminGroup, inHrGroup }: RoleFacts): Role[] {
  const admin = inAdminGroup || (emailProven && adminEmails.includes(email));
  return ['employee', ...(admin ? (['admin'] as const) : []), ...(inHrGroup ? (['hr'] as const) : [])];
}
