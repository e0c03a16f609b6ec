import type { ManagerSource } from '@vouch/contracts';
import type { Actor } from '../../audit/domain/audit-entry';
import { AdminOnlyForAdminsError, ManagerSetByHrDataError } from './employee.errors';

/**
 * What HR may not do that admins may. HR changes a manager link only where HR's own data (SCIM,
 * the people import) does not own it: its next sync would undo the change, and the org chart
 * verifies recommendations. Admins keep the override, as a break-glass the audit log records.
 */
export function assertMayChangeManagerLink(actor: Actor, currentSource: ManagerSource | null): void {
  if (actor.type !== 'hr') return;
  if (currentSource === 'scim' || currentSource === 'csv') throw new ManagerSetByHrDataError(currentSource);
}

/**
 * Only an admin may deactivate or reactivate an admin: HR could otherwise lock the admins out, or
 * bring back an admin whom an admin offboarded. SCIM and the import act for the company's own data.
 */
export function assertMayChangeActivation(
  actor: Actor,
  target: { isAdmin: boolean },
  change: 'deactivate' | 'reactivate',
): void {
  if (actor.type === 'hr' && target.isAdmin) throw new AdminOnlyForAdminsError(change);
}
