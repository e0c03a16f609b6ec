import { Injectable } from '@nestjs/common';
import { applyGroupPatch } from '../domain/scim-group';
import type { ProvisionedGroup } from './provisioned-group';
import { ReplaceScimGroup } from './replace-scim-group.use-case';

/** PATCH /Groups/:id: the operations applied to the group as it is, then saved as a PUT would. */
@Injectable()
export class PatchScimGroup {
  constructor(private readonly replaceScimGroup: ReplaceScimGroup) {}

  async execute(id: string, patchRequest: unknown): Promise<ProvisionedGroup> {
    return this.replaceScimGroup.change(id, (group) => applyGroupPatch(group, patchRequest));
  }
}
