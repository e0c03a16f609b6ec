import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '@vouch/messaging';
import { IDENTITY_SETTINGS, type IdentitySettings } from '../application/identity-settings';
import { GRANTABLE_ROLES, type GrantableRole } from '../domain/roles';

/** Whether an employee holds each role beyond `employee`. */
export type HeldRoles = Record<GrantableRole, boolean>;

/**
 * The members of each role's group, with the role: `$1` the roles and `$2` their groups' names, in
 * step. Groups are matched by displayName in any case, as SCIM keeps them unique.
 */
const GROUP_MEMBERS = `
  SELECT r.role, m.employee_id
    FROM scim_group_member m
    JOIN scim_group g ON g.id = m.group_id AND g.deleted_at IS NULL
    JOIN unnest($1::text[], $2::text[]) AS r (role, group_name) ON lower(g.display_name) = lower(r.group_name)`;

/**
 * The roles that membership of the company's groups gives (SCIM_ADMIN_GROUP, SCIM_HR_GROUP, pushed by
 * the identity provider over SCIM), and those an admin granted. Read from provisioning's tables
 * directly so that sign-in needs nothing of provisioning: with SCIM off there are no groups, and
 * nobody holds a role by group.
 */
@Injectable()
export class RoleGroupRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  /**
   * The roles the employee holds by the company's SCIM groups, or by an existing admin's grant
   * (`PUT /v1/admin/employees/:id/admin-role`, `…/hr-role`).
   */
  async heldBy(employeeId: string): Promise<HeldRoles> {
    const rows: Array<{ role: GrantableRole }> = await this.dataSource.query(
      `SELECT role FROM (${GROUP_MEMBERS}) members WHERE employee_id = $3
       UNION SELECT role FROM role_grant WHERE employee_id = $3`,
      [...this.groups(), employeeId],
    );
    const held = new Set(rows.map((row) => row.role));
    return { admin: held.has('admin'), hr: held.has('hr') };
  }

  /** Everyone in each role's group (grants aside), as the unit of work's transaction sees it. */
  async groupMembers(): Promise<Record<GrantableRole, Set<string>>> {
    const rows: Array<{ role: GrantableRole; employee_id: string }> = await this.unitOfWork
      .transaction()
      .query(GROUP_MEMBERS, this.groups());
    const members = { admin: new Set<string>(), hr: new Set<string>() };
    for (const row of rows) members[row.role].add(row.employee_id);
    return members;
  }

  /** The parameters of GROUP_MEMBERS. */
  private groups(): [GrantableRole[], string[]] {
    return [[...GRANTABLE_ROLES], GRANTABLE_ROLES.map((role) => this.settings.roleGroups[role])];
  }
}
