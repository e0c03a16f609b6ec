import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { inTransaction } from '@vouch/persistence';
import type { Actor } from '../../audit/domain/audit-entry';
import { AuditLog } from '../../audit/infrastructure/audit-log.repository';
import type { Employee } from '../domain/employee';
import { EmployeeNotFoundError } from '../domain/employee.errors';
import { EmployeeRepository } from '../infrastructure/employee.repository';
import { UpdateProfile } from './update-profile.use-case';

export interface EmploymentDetailsChanges {
  department?: string | null;
  employeeNumber?: string | null;
  /** The employee may change it later; HR's systems give the first one. */
  language?: string | null;
}

export interface ChangeEmploymentDetailsCommand {
  employeeId: string;
  changes: EmploymentDetailsChanges;
  actor: Actor;
}

/**
 * What HR's systems (SCIM, a CSV import) say of an employee beyond the profile: department and
 * employee number, which no event carries, and the language emails are written in, which the profile
 * holds and publishes.
 */
@Injectable()
export class ChangeEmploymentDetails {
  constructor(
    private readonly dataSource: DataSource,
    private readonly employees: EmployeeRepository,
    private readonly auditLog: AuditLog,
    private readonly updateProfile: UpdateProfile,
  ) {}

  async execute(command: ChangeEmploymentDetailsCommand, within?: EntityManager): Promise<Employee> {
    const { employeeId, changes, actor } = command;
    return inTransaction(this.dataSource, within, async (manager) => {
      const employee = await this.employees.lockById(manager, employeeId);
      if (!employee) throw new EmployeeNotFoundError(employeeId);
      const before = employee.snapshot();
      const at = new Date();
      if (employee.changeEmploymentDetails(changes, at)) {
        await this.employees.update(manager, employee);
        await this.auditLog.record(manager, actor, {
          action: 'employee.employment_details_changed',
          at,
          before,
          after: employee.snapshot(),
        });
      }
      if (changes.language === undefined) return employee;
      return this.updateProfile.execute(
        { employeeId, changes: { language: changes.language }, changedBy: actor },
        manager,
      );
    });
  }
}
