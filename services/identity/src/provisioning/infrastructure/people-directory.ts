import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ExistingEmployee } from '../domain/people-import-plan';

/**
 * Every employee, as an import plans against them: one query for the whole company, so planning a
 * file of thousands costs no query per line.
 */
@Injectable()
export class PeopleDirectory {
  async everyone(manager: EntityManager): Promise<ExistingEmployee[]> {
    return manager.query(
      `SELECT id, email, name, title, time_zone AS "timeZone", language, department,
              employee_number AS "employeeNumber", manager_id AS "managerId",
              manager_source AS "managerSource", deactivated_at IS NULL AS active
         FROM employee`,
    );
  }
}
