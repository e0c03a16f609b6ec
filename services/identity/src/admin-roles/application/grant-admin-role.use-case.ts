import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@vouch/messaging';
import type { Actor } from '../../audit/domain/audit-entry';
import { AuditLog } from '../../audit/infrastructure/audit-log.repository';
import { EmployeeNotFoundError } from '../../employees/domain/employee.errors';
import { EmployeeRepository } from '../../employees/infrastructure/employee.repository';
import { AdminGrantRepository, type AdminGrant } from '../infrastructure/admin-grant.repository';

export interface GrantAdminRoleCommand {
  employeeId: string;
  /** The admin granting it. */
  actor: Actor & { type: 'admin' };
}

/**
 * An admin makes another employee an admin, audit-logged in the same transaction. The role shows in
 * the tokens issued from the employee's next sign-in or refresh.
 */
@Injectable()
export class GrantAdminRole {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly employees: EmployeeRepository,
    private readonly grants: AdminGrantRepository,
    private readonly auditLog: AuditLog,
  ) {}

  /** Granting it again changes nothing and answers the first grant. */
  async execute(command: GrantAdminRoleCommand): Promise<AdminGrant> {
    const { employeeId, actor } = command;
    return this.unitOfWork.run(async () => {
      if (!(await this.employees.findById(employeeId))) throw new EmployeeNotFoundError(employeeId);
      const existing = await this.grants.lock(employeeId);
      if (existing) return existing;
      const grant = { employeeId, grantedBy: actor.id, grantedAt: new Date() };
      if (!(await this.grants.insertIfAbsent(grant))) {
        // A concurrent first grant won: answer it, as granting again does.
        return (await this.grants.lock(employeeId)) ?? grant;
      }
      await this.auditLog.recordAdminGrant(actor, {
        employeeId,
        granted: true,
        at: grant.grantedAt,
      });
      return grant;
    });
  }
}
