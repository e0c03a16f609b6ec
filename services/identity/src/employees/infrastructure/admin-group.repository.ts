import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { UnitOfWork } from '@vouch/messaging';
import { IDENTITY_SETTINGS, type IdentitySettings } from '../application/identity-settings';

/**
 * Membership of the admin group the identity provider pushes over SCIM. Read from provisioning's
 * tables directly so that sign-in needs nothing of provisioning: with SCIM off there are no
 * groups, and nobody is an admin by group.
 */
@Injectable()
export class AdminGroupRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  /**
   * Whether the employee is an admin by the company's SCIM group, or by an existing admin's grant
   * (`PUT /v1/admin/employees/:id/admin-role`).
   */
  async includes(employeeId: string): Promise<boolean> {
    const [byGroup, granted] = await Promise.all([
      this.members(this.dataSource.manager)
        .andWhere('m.employee_id = :employeeId', { employeeId })
        .getExists(),
      this.dataSource.query(`SELECT 1 FROM admin_grant WHERE employee_id = $1`, [employeeId]) as Promise<
        unknown[]
      >,
    ]);
    return byGroup || granted.length > 0;
  }

  /** Everyone in the admin group, as the unit of work's transaction sees it. */
  async memberIds(): Promise<Set<string>> {
    const rows: Array<{ employeeId: string }> = await this.members(this.unitOfWork.transaction())
      .select('m.employee_id', 'employeeId')
      .getRawMany();
    return new Set(rows.map((row) => row.employeeId));
  }

  private members(manager: EntityManager) {
    return manager
      .createQueryBuilder()
      .select('1')
      .from('scim_group_member', 'm')
      .innerJoin('scim_group', 'g', 'g.id = m.group_id')
      .where('g.deleted_at IS NULL AND lower(g.display_name) = lower(:adminGroup)', {
        adminGroup: this.settings.adminGroup,
      });
  }
}
