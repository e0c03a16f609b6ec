import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { EmployeeManagerChangedV1, EmployeeManagerChangedV2 } from '@vouch/contracts';
import { inTransaction } from '@vouch/persistence';
import { managerSourceOf, type Actor } from '../../audit/domain/audit-entry';
import { AuditLog } from '../../audit/infrastructure/audit-log.repository';
import type { Employee } from '../domain/employee';
import { EmployeeNotFoundError, UnknownManagerError } from '../domain/employee.errors';
import { EmployeeRepository } from '../infrastructure/employee.repository';
import { EmployeeOutbox } from './employee-outbox';

// Org chart changes take turns: two concurrent changes could each pass the cycle check alone and
// make a cycle together.
const ORG_CHART_LOCK = 'identity.org_chart';

export interface ChangeManagerCommand {
  employeeId: string;
  /** Their new manager; null for none. */
  managerId: string | null;
  /** Who sets it, also the link's source. */
  actor: Actor;
}

/** Sets an employee's manager link, its source being who sets it: SCIM, a CSV import, an admin. */
@Injectable()
export class ChangeManager {
  constructor(
    private readonly dataSource: DataSource,
    private readonly employees: EmployeeRepository,
    private readonly employeeOutbox: EmployeeOutbox,
    private readonly auditLog: AuditLog,
  ) {}

  async execute(command: ChangeManagerCommand, within?: EntityManager): Promise<Employee> {
    const { employeeId, managerId, actor } = command;
    return inTransaction(this.dataSource, within, async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [ORG_CHART_LOCK]);
      const employee = await this.employees.lockById(manager, employeeId);
      if (!employee) throw new EmployeeNotFoundError(employeeId);
      let chain: string[] = [];
      if (managerId !== null) {
        const boss = await this.employees.findById(managerId, manager);
        if (!boss?.isActive) throw new UnknownManagerError(managerId);
        chain = await this.employees.managersAbove(manager, managerId);
      }
      const before = employee.snapshot();
      const changedAt = new Date();
      const change = employee.changeManager(managerId, managerSourceOf(actor), chain, changedAt);
      if (!change) return employee;
      await this.employees.update(manager, employee);
      const v1 = {
        employeeId: employee.id,
        managerId,
        previousManagerId: change.previousManagerId,
        changedAt: changedAt.toISOString(),
      };
      // One event in both versions until consumers of v1 have moved (docs/schema-evolution.md).
      await this.employeeOutbox.addInVersions(manager, employee, [
        [EmployeeManagerChangedV1, v1],
        [EmployeeManagerChangedV2, { ...v1, managerSource: employee.snapshot().managerSource }],
      ]);
      await this.auditLog.record(manager, actor, {
        action: 'employee.manager_changed',
        at: changedAt,
        before,
        after: employee.snapshot(),
      });
      return employee;
    });
  }
}
