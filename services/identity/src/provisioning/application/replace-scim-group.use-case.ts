import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ScimGroupNotFoundError, ScimUniquenessError } from '../domain/scim.errors';
import type { ScimGroupAttributes, ScimGroupRecord, ScimGroupState } from '../domain/scim-group';
import { isScimId } from '../domain/scim-user';
import { ScimGroupRepository } from '../infrastructure/scim-group.repository';
import { AdminRoleAudit } from './admin-role-audit';
import { GetScimGroup } from './get-scim-group.use-case';
import type { ProvisionedGroup } from './provisioned-group';

/** PUT /Groups/:id, and where a PATCH ends: the group becomes what the provider sent. */
@Injectable()
export class ReplaceScimGroup {
  constructor(
    private readonly dataSource: DataSource,
    private readonly groups: ScimGroupRepository,
    private readonly getScimGroup: GetScimGroup,
    private readonly adminRoleAudit: AdminRoleAudit,
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
    await this.dataSource.transaction(async (manager) => {
      const group = await this.groups.find(id, manager);
      if (!group) throw new ScimGroupNotFoundError(id);
      const memberIds = await this.groups.memberIdsOf(manager, id);
      const next = changed({ displayName: group.displayName, externalId: group.externalId, memberIds });
      if (await this.groups.displayNameTaken(manager, next.displayName, id))
        throw new ScimUniquenessError(`another group is named ${next.displayName}`);
      await this.adminRoleAudit.recordingChanges(manager, () => this.apply(manager, group, memberIds, next));
    });
    return this.getScimGroup.execute(id);
  }

  private async apply(
    manager: EntityManager,
    group: ScimGroupRecord,
    memberIds: string[],
    next: ScimGroupState,
  ): Promise<void> {
    const { id } = group;
    await this.groups.save(manager, {
      ...group,
      displayName: next.displayName,
      externalId: next.externalId,
      updatedAt: new Date(),
    });
    await this.groups.removeMembers(
      manager,
      id,
      memberIds.filter((memberId) => !next.memberIds.includes(memberId)),
    );
    await this.groups.addMembers(
      manager,
      id,
      next.memberIds.filter((memberId) => !memberIds.includes(memberId)),
    );
  }
}
