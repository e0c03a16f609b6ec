import type { MigrationInterface, QueryRunner } from 'typeorm';
import { EmployeeRecordV1 } from '@vouch/contracts';
import { Outbox } from '@vouch/messaging';
import { Employee, employeeRecordOf, type EmployeeState } from '../employees/domain/employee';

/** The employee table's columns as this migration found them; later migrations cannot change that. */
interface EmployeeRow extends Omit<
  EmployeeState,
  'timeZone' | 'managerId' | 'registeredAt' | 'updatedAt' | 'deactivatedAt' | 'erasedAt'
> {
  time_zone: string | null;
  manager_id: string | null;
  registered_at: Date;
  updated_at: Date;
  deactivated_at: Date | null;
}

/**
 * The compacted topic of employee records starts with every employee registered before it existed:
 * their current record goes to the outbox once, so a consumer that reads the topic from its start
 * finds everyone. Employees registered later get theirs with every change (Employee records it).
 */
export class PublishEmployeeRecords1796500000000 implements MigrationInterface {
  name = 'PublishEmployeeRecords1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const outbox = new Outbox('/vouch/identity');
    const rows: EmployeeRow[] = await queryRunner.query(
      `SELECT id, email, name, title, headline, summary, location, time_zone, positions, skills,
              education, manager_id, registered_at, updated_at, deactivated_at
         FROM employee ORDER BY registered_at, id`,
    );
    for (const row of rows) {
      const employee = Employee.restore({
        id: row.id,
        email: row.email,
        name: row.name,
        title: row.title,
        headline: row.headline,
        summary: row.summary,
        location: row.location,
        timeZone: row.time_zone,
        // Columns added by later migrations: none of them existed when this one ran.
        language: null,
        positions: row.positions,
        skills: row.skills,
        education: row.education,
        managerId: row.manager_id,
        managerSource: null,
        department: null,
        employeeNumber: null,
        registeredAt: row.registered_at,
        updatedAt: row.updated_at,
        deactivatedAt: row.deactivated_at,
        erasedAt: null,
      });
      await outbox.add(queryRunner.manager, EmployeeRecordV1, {
        subject: employee.id,
        data: employeeRecordOf(employee),
      });
    }
  }

  async down(): Promise<void> {
    // Records already published cannot be taken back: the topic keeps them as current.
  }
}
