import { Injectable } from '@nestjs/common';
import { RoleGrantChange, type RoleGrantCommand } from './role-grant-change';

/**
 * An admin takes back a role an admin granted, audit-logged in the same transaction. Only the grants
 * admins made are theirs to take back: the company's groups (SCIM_ADMIN_GROUP, SCIM_HR_GROUP,
 * OIDC_ADMIN_GROUP) and ADMIN_EMAILS are the company's. None to take back changes nothing.
 */
@Injectable()
export class RevokeRole extends RoleGrantChange<void> {
  protected async change({ employeeId, role, actor }: RoleGrantCommand): Promise<void> {
    if (!(await this.grants.lock(employeeId, role))) return;
    await this.grants.delete(employeeId, role);
    await this.auditLog.recordRoleGrant(actor, { role, employeeId, granted: false, at: new Date() });
  }
}
