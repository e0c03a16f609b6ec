import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ScimGroupNotFoundError } from '../domain/scim.errors';
import { isScimId } from '../domain/scim-user';
import { ScimGroupRepository } from '../infrastructure/scim-group.repository';
import { AdminRoleAudit } from './admin-role-audit';

/** DELETE /Groups/:id: the group is gone for SCIM and its members lose what it gave them. */
@Injectable()
export class DeleteScimGroup {
  constructor(
    private readonly dataSource: DataSource,
    private readonly groups: ScimGroupRepository,
    private readonly adminRoleAudit: AdminRoleAudit,
  ) {}

  async execute(id: string): Promise<void> {
    if (!isScimId(id)) throw new ScimGroupNotFoundError(id);
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.groups.find(id, manager))) throw new ScimGroupNotFoundError(id);
      await this.adminRoleAudit.recordingChanges(manager, () => this.groups.delete(manager, id, new Date()));
    });
  }
}
