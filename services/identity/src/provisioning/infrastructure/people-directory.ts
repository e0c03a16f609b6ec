import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ambientTransaction } from '@vouch/persistence';
import type { ExistingEmployee } from '../domain/people-import-plan';

/**
 * Every employee, as an import plans against them: one query for the whole company, so planning a
 * file of thousands costs no query per line.
 */
@Injectable()
export class PeopleDirectory {
  constructor(private readonly dataSource: DataSource) {}

  /** In the transaction in progress if there is one (the import's, locked), else on the pool (a dry run). */
  async everyone(): Promise<ExistingEmployee[]> {
    return (ambientTransaction() ?? this.dataSource.manager).query(
      `SELECT id, email, name, title, time_zone AS "timeZone", language, department,
              employee_number AS "employeeNumber", manager_id AS "managerId",
              manager_source AS "managerSource", deactivated_at IS NULL AS active
         FROM employee`,
    );
  }
}
