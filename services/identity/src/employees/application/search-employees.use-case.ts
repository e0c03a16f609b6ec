import { Injectable } from '@nestjs/common';
import { decodeCursor, toPage } from '@vouch/platform';
import type { Page } from '@vouch/contracts';
import type { Employee } from '../domain/employee';
import type { EmployeeStatus } from '../domain/employee-status';
import { EmployeeRepository } from '../infrastructure/employee.repository';

@Injectable()
export class SearchEmployees {
  constructor(private readonly employees: EmployeeRepository) {}

  /**
   * The directory: active employees (or, with `status`, deactivated ones or both) whose name, email
   * or title contains `q` (and who report to `managerId`, when given), by name.
   */
  async execute(query: {
    q?: string;
    managerId?: string;
    status?: EmployeeStatus;
    limit: number;
    cursor?: string;
  }): Promise<Page<Employee>> {
    const after = decodeCursor(query.cursor, 'text');
    const rows = await this.employees.search(
      { q: query.q?.trim() || undefined, managerId: query.managerId, status: query.status ?? 'active' },
      query.limit + 1,
      after,
    );
    return toPage(
      rows,
      query.limit,
      (employee) => ({ key: employee.snapshot().name, id: employee.id }),
      (employee) => employee,
    );
  }
}
