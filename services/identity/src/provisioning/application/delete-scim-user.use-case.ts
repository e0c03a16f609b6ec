import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DeactivateEmployee } from '../../employees/application/deactivate-employee.use-case';
import { ScimUserRepository } from '../infrastructure/scim-user.repository';
import { GetScimUser } from './get-scim-user.use-case';

/**
 * DELETE /Users/:id: the user is gone for SCIM (RFC 7644 §3.6), while Vouch keeps the person,
 * deactivated, with the recommendations they gave and received.
 */
@Injectable()
export class DeleteScimUser {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scimUsers: ScimUserRepository,
    private readonly deactivateEmployee: DeactivateEmployee,
    private readonly getScimUser: GetScimUser,
  ) {}

  async execute(id: string): Promise<void> {
    const { link } = await this.getScimUser.execute(id);
    await this.deactivateEmployee.execute(id);
    const at = new Date();
    await this.dataSource.transaction((manager) =>
      this.scimUsers.save(manager, { ...link, deletedAt: at, updatedAt: at }),
    );
  }
}
