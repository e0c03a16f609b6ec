import { Inject, Injectable } from '@nestjs/common';
import { SCIM_ACTOR } from '../../audit/domain/audit-entry';
import { AuditLog } from '../../audit/infrastructure/audit-log.repository';
import { IDENTITY_SETTINGS, type IdentitySettings } from '../../employees/application/identity-settings';
import { GRANTABLE_ROLES } from '../../employees/domain/roles';
import { RoleGroupRepository } from '../../employees/infrastructure/role-group.repository';

/**
 * The admin and HR roles come with membership of SCIM_ADMIN_GROUP and SCIM_HR_GROUP, which many
 * group changes can give or take: members added or removed, a group renamed to or from that name,
 * deleted, a user deleted. Rather than reason about each, a group change is wrapped here: each role
 * group's members before and after, in the same transaction, and an audit entry for each who joined
 * or left.
 */
@Injectable()
export class GroupRoleAudit {
  constructor(
    private readonly roleGroups: RoleGroupRepository,
    private readonly auditLog: AuditLog,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  /** In the caller's unit of work. */
  async recordingChanges<T>(change: () => Promise<T>): Promise<T> {
    const before = await this.roleGroups.groupMembers();
    const result = await change();
    const after = await this.roleGroups.groupMembers();
    const at = new Date();
    for (const role of GRANTABLE_ROLES) {
      const group = this.settings.roleGroups[role];
      const [was, is] = [before[role], after[role]];
      for (const employeeId of [...is].filter((id) => !was.has(id)).sort())
        await this.auditLog.recordGroupRole(SCIM_ACTOR, { role, employeeId, granted: true, group, at });
      for (const employeeId of [...was].filter((id) => !is.has(id)).sort())
        await this.auditLog.recordGroupRole(SCIM_ACTOR, { role, employeeId, granted: false, group, at });
    }
    return result;
  }
}
