import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { UnitOfWork } from '@vouch/messaging';
import { ScimUniquenessError } from '../domain/scim.errors';
import type { ScimGroupAttributes } from '../domain/scim-group';
import { ScimGroupRepository } from '../infrastructure/scim-group.repository';
import { GroupRoleAudit } from './group-role-audit';
import { GetScimGroup } from './get-scim-group.use-case';
import type { ProvisionedGroup } from './provisioned-group';

/** POST /Groups: a group, its displayName unique among the groups not deleted, with its members. */
@Injectable()
export class CreateScimGroup {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly groups: ScimGroupRepository,
    private readonly getScimGroup: GetScimGroup,
    private readonly groupRoleAudit: GroupRoleAudit,
  ) {}

  async execute(attributes: ScimGroupAttributes): Promise<ProvisionedGroup> {
    const id = randomUUID();
    await this.unitOfWork.run(async () => {
      // Checked first for a clear answer; the unique index still catches a concurrent request.
      if (await this.groups.displayNameTaken(attributes.displayName, id))
        throw new ScimUniquenessError(`another group is named ${attributes.displayName}`);
      const at = new Date();
      await this.groups.save({
        id,
        displayName: attributes.displayName,
        externalId: attributes.externalId,
        createdAt: at,
        updatedAt: at,
      });
      await this.groupRoleAudit.recordingChanges(() =>
        this.groups.addMembers(id, attributes.memberIds ?? []),
      );
    });
    return this.getScimGroup.execute(id);
  }
}
