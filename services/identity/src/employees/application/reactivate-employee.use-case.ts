import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { EmployeeReactivatedV1 } from '@vouch/contracts';
import { inTransaction } from '@vouch/persistence';
import type { Actor } from '../../audit/domain/audit-entry';
import { AuditLog } from '../../audit/infrastructure/audit-log.repository';
import type { Employee } from '../domain/employee';
import { EmployeeNotFoundError } from '../domain/employee.errors';
import { EmployeeRepository } from '../infrastructure/employee.repository';
import { EmployeeOutbox } from './employee-outbox';

export interface ReactivateEmployeeCommand {
  employeeId: string;
  actor: Actor;
}

@Injectable()
export class ReactivateEmployee {
  constructor(
    private readonly dataSource: DataSource,
    private readonly employees: EmployeeRepository,
    private readonly employeeOutbox: EmployeeOutbox,
    private readonly auditLog: AuditLog,
  ) {}

  /** Undoes an offboarding; reactivating an active employee changes nothing. */
  async execute(command: ReactivateEmployeeCommand, within?: EntityManager): Promise<Employee> {
    const { employeeId, actor } = command;
    return inTransaction(this.dataSource, within, async (manager) => {
      const employee = await this.employees.lockById(manager, employeeId);
      if (!employee) throw new EmployeeNotFoundError(employeeId);
      const before = employee.snapshot();
      const at = new Date();
      if (!employee.reactivate(at)) return employee;
      await this.employees.update(manager, employee);
      await this.employeeOutbox.add(manager, employee, EmployeeReactivatedV1, {
        employeeId: employee.id,
        reactivatedAt: at.toISOString(),
      });
      await this.auditLog.record(manager, actor, {
        action: 'employee.reactivated',
        at,
        before,
        after: employee.snapshot(),
      });
      return employee;
    });
  }
}
