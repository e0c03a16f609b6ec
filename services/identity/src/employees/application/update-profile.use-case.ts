import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@vouch/messaging';
import type { ChangedBy } from '../../audit/domain/audit-entry';
import { AuditLog } from '../../audit/infrastructure/audit-log.repository';
import type { Employee } from '../domain/employee';
import { EmployeeNotFoundError } from '../domain/employee.errors';
import type { ProfileChanges } from '../domain/profile';
import { EmployeeRepository } from '../infrastructure/employee.repository';

export interface UpdateProfileCommand {
  employeeId: string;
  changes: ProfileChanges;
  /** An actor, or the employee themselves (not audit-logged). */
  changedBy: ChangedBy;
}

@Injectable()
export class UpdateProfile {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly employees: EmployeeRepository,
    private readonly auditLog: AuditLog,
  ) {}

  execute(command: UpdateProfileCommand): Promise<Employee> {
    const { employeeId, changes, changedBy } = command;
    return this.unitOfWork.run(async () => {
      const employee = await this.employees.lockById(employeeId);
      if (!employee) throw new EmployeeNotFoundError(employeeId);
      const before = employee.snapshot();
      const changedAt = new Date();
      if (employee.updateProfile(changes, changedAt).length === 0) return employee;
      await this.employees.save(employee);
      await this.auditLog.record(changedBy, {
        action: 'employee.profile_changed',
        at: changedAt,
        before,
        after: employee.snapshot(),
      });
      return employee;
    });
  }
}
