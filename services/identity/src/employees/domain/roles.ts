/** What an employee may do across Vouch; the token carries it. */
export type Role = 'employee' | 'admin';

/** What decides an employee's roles when a token is issued. */
export interface RoleFacts {
  email: string;
  /** Admins named by configuration, for the first admins before SCIM is connected. */
  adminEmails: readonly string[];
  /** Whether the employee is a member of the SCIM group named by SCIM_ADMIN_GROUP. */
  inAdminGroup: boolean;
}

/** Admins are named by email in configuration or are members of the admin group; everyone is an employee. */
export function rolesOf({ email, adminEmails, inAdminGroup }: RoleFacts): Role[] {
  return inAdminGroup || adminEmails.includes(email) ? ['employee', 'admin'] : ['employee'];
}
