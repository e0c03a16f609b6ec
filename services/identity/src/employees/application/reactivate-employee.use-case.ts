import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@vouch/messaging';
import type { Actor } from '../../audit/domain/audit-entry';
import { AuditLog } from '../../audit/infrastructure/audit-log.repository';
import type { Employee } from '../domain/employee';
import { EmployeeNotFoundError } from '../domain/employee.errors';
import { EmployeeRepository } from '../infrastructure/employee.repository';

export interface ReactivateEmployeeCommand {
  employeeId: string;
  actor: Actor;
}

@Injectable()
export class ReactivateEmployee {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly employees: EmployeeRepository,
    private readonly auditLog: AuditLog,
  ) {}

  /** Undoes an offboarding; reactivating an active employee changes nothing. */
  execute(command: ReactivateEmployeeCommand): Promise<Employee> {
    const { employeeId, actor } = command;
    return this.unitOfWork.run(async () => {
      const employee = await this.employees.lockById(employeeId);
      if (!employee) throw new EmployeeNotFoundError(employeeId);
      const before = employee.snapshot();
      const at = new Date();
      if (!employee.reactivate(at)) return employee;
      await this.employees.save(employee);
      await this.auditLog.record(actor, {
        action: 'employee.reactivated',
        at,
        before,
        after: employee.snapshot(),
      });
      return employee;
    });
  }
}
