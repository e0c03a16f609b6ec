import { Injectable } from '@nestjs/common';
import type { RoleGrant } from '../infrastructure/role-grant.repository';
import { RoleGrantChange, type RoleGrantCommand } from './role-grant-change';

/**
 * An admin makes another employee an admin, or HR, audit-logged in the same transaction. The role
 * shows in the tokens issued from the employee's next sign-in or refresh. Granting it again changes
 * nothing and answers the first grant.
 */
@Injectable()
export class GrantRole extends RoleGrantChange<RoleGrant> {
  protected async change({ employeeId, role, actor }: RoleGrantCommand): Promise<RoleGrant> {
    const existing = await this.grants.lock(employeeId, role);
    if (existing) return existing;
    const grant = { employeeId, role, grantedBy: actor.id, grantedAt: new Date() };
    if (!(await this.grants.insertIfAbsent(grant))) {
      // A concurrent first grant won: answer it, as granting again does.
      return (await this.grants.lock(employeeId, role)) ?? grant;
    }
    await this.auditLog.recordRoleGrant(actor, { role, employeeId, granted: true, at: grant.grantedAt });
    return grant;
  }
}
