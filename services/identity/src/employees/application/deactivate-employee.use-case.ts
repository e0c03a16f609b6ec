import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@vouch/messaging';
import type { Actor } from '../../audit/domain/audit-entry';
import { AuditLog } from '../../audit/infrastructure/audit-log.repository';
import type { Employee } from '../domain/employee';
import { RevokeSessions } from '../../sessions/application/revoke-sessions';
import { EmployeeNotFoundError } from '../domain/employee.errors';
import { assertMayChangeActivation } from '../domain/hr-limits';
import { EmployeeRepository } from '../infrastructure/employee.repository';
import { Admins } from './admins';

export interface DeactivateEmployeeCommand {
  employeeId: string;
  actor: Actor;
  /** What the audit log records; `employee.deactivated` by default. */
  action?: 'employee.deactivated' | 'employee.deleted_from_scim';
}

@Injectable()
export class DeactivateEmployee {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly employees: EmployeeRepository,
    private readonly auditLog: AuditLog,
    private readonly admins: Admins,
    private readonly revokeSessions: RevokeSessions,
  ) {}

  /**
   * Offboards an employee; deactivating one already deactivated changes nothing. The audit log
   * says why when it is more than a deactivation: the identity provider deleted them, which it
   * records even of someone deactivated before (providers often disable first, delete later).
   * Their sessions end in the same transaction; their access tokens are refused by every service
   * within seconds, from the deactivated employees each instance reads (AuthenticatedGuard).
   */
  execute(command: DeactivateEmployeeCommand): Promise<Employee> {
    const { employeeId, actor, action = 'employee.deactivated' } = command;
    return this.unitOfWork.run(async () => {
      const employee = await this.employees.lockById(employeeId);
      if (!employee) throw new EmployeeNotFoundError(employeeId);
      // Only HR is limited, so only HR's requests look the roles up.
      if (actor.type === 'hr')
        assertMayChangeActivation(actor, { isAdmin: await this.admins.isAdmin(employeeId) }, 'deactivate');
      const before = employee.snapshot();
      const at = new Date();
      const deactivated = employee.deactivate(at);
      if (deactivated) {
        await this.employees.save(employee);
        await this.revokeSessions.forEmployee(employee.id, 'deactivated');
      }
      if (deactivated || action === 'employee.deleted_from_scim')
        await this.auditLog.record(actor, { action, at, before, after: employee.snapshot() });
      return employee;
    });
  }
}
