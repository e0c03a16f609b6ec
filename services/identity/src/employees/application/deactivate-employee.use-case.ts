import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { EmployeeDeactivatedV1 } from '@vouch/contracts';
import { inTransaction } from '@vouch/persistence';
import type { Actor } from '../../audit/domain/audit-entry';
import { AuditLog } from '../../audit/infrastructure/audit-log.repository';
import type { Employee } from '../domain/employee';
import { RevokeSessions } from '../../sessions/application/revoke-sessions';
import { EmployeeNotFoundError } from '../domain/employee.errors';
import { EmployeeRepository } from '../infrastructure/employee.repository';
import { EmployeeOutbox } from './employee-outbox';

export interface DeactivateEmployeeCommand {
  employeeId: string;
  actor: Actor;
  /** What the audit log records; `employee.deactivated` by default. */
  action?: 'employee.deactivated' | 'employee.deleted_from_scim';
}

@Injectable()
export class DeactivateEmployee {
  constructor(
    private readonly dataSource: DataSource,
    private readonly employees: EmployeeRepository,
    private readonly employeeOutbox: EmployeeOutbox,
    private readonly auditLog: AuditLog,
    private readonly revokeSessions: RevokeSessions,
  ) {}

  /**
   * Offboards an employee; deactivating one already deactivated changes nothing. The audit log
   * says why when it is more than a deactivation: the identity provider deleted them, which it
   * records even of someone deactivated before (providers often disable first, delete later).
   * Their sessions end in the same transaction; their access tokens are refused by every service
   * within seconds, from the deactivated employees each instance reads (AuthenticatedGuard).
   */
  async execute(command: DeactivateEmployeeCommand, within?: EntityManager): Promise<Employee> {
    const { employeeId, actor, action = 'employee.deactivated' } = command;
    return inTransaction(this.dataSource, within, async (manager) => {
      const employee = await this.employees.lockById(manager, employeeId);
      if (!employee) throw new EmployeeNotFoundError(employeeId);
      const before = employee.snapshot();
      const at = new Date();
      const deactivated = employee.deactivate(at);
      if (deactivated) {
        await this.employees.update(manager, employee);
        await this.revokeSessions.forEmployee(manager, employee.id, 'deactivated');
        await this.employeeOutbox.add(manager, employee, EmployeeDeactivatedV1, {
          employeeId: employee.id,
          deactivatedAt: at.toISOString(),
        });
      }
      if (deactivated || action === 'employee.deleted_from_scim')
        await this.auditLog.record(manager, actor, { action, at, before, after: employee.snapshot() });
      return employee;
    });
  }
}
