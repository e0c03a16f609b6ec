import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@vouch/messaging';
import { managerSourceOf, type Actor } from '../../audit/domain/audit-entry';
import { AuditLog } from '../../audit/infrastructure/audit-log.repository';
import type { Employee } from '../domain/employee';
import { EmployeeNotFoundError, UnknownManagerError } from '../domain/employee.errors';
import { assertMayChangeManagerLink } from '../domain/hr-limits';
import { EmployeeRepository } from '../infrastructure/employee.repository';

export interface ChangeManagerCommand {
  employeeId: string;
  /** Their new manager; null for none. */
  managerId: string | null;
  /** Who sets it, also the link's source. */
  actor: Actor;
}

/**
 * Sets an employee's manager link, its source being who sets it: SCIM, a CSV import, an admin. HR
 * may not change a link HR data owns (assertMayChangeManagerLink).
 */
@Injectable()
export class ChangeManager {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly employees: EmployeeRepository,
    private readonly auditLog: AuditLog,
  ) {}

  execute(command: ChangeManagerCommand): Promise<Employee> {
    const { employeeId, managerId, actor } = command;
    return this.unitOfWork.run(async () => {
      await this.employees.lockOrgChart();
      const employee = await this.employees.lockById(employeeId);
      if (!employee) throw new EmployeeNotFoundError(employeeId);
      assertMayChangeManagerLink(actor, employee.snapshot().managerSource);
      let chain: string[] = [];
      if (managerId !== null) {
        const boss = await this.employees.findById(managerId);
        if (!boss?.isActive) throw new UnknownManagerError(managerId);
        chain = await this.employees.managersAbove(managerId);
      }
      const before = employee.snapshot();
      const changedAt = new Date();
      if (!employee.changeManager(managerId, managerSourceOf(actor), chain, changedAt)) return employee;
      await this.employees.save(employee);
      await this.auditLog.record(actor, {
        action: 'employee.manager_changed',
        at: changedAt,
        before,
        after: employee.snapshot(),
      });
      return employee;
    });
  }
}
