import { Injectable } from '@nestjs/common';
import type { GroupFilter, Page } from '../domain/scim-query';
import { ScimGroupRepository } from '../infrastructure/scim-group.repository';
import type { ProvisionedGroup } from './provisioned-group';

@Injectable()
export class ListScimGroups {
  constructor(private readonly groups: ScimGroupRepository) {}

  async execute(
    filter: GroupFilter | undefined,
    page: Page,
    withMembers: boolean,
  ): Promise<{ total: number; groups: ProvisionedGroup[] }> {
    const { total, groups } = await this.groups.list(filter, page.startIndex - 1, page.count);
    if (!withMembers) return { total, groups: groups.map((group) => ({ group })) };
    const members = await this.groups.membersOf(groups.map((group) => group.id));
    return { total, groups: groups.map((group) => ({ group, members: members.get(group.id) ?? [] })) };
  }
}
