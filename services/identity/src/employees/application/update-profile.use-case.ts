import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { EmployeeProfileUpdatedV1 } from '@vouch/contracts';
import { inTransaction } from '@vouch/persistence';
import type { ChangedBy } from '../../audit/domain/audit-entry';
import { AuditLog } from '../../audit/infrastructure/audit-log.repository';
import type { Employee } from '../domain/employee';
import { EmployeeNotFoundError } from '../domain/employee.errors';
import type { ProfileChanges } from '../domain/profile';
import { EmployeeRepository } from '../infrastructure/employee.repository';
import { EmployeeOutbox } from './employee-outbox';

export interface UpdateProfileCommand {
  employeeId: string;
  changes: ProfileChanges;
  /** An actor, or the employee themselves (not audit-logged). */
  changedBy: ChangedBy;
}

@Injectable()
export class UpdateProfile {
  constructor(
    private readonly dataSource: DataSource,
    private readonly employees: EmployeeRepository,
    private readonly employeeOutbox: EmployeeOutbox,
    private readonly auditLog: AuditLog,
  ) {}

  async execute(command: UpdateProfileCommand, within?: EntityManager): Promise<Employee> {
    const { employeeId, changes, changedBy } = command;
    return inTransaction(this.dataSource, within, async (manager) => {
      const employee = await this.employees.lockById(manager, employeeId);
      if (!employee) throw new EmployeeNotFoundError(employeeId);
      const before = employee.snapshot();
      const changedAt = new Date();
      const changedFields = employee.updateProfile(changes, changedAt);
      if (changedFields.length === 0) return employee;
      await this.employees.update(manager, employee);
      const state = employee.snapshot();
      await this.employeeOutbox.add(manager, employee, EmployeeProfileUpdatedV1, {
        employeeId: state.id,
        name: state.name,
        title: state.title,
        headline: state.headline,
        timeZone: state.timeZone,
        language: state.language,
        completeness: employee.completeness.score,
        changedFields,
        updatedAt: state.updatedAt.toISOString(),
      });
      await this.auditLog.record(manager, changedBy, {
        action: 'employee.profile_changed',
        at: changedAt,
        before,
        after: state,
      });
      return employee;
    });
  }
}
