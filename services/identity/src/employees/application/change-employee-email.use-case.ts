import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '@vouch/messaging';
import type { Actor } from '../../audit/domain/audit-entry';
import { AuditLog } from '../../audit/infrastructure/audit-log.repository';
import { assertDomainAllowed } from '../domain/email-address';
import type { Employee } from '../domain/employee';
import { EmployeeNotFoundError } from '../domain/employee.errors';
import { EmployeeRepository } from '../infrastructure/employee.repository';
import { IDENTITY_SETTINGS, type IdentitySettings } from './identity-settings';

export interface ChangeEmployeeEmailCommand {
  employeeId: string;
  /** The new work email, in any spelling. */
  email: string;
  actor: Actor;
}

@Injectable()
export class ChangeEmployeeEmail {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly employees: EmployeeRepository,
    private readonly auditLog: AuditLog,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  /**
   * Gives an employee a new work email, held to the same domains as registration; the same email
   * in another spelling changes nothing.
   */
  execute(command: ChangeEmployeeEmailCommand): Promise<Employee> {
    const { employeeId, email, actor } = command;
    assertDomainAllowed(email, this.settings.allowedEmailDomains);
    return this.unitOfWork.run(async () => {
      const employee = await this.employees.lockById(employeeId);
      if (!employee) throw new EmployeeNotFoundError(employeeId);
      const before = employee.snapshot();
      const changedAt = new Date();
      if (employee.changeEmail(email, changedAt) === undefined) return employee;
      // An email another employee has fails the update's unique constraint: EmailTakenError.
      await this.employees.save(employee);
      await this.auditLog.record(actor, {
        action: 'employee.email_changed',
        at: changedAt,
        before,
        after: employee.snapshot(),
      });
      return employee;
    });
  }
}
