import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DeactivatedEmployeesSource } from '@vouch/auth';

/**
 * Whom identity knows as deactivated, from its own table: identity refuses their access tokens
 * within a poll of the deactivation's commit, as the other services do from their replica.
 */
@Injectable()
export class IdentityDeactivatedEmployees extends DeactivatedEmployeesSource {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async load(): Promise<string[]> {
    // An index-only scan of the partial index employee_deactivated.
    const rows: Array<{ id: string }> = await this.dataSource.query(
      'SELECT id FROM employee WHERE deactivated_at IS NOT NULL',
    );
    return rows.map((row) => row.id);
  }
}
