import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { EmployeeRegisteredV1 } from '@vouch/contracts';
import { Employee } from '../domain/employee';
import { EmployeeRepository } from '../infrastructure/employee.repository';
import { EmployeeOutbox, employeeRegisteredOf } from './employee-outbox';

export interface RegisterEmployeeCommand {
  /** Normalised, and proven: the sign-up's "Confirm your email" link was used. */
  email: string;
  /** The hash of the password chosen at sign-up. */
  passwordHash: string;
  name: string;
  title: string | null;
}

/**
 * The employee a password sign-up becomes once its address is confirmed (accounts' ConfirmEmail),
 * in the caller's transaction. An address already taken fails with EmailTakenError.
 */
@Injectable()
export class RegisterEmployee {
  constructor(
    private readonly employees: EmployeeRepository,
    private readonly employeeOutbox: EmployeeOutbox,
  ) {}

  async execute(manager: EntityManager, command: RegisterEmployeeCommand): Promise<Employee> {
    const registered = Employee.register({
      id: randomUUID(),
      email: command.email,
      name: command.name,
      title: command.title,
      // Whom they report to is the company's to say (SCIM, CSV, an admin), never the employee's.
      manager: null,
      at: new Date(),
    });
    await this.employees.insert(manager, registered, command.passwordHash);
    await this.employeeOutbox.add(
      manager,
      registered,
      EmployeeRegisteredV1,
      employeeRegisteredOf(registered),
    );
    return registered;
  }
}
