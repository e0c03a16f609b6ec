import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@vouch/messaging';
import type { Actor } from '../../audit/domain/audit-entry';
import { AuditLog } from '../../audit/infrastructure/audit-log.repository';
import { EmployeeNotFoundError } from '../../employees/domain/employee.errors';
import type { GrantableRole } from '../../employees/domain/roles';
import { EmployeeRepository } from '../../employees/infrastructure/employee.repository';
import { RoleGrantRepository } from '../infrastructure/role-grant.repository';

export interface RoleGrantCommand {
  employeeId: string;
  role: GrantableRole;
  /** The admin giving it or taking it back. */
  actor: Actor & { type: 'admin' };
}

/**
 * What giving a role and taking it back share: the change runs in one unit of work with its audit
 * entry, on an employee who exists (404 otherwise).
 */
@Injectable()
export abstract class RoleGrantChange<TResult> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly employees: EmployeeRepository,
    protected readonly grants: RoleGrantRepository,
    protected readonly auditLog: AuditLog,
  ) {}

  execute(command: RoleGrantCommand): Promise<TResult> {
    return this.unitOfWork.run(async () => {
      if (!(await this.employees.findById(command.employeeId)))
        throw new EmployeeNotFoundError(command.employeeId);
      return this.change(command);
    });
  }

  /** In the unit of work, the employee found. */
  protected abstract change(command: RoleGrantCommand): Promise<TResult>;
}
