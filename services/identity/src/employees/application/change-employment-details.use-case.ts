import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@vouch/messaging';
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
    private readonly unitOfWork: UnitOfWork,
    private readonly employees: EmployeeRepository,
    private readonly auditLog: AuditLog,
    private readonly updateProfile: UpdateProfile,
  ) {}

  execute(command: ChangeEmploymentDetailsCommand): Promise<Employee> {
    const { employeeId, changes, actor } = command;
    return this.unitOfWork.run(async () => {
      const employee = await this.employees.lockById(employeeId);
      if (!employee) throw new EmployeeNotFoundError(employeeId);
      const before = employee.snapshot();
      const at = new Date();
      if (employee.changeEmploymentDetails(changes, at)) {
        await this.employees.save(employee);
        await this.auditLog.record(actor, {
          action: 'employee.employment_details_changed',
          at,
          before,
          after: employee.snapshot(),
        });
      }
      if (changes.language === undefined) return employee;
      return this.updateProfile.execute({
        employeeId,
        changes: { language: changes.language },
        changedBy: actor,
      });
    });
  }
}
