import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DeactivatedEmployeesSource } from '@vouch/auth';

/**
 * Whom a service's replica knows as deactivated, for `AuthModule.forRoot(environment,
 * { deactivatedEmployees: ReplicaDeactivatedEmployees })`: their access tokens are refused here
 * within a poll of the replica recording identity's EmployeeDeactivated, and accepted again after
 * EmployeeReactivated.
 */
@Injectable()
export class ReplicaDeactivatedEmployees extends DeactivatedEmployeesSource {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async load(): Promise<string[]> {
    // An index-only scan of the partial index employee_inactive.
    const rows: Array<{ id: string }> = await this.dataSource.query(
      'SELECT id FROM employee WHERE NOT active',
    );
    return rows.map((row) => row.id);
  }
}
