import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PermanentEventError } from '@vouch/messaging';
import { EmployeeRepository, type NewEmployee } from '../infrastructure/employee.repository';

/**
 * Identity speaks of an employee it never registered here. Same-employee events arrive in order,
 * so a retry cannot heal it: the event is dead-lettered.
 */
export class UnknownReplicatedEmployeeError extends PermanentEventError {
  constructor(employeeId: string) {
    super(`employee ${employeeId} was never registered here`);
  }
}

/** Keeps the employee replica in step with identity's events, in the handler's transaction. */
@Injectable()
export class ReplicateEmployee {
  constructor(private readonly employees: EmployeeRepository) {}

  register(manager: EntityManager, employee: NewEmployee): Promise<void> {
    return this.employees.register(manager, employee);
  }

  async updateProfile(
    manager: EntityManager,
    employeeId: string,
    profile: { name: string; title: string | null },
  ): Promise<void> {
    if (!(await this.employees.update(manager, employeeId, profile)))
      throw new UnknownReplicatedEmployeeError(employeeId);
  }

  async changeManager(manager: EntityManager, employeeId: string, managerId: string | null): Promise<void> {
    if (!(await this.employees.update(manager, employeeId, { managerId })))
      throw new UnknownReplicatedEmployeeError(employeeId);
  }
}
