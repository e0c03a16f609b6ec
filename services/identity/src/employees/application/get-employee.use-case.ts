import { Injectable } from '@nestjs/common';
import type { Employee } from '../domain/employee';
import { EmployeeNotFoundError } from '../domain/employee.errors';
import { EmployeeRepository } from '../infrastructure/employee.repository';

@Injectable()
export class GetEmployee {
  constructor(private readonly employees: EmployeeRepository) {}

  async execute(employeeId: string): Promise<Employee> {
    const employee = await this.employees.findById(employeeId);
    if (!employee) throw new EmployeeNotFoundError(employeeId);
    return employee;
  }
}
