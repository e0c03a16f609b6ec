import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { UnitOfWork } from '@vouch/messaging';
import { Employee } from '../domain/employee';
import { EmployeeRepository } from '../infrastructure/employee.repository';

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
 * in the caller's unit of work. An address already taken fails with EmailTakenError.
 */
@Injectable()
export class RegisterEmployee {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly employees: EmployeeRepository,
  ) {}

  execute(command: RegisterEmployeeCommand): Promise<Employee> {
    return this.unitOfWork.run(async () => {
      const registered = Employee.register({
        id: randomUUID(),
        email: command.email,
        name: command.name,
        title: command.title,
        // Whom they report to is the company's to say (SCIM, CSV, an admin), never the employee's.
        manager: null,
        at: new Date(),
      });
      await this.employees.add(registered, command.passwordHash);
      return registered;
    });
  }
}
