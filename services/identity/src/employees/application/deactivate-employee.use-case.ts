import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EmployeeDeactivatedV1 } from '@vouch/contracts';
import { Outbox } from '@vouch/messaging';
import type { Employee } from '../domain/employee';
import { EmployeeNotFoundError } from '../domain/employee.errors';
import { EmployeeRepository } from '../infrastructure/employee.repository';

@Injectable()
export class DeactivateEmployee {
  constructor(
    private readonly dataSource: DataSource,
    private readonly employees: EmployeeRepository,
    private readonly outbox: Outbox,
  ) {}

  /** Offboards an employee; deactivating one already deactivated changes nothing. */
  async execute(employeeId: string): Promise<Employee> {
    return this.dataSource.transaction(async (manager) => {
      const employee = await this.employees.lockById(manager, employeeId);
      if (!employee) throw new EmployeeNotFoundError(employeeId);
      const at = new Date();
      if (!employee.deactivate(at)) return employee;
      await this.employees.update(manager, employee);
      await this.outbox.add(manager, EmployeeDeactivatedV1, {
        subject: employee.id,
        data: { employeeId: employee.id, deactivatedAt: at.toISOString() },
      });
      return employee;
    });
  }
}
