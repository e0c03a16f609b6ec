import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@vouch/messaging';
import type { Actor } from '../../audit/domain/audit-entry';
import { AuditLog } from '../../audit/infrastructure/audit-log.repository';
import type { Employee } from '../domain/employee';
import { EmployeeNotFoundError } from '../domain/employee.errors';
import { assertMayChangeActivation } from '../domain/hr-limits';
import { EmployeeRepository } from '../infrastructure/employee.repository';
import { Admins } from './admins';

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
    private readonly admins: Admins,
  ) {}

  /** Undoes an offboarding; reactivating an active employee changes nothing. */
  execute(command: ReactivateEmployeeCommand): Promise<Employee> {
    const { employeeId, actor } = command;
    return this.unitOfWork.run(async () => {
      const employee = await this.employees.lockById(employeeId);
      if (!employee) throw new EmployeeNotFoundError(employeeId);
      // Only HR is limited, so only HR's requests look the roles up.
      if (actor.type === 'hr')
        assertMayChangeActivation(actor, { isAdmin: await this.admins.isAdmin(employeeId) }, 'reactivate');
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
