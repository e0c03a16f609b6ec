import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@vouch/messaging';
import { ScimGroupNotFoundError, ScimUniquenessError } from '../domain/scim.errors';
import type { ScimGroupAttributes, ScimGroupRecord, ScimGroupState } from '../domain/scim-group';
import { isScimId } from '../domain/scim-user';
import { ScimGroupRepository } from '../infrastructure/scim-group.repository';
import { GroupRoleAudit } from './group-role-audit';
import { GetScimGroup } from './get-scim-group.use-case';
import type { ProvisionedGroup } from './provisioned-group';

/** PUT /Groups/:id, and where a PATCH ends: the group becomes what the provider sent. */
@Injectable()
export class ReplaceScimGroup {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly groups: ScimGroupRepository,
    private readonly getScimGroup: GetScimGroup,
    private readonly groupRoleAudit: GroupRoleAudit,
  ) {}

  async execute(id: string, attributes: ScimGroupAttributes): Promise<ProvisionedGroup> {
    return this.change(id, (group) => ({
      displayName: attributes.displayName,
      externalId: attributes.externalId,
      memberIds: attributes.memberIds ?? group.memberIds,
    }));
  }

  /**
   * The group as `changed` makes it of the group as it is, the group locked meanwhile so that
   * concurrent changes (Entra ID sends members in batches) apply one after another.
   */
  async change(id: string, changed: (group: ScimGroupState) => ScimGroupState): Promise<ProvisionedGroup> {
    if (!isScimId(id)) throw new ScimGroupNotFoundError(id);
    await this.unitOfWork.run(async () => {
      const group = await this.groups.lockById(id);
      if (!group) throw new ScimGroupNotFoundError(id);
      const memberIds = await this.groups.memberIdsOf(id);
      const next = changed({ displayName: group.displayName, externalId: group.externalId, memberIds });
      if (await this.groups.displayNameTaken(next.displayName, id))
        throw new ScimUniquenessError(`another group is named ${next.displayName}`);
      await this.groupRoleAudit.recordingChanges(() => this.apply(group, memberIds, next));
    });
    return this.getScimGroup.execute(id);
  }

  private async apply(group: ScimGroupRecord, memberIds: string[], next: ScimGroupState): Promise<void> {
    const { id } = group;
    await this.groups.save({
      ...group,
      displayName: next.displayName,
      externalId: next.externalId,
      updatedAt: new Date(),
    });
    await this.groups.removeMembers(
      id,
      memberIds.filter((memberId) => !next.memberIds.includes(memberId)),
    );
    await this.groups.addMembers(
      id,
      next.memberIds.filter((memberId) => !memberIds.includes(memberId)),
    );
  }
}
