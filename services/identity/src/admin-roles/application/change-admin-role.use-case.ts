import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../../audit/domain/audit-entry';
import { AuditLog } from '../../audit/infrastructure/audit-log.repository';
import { EmployeeNotFoundError } from '../../employees/domain/employee.errors';
import { EmployeeRepository } from '../../employees/infrastructure/employee.repository';
import { AdminGrantRepository, type AdminGrant } from '../infrastructure/admin-grant.repository';

/**
 * An admin makes another employee an admin, or takes that back: audit-logged in the same
 * transaction. The role shows in the tokens issued from the employee's next sign-in or refresh.
 * Only the grants admins made are theirs to take back: the company's groups (SCIM_ADMIN_GROUP,
 * OIDC_ADMIN_GROUP) and ADMIN_EMAILS are the company's.
 */
@Injectable()
export class ChangeAdminRole {
  constructor(
    private readonly dataSource: DataSource,
    private readonly employees: EmployeeRepository,
    private readonly grants: AdminGrantRepository,
    private readonly auditLog: AuditLog,
  ) {}

  /** Grants the role; granting it again changes nothing and answers the first grant. */
  async grant(employeeId: string, admin: Actor & { type: 'admin' }): Promise<AdminGrant> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.employees.findById(employeeId, manager))) throw new EmployeeNotFoundError(employeeId);
      const existing = await this.grants.lock(manager, employeeId);
      if (existing) return existing;
      const grant = { employeeId, grantedBy: admin.id, grantedAt: new Date() };
      if (!(await this.grants.insertIfAbsent(manager, grant))) {
        // A concurrent first grant won: answer it, as granting again does.
        return (await this.grants.lock(manager, employeeId)) ?? grant;
      }
      await this.auditLog.recordAdminGrant(manager, admin, {
        employeeId,
        granted: true,
        at: grant.grantedAt,
      });
      return grant;
    });
  }

  /** Takes back an admin's grant; none to take back changes nothing. */
  async revoke(employeeId: string, admin: Actor & { type: 'admin' }): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.employees.findById(employeeId, manager))) throw new EmployeeNotFoundError(employeeId);
      if (!(await this.grants.lock(manager, employeeId))) return;
      await this.grants.delete(manager, employeeId);
      await this.auditLog.recordAdminGrant(manager, admin, { employeeId, granted: false, at: new Date() });
    });
  }
}
