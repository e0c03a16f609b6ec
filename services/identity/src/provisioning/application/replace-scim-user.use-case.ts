import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@vouch/messaging';
import { ScimUniquenessError } from '../domain/scim.errors';
import type { ScimUserAttributes } from '../domain/scim-user';
import { ScimUserRepository } from '../infrastructure/scim-user.repository';
import { GetScimUser } from './get-scim-user.use-case';
import { scimOnlyAttributesOf, type ProvisionedUser } from './provisioned-user';
import { SyncEmployee } from './sync-employee';

/** PUT /Users/:id, and where a PATCH ends: the user becomes what the provider sent. */
@Injectable()
export class ReplaceScimUser {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly scimUsers: ScimUserRepository,
    private readonly syncEmployee: SyncEmployee,
    private readonly getScimUser: GetScimUser,
  ) {}

  async execute(id: string, attributes: ScimUserAttributes): Promise<ProvisionedUser> {
    await this.getScimUser.execute(id);
    const { externalId } = attributes;
    // One unit of work: a refused change (a cycle, an email taken) leaves the user as it was.
    await this.unitOfWork.run(async () => {
      // Checked before the employee changes; the unique index still catches a concurrent request.
      if (externalId !== null && (await this.scimUsers.externalIdTaken(externalId, id)))
        throw new ScimUniquenessError(`another user has the externalId ${externalId}`);
      await this.syncEmployee.execute(id, attributes);
      await this.scimUsers.updateAttributes(id, scimOnlyAttributesOf(attributes), new Date());
    });
    return this.getScimUser.execute(id);
  }
}
