import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@vouch/messaging';
import { SCIM_ACTOR } from '../../audit/domain/audit-entry';
import { DeactivateEmployee } from '../../employees/application/deactivate-employee.use-case';
import { ScimGroupRepository } from '../infrastructure/scim-group.repository';
import { ScimUserRepository } from '../infrastructure/scim-user.repository';
import { GroupRoleAudit } from './group-role-audit';
import { GetScimUser } from './get-scim-user.use-case';

/**
 * DELETE /Users/:id: the user is gone for SCIM (RFC 7644 §3.6), while Vouch keeps the person,
 * deactivated, with the recommendations they gave and received.
 */
@Injectable()
export class DeleteScimUser {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly scimUsers: ScimUserRepository,
    private readonly groups: ScimGroupRepository,
    private readonly deactivateEmployee: DeactivateEmployee,
    private readonly getScimUser: GetScimUser,
    private readonly groupRoleAudit: GroupRoleAudit,
  ) {}

  async execute(id: string): Promise<void> {
    const { link } = await this.getScimUser.execute(id);
    await this.deactivateEmployee.execute({
      employeeId: id,
      actor: SCIM_ACTOR,
      action: 'employee.deleted_from_scim',
    });
    const at = new Date();
    await this.unitOfWork.run(async () => {
      await this.scimUsers.save({ ...link, deletedAt: at, updatedAt: at });
      // Gone for SCIM is in no group, so a user created again does not come back an admin.
      await this.groupRoleAudit.recordingChanges(() => this.groups.removeFromAllGroups(id));
    });
  }
}
