import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { UnitOfWork } from '@vouch/messaging';
import { managerSourceOf, type Actor } from '../../audit/domain/audit-entry';
import { AuditLog } from '../../audit/infrastructure/audit-log.repository';
import { assertDomainAllowed, normaliseEmail } from '../domain/email-address';
import { Employee } from '../domain/employee';
import { UnknownManagerError } from '../domain/employee.errors';
import { EmployeeRepository } from '../infrastructure/employee.repository';
import { IDENTITY_SETTINGS, type IdentitySettings } from './identity-settings';

export interface CreateEmployeeCommand {
  email: string;
  name: string;
  title?: string | null;
  timeZone?: string | null;
  language?: string | null;
  department?: string | null;
  employeeNumber?: string | null;
  /** Their manager, the link's source being the actor. */
  managerId?: string | null;
  /** Given when the caller must know the id before the employee exists (SCIM adoption). */
  id?: string;
  /** Who creates them: the audit log's actor, and the manager link's source. */
  actor: Actor;
}

/**
 * An employee the company provisions (SCIM, a CSV import): no password, since they sign in through
 * the identity provider or an invitation, and the org chart's link from the company.
 */
@Injectable()
export class CreateEmployee {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly employees: EmployeeRepository,
    private readonly auditLog: AuditLog,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  execute(command: CreateEmployeeCommand): Promise<Employee> {
    const email = normaliseEmail(command.email);
    assertDomainAllowed(email, this.settings.allowedEmailDomains);
    return this.unitOfWork.run(async () => {
      const managerId = command.managerId ?? null;
      if (managerId !== null) {
        const boss = await this.employees.findById(managerId);
        if (!boss?.isActive) throw new UnknownManagerError(managerId);
      }
      const at = new Date();
      const employee = Employee.register({
        id: command.id ?? randomUUID(),
        email,
        name: command.name,
        title: command.title ?? null,
        timeZone: command.timeZone ?? null,
        language: command.language ?? null,
        department: command.department ?? null,
        employeeNumber: command.employeeNumber ?? null,
        manager: managerId === null ? null : { id: managerId, source: managerSourceOf(command.actor) },
        at,
      });
      await this.employees.add(employee);
      await this.auditLog.record(command.actor, {
        action: 'employee.created',
        at,
        before: undefined,
        after: employee.snapshot(),
      });
      return employee;
    });
  }
}
