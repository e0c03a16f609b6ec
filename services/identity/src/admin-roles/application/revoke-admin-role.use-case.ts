import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@vouch/messaging';
import type { Actor } from '../../audit/domain/audit-entry';
import { AuditLog } from '../../audit/infrastructure/audit-log.repository';
import { EmployeeNotFoundError } from '../../employees/domain/employee.errors';
import { EmployeeRepository } from '../../employees/infrastructure/employee.repository';
import { AdminGrantRepository } from '../infrastructure/admin-grant.repository';

export interface RevokeAdminRoleCommand {
  employeeId: string;
  /** The admin taking it back. */
  actor: Actor & { type: 'admin' };
}

/**
 * An admin takes back the admin role an admin granted, audit-logged in the same transaction. Only
 * the grants admins made are theirs to take back: the company's groups (SCIM_ADMIN_GROUP,
 * OIDC_ADMIN_GROUP) and ADMIN_EMAILS are the company's.
 */
@Injectable()
export class RevokeAdminRole {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly employees: EmployeeRepository,
    private readonly grants: AdminGrantRepository,
    private readonly auditLog: AuditLog,
  ) {}

  /** None to take back changes nothing. */
  async execute(command: RevokeAdminRoleCommand): Promise<void> {
    const { employeeId, actor } = command;
    await this.unitOfWork.run(async () => {
      if (!(await this.employees.findById(employeeId))) throw new EmployeeNotFoundError(employeeId);
      if (!(await this.grants.lock(employeeId))) return;
      await this.grants.delete(employeeId);
      await this.auditLog.recordAdminGrant(actor, { employeeId, granted: false, at: new Date() });
    });
  }
}
