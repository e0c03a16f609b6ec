/** What an employee may do across Vouch; the token carries it. */
export type Role = 'employee' | 'admin';

/** Admins are named by configuration, by email; everyone is an employee. */
export function rolesOf(email: string, adminEmails: readonly string[]): Role[] {
  return adminEmails.includes(email) ? ['employee', 'admin'] : ['employee'];
}
