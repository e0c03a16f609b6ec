import { Injectable } from '@nestjs/common';
import { ScimGroupNotFoundError } from '../domain/scim.errors';
import { isScimId } from '../domain/scim-user';
import { ScimGroupRepository } from '../infrastructure/scim-group.repository';
import type { ProvisionedGroup } from './provisioned-group';

@Injectable()
export class GetScimGroup {
  constructor(private readonly groups: ScimGroupRepository) {}

  /** A group not deleted, with its members unless `withMembers` is false. */
  async execute(id: string, withMembers = true): Promise<ProvisionedGroup> {
    const group = isScimId(id) ? await this.groups.find(id) : undefined;
    if (!group) throw new ScimGroupNotFoundError(id);
    if (!withMembers) return { group };
    const members = await this.groups.membersOf([id]);
    return { group, members: members.get(id) ?? [] };
  }
}
