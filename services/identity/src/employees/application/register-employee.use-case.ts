import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TokenIssuer } from '@vouch/auth';
import { EmployeeRegisteredV1 } from '@vouch/contracts';
import { assertDomainAllowed, normaliseEmail } from '../domain/email-address';
import { Employee } from '../domain/employee';
import { EmailTakenError } from '../domain/employee.errors';
import { rolesOf } from '../domain/roles';
import { EmployeeRepository } from '../infrastructure/employee.repository';
import { PasswordHasher } from '../infrastructure/password-hasher';
import { IDENTITY_SETTINGS, type IdentitySettings } from './identity-settings';
import { EmployeeOutbox, employeeRegisteredOf } from './employee-outbox';

export interface RegisterEmployeeCommand {
  email: string;
  password: string;
  name: string;
  title?: string;
}

@Injectable()
export class RegisterEmployee {
  constructor(
    private readonly dataSource: DataSource,
    private readonly employees: EmployeeRepository,
    private readonly hasher: PasswordHasher,
    private readonly employeeOutbox: EmployeeOutbox,
    private readonly tokens: TokenIssuer,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  async execute(command: RegisterEmployeeCommand): Promise<{ employee: Employee; accessToken: string }> {
    const email = normaliseEmail(command.email);
    assertDomainAllowed(email, this.settings.allowedEmailDomains);
    const passwordHash = await this.hasher.hashOf(command.password);
    const employee = await this.dataSource.transaction(async (manager) => {
      if (await this.employees.findByEmail(email, manager)) throw new EmailTakenError(email);
      const registered = Employee.register({
        id: randomUUID(),
        email,
        name: command.name,
        title: command.title ?? null,
        // Whom they report to is the company's to say (SCIM, CSV, an admin), never the employee's.
        manager: null,
        at: new Date(),
      });
      await this.employees.insert(manager, registered, passwordHash);
      await this.employeeOutbox.add(
        manager,
        registered,
        EmployeeRegisteredV1,
        employeeRegisteredOf(registered),
      );
      return registered;
    });
    const { accessToken } = await this.tokens.issue({
      id: employee.id,
      email,
      roles: rolesOf({
        email,
        adminEmails: this.settings.adminEmails,
        // The provider names group members by their id, which nobody knew before now.
        inAdminGroup: false,
      }),
    });
    return { employee, accessToken };
  }
}
