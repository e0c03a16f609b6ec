import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { EmployeeEmailChangedV1 } from '@vouch/contracts';
import { inTransaction } from '@vouch/persistence';
import type { Actor } from '../../audit/domain/audit-entry';
import { AuditLog } from '../../audit/infrastructure/audit-log.repository';
import { assertDomainAllowed } from '../domain/email-address';
import type { Employee } from '../domain/employee';
import { EmployeeNotFoundError } from '../domain/employee.errors';
import { EmployeeRepository } from '../infrastructure/employee.repository';
import { EmployeeOutbox } from './employee-outbox';
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
    private readonly dataSource: DataSource,
    private readonly employees: EmployeeRepository,
    private readonly employeeOutbox: EmployeeOutbox,
    private readonly auditLog: AuditLog,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  /**
   * Gives an employee a new work email, held to the same domains as registration; the same email
   * in another spelling changes nothing.
   */
  async execute(command: ChangeEmployeeEmailCommand, within?: EntityManager): Promise<Employee> {
    const { employeeId, email, actor } = command;
    assertDomainAllowed(email, this.settings.allowedEmailDomains);
    return inTransaction(this.dataSource, within, async (manager) => {
      const employee = await this.employees.lockById(manager, employeeId);
      if (!employee) throw new EmployeeNotFoundError(employeeId);
      const before = employee.snapshot();
      const changedAt = new Date();
      const previousEmail = employee.changeEmail(email, changedAt);
      if (previousEmail === undefined) return employee;
      // An email another employee has fails the update's unique constraint: EmailTakenError.
      await this.employees.update(manager, employee);
      await this.employeeOutbox.add(manager, employee, EmployeeEmailChangedV1, {
        employeeId: employee.id,
        email: employee.snapshot().email,
        previousEmail,
        changedAt: changedAt.toISOString(),
      });
      await this.auditLog.record(manager, actor, {
        action: 'employee.email_changed',
        at: changedAt,
        before,
        after: employee.snapshot(),
      });
      return employee;
    });
  }
}
