import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EmployeeManagerChangedV1 } from '@vouch/contracts';
import type { Actor } from '../../audit/domain/audit-entry';
import { AuditLog } from '../../audit/infrastructure/audit-log.repository';
import type { Employee } from '../domain/employee';
import { EmployeeNotFoundError, UnknownManagerError } from '../domain/employee.errors';
import { EmployeeRepository } from '../infrastructure/employee.repository';
import { EmployeeOutbox } from './employee-outbox';

// Org chart changes take turns: two concurrent changes could each pass the cycle check alone and
// make a cycle together.
const ORG_CHART_LOCK = 'identity.org_chart';

@Injectable()
export class ChangeManager {
  constructor(
    private readonly dataSource: DataSource,
    private readonly employees: EmployeeRepository,
    private readonly employeeOutbox: EmployeeOutbox,
    private readonly auditLog: AuditLog,
  ) {}

  async execute(employeeId: string, managerId: string | null, actor: Actor): Promise<Employee> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [ORG_CHART_LOCK]);
      const employee = await this.employees.lockById(manager, employeeId);
      if (!employee) throw new EmployeeNotFoundError(employeeId);
      let chain: string[] = [];
      if (managerId !== null) {
        const boss = await this.employees.findById(managerId, manager);
        if (!boss?.isActive) throw new UnknownManagerError(managerId);
        chain = await this.employees.managersAbove(manager, managerId);
      }
      const before = employee.snapshot;
      const changedAt = new Date();
      const change = employee.changeManager(managerId, chain, changedAt);
      if (!change) return employee;
      await this.employees.update(manager, employee);
      await this.employeeOutbox.add(manager, employee, EmployeeManagerChangedV1, {
        employeeId: employee.id,
        managerId,
        previousManagerId: change.previousManagerId,
        changedAt: changedAt.toISOString(),
      });
      await this.auditLog.record(manager, actor, {
        action: 'employee.manager_changed',
        at: changedAt,
        before,
        after: employee.snapshot,
      });
      return employee;
    });
  }
}
