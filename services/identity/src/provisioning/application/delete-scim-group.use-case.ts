import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@vouch/messaging';
import { ScimGroupNotFoundError } from '../domain/scim.errors';
import { isScimId } from '../domain/scim-user';
import { ScimGroupRepository } from '../infrastructure/scim-group.repository';
import { GroupRoleAudit } from './group-role-audit';

/** DELETE /Groups/:id: the group is gone for SCIM and its members lose what it gave them. */
@Injectable()
export class DeleteScimGroup {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly groups: ScimGroupRepository,
    private readonly groupRoleAudit: GroupRoleAudit,
  ) {}

  async execute(id: string): Promise<void> {
    if (!isScimId(id)) throw new ScimGroupNotFoundError(id);
    await this.unitOfWork.run(async () => {
      if (!(await this.groups.lockById(id))) throw new ScimGroupNotFoundError(id);
      await this.groupRoleAudit.recordingChanges(() => this.groups.delete(id, new Date()));
    });
  }
}
