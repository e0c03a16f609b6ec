import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EmployeeReactivatedV1 } from '@vouch/contracts';
import type { Employee } from '../domain/employee';
import { EmployeeNotFoundError } from '../domain/employee.errors';
import { EmployeeRepository } from '../infrastructure/employee.repository';
import { EmployeeOutbox } from './employee-outbox';

@Injectable()
export class ReactivateEmployee {
  constructor(
    private readonly dataSource: DataSource,
    private readonly employees: EmployeeRepository,
    private readonly employeeOutbox: EmployeeOutbox,
  ) {}

  /** Undoes an offboarding; reactivating an active employee changes nothing. */
  async execute(employeeId: string): Promise<Employee> {
    return this.dataSource.transaction(async (manager) => {
      const employee = await this.employees.lockById(manager, employeeId);
      if (!employee) throw new EmployeeNotFoundError(employeeId);
      const at = new Date();
      if (!employee.reactivate(at)) return employee;
      await this.employees.update(manager, employee);
      await this.employeeOutbox.add(manager, employee, EmployeeReactivatedV1, {
        employeeId: employee.id,
        reactivatedAt: at.toISOString(),
      });
      return employee;
    });
  }
}
