import { Inject, Injectable } from '@nestjs/common';
import { SCIM_ACTOR } from '../../audit/domain/audit-entry';
import { AuditLog } from '../../audit/infrastructure/audit-log.repository';
import { IDENTITY_SETTINGS, type IdentitySettings } from '../../employees/application/identity-settings';
import { AdminGroupRepository } from '../../employees/infrastructure/admin-group.repository';

/**
 * The admin role comes with membership of SCIM_ADMIN_GROUP, which many group changes can give or
 * take: members added or removed, the group renamed to or from that name, deleted, a user deleted.
 * Rather than reason about each, a group change is wrapped here: the group's members before and
 * after, in the same transaction, and an audit entry for each who joined or left.
 */
@Injectable()
export class AdminRoleAudit {
  constructor(
    private readonly adminGroup: AdminGroupRepository,
    private readonly auditLog: AuditLog,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  /** In the caller's unit of work. */
  async recordingChanges<T>(change: () => Promise<T>): Promise<T> {
    const before = await this.adminGroup.memberIds();
    const result = await change();
    const after = await this.adminGroup.memberIds();
    const at = new Date();
    const group = this.settings.adminGroup;
    for (const employeeId of [...after].filter((id) => !before.has(id)).sort())
      await this.auditLog.recordAdminRole(SCIM_ACTOR, { employeeId, granted: true, group, at });
    for (const employeeId of [...before].filter((id) => !after.has(id)).sort())
      await this.auditLog.recordAdminRole(SCIM_ACTOR, { employeeId, granted: false, group, at });
    return result;
  }
}
