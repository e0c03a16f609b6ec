import { Injectable } from '@nestjs/common';
import { applyPatch } from '../domain/scim-patch';
import { scimResourceOf, scimUserFrom } from '../domain/scim-user';
import { GetScimUser } from './get-scim-user.use-case';
import type { ProvisionedUser } from './provisioned-user';
import { ReplaceScimUser } from './replace-scim-user.use-case';

/** PATCH /Users/:id: the operations applied to the user as it is, then saved as a PUT would. */
@Injectable()
export class PatchScimUser {
  constructor(
    private readonly getScimUser: GetScimUser,
    private readonly replaceScimUser: ReplaceScimUser,
  ) {}

  async execute(id: string, patchRequest: unknown): Promise<ProvisionedUser> {
    const { employee, link } = await this.getScimUser.execute(id);
    const patched = applyPatch(scimResourceOf(employee, link, ''), patchRequest);
    return this.replaceScimUser.execute(id, scimUserFrom(patched));
  }
}
