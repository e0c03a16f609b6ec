import type { MigrationInterface, QueryRunner } from 'typeorm';
import { EmployeeManagerChangedV1, EmployeeManagerChangedV2, EmployeeRecordV1 } from '@vouch/contracts';
import { Outbox } from '@vouch/messaging';
import { Employee, employeeRecordOf } from '../employees/domain/employee';
import type { EmployeeState } from '../employees/domain/employee';

/**
 * Where each manager link comes from, and HR's details of an employee. A link an admin or SCIM set
 * keeps that source, as the audit log tells; every other link was self-declared at sign-up and gets
 * none, so it no longer verifies recommendations. What SCIM already sent of department, employee
 * number and language becomes the employee's. The links that keep a source are published again, so
 * the other services' replicas learn it (they knew no source before).
 */
export class ManagerSource1796900000000 implements MigrationInterface {
  name = 'ManagerSource1796900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE employee
        ADD COLUMN manager_source  text CHECK (manager_source IN ('scim', 'csv', 'admin')),
        ADD COLUMN department      text,
        ADD COLUMN employee_number text,
        ADD COLUMN language        text,
        ADD CHECK (manager_source IS NULL OR manager_id IS NOT NULL)`);
    await queryRunner.query(`
      UPDATE employee e SET manager_source = latest.actor_type
        FROM (
          SELECT DISTINCT ON (employee_id) employee_id, actor_type, after ->> 'managerId' AS manager_id
            FROM audit_entry
           WHERE after ? 'managerId'
           ORDER BY employee_id, occurred_at DESC, id DESC
        ) latest
       WHERE latest.employee_id = e.id
         AND latest.manager_id = e.manager_id::text
         AND latest.actor_type IN ('scim', 'csv', 'admin')`);
    await queryRunner.query(`
      UPDATE employee e
         SET department = s.department,
             employee_number = s.employee_number,
             language = CASE WHEN candidate ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$' THEN candidate END
        FROM (
          SELECT employee_id, department, employee_number,
                 replace(coalesce(preferred_language, locale), '_', '-') AS candidate
            FROM scim_user WHERE deleted_at IS NULL
        ) s
       WHERE s.employee_id = e.id`);
    const outbox = new Outbox('/vouch/identity');
    // The columns as they are now, by name: a later migration's columns would not exist here yet.
    const sourced: EmployeeState[] = await queryRunner.query(
      `SELECT id, email, name, title, headline, summary, location, time_zone AS "timeZone",
              language, positions, skills, education, manager_id AS "managerId",
              manager_source AS "managerSource", department, employee_number AS "employeeNumber",
              registered_at AS "registeredAt", updated_at AS "updatedAt", deactivated_at AS "deactivatedAt",
              NULL AS "erasedAt"
         FROM employee WHERE manager_source IS NOT NULL ORDER BY registered_at, id`,
    );
    const at = new Date().toISOString();
    for (const state of sourced) {
      const employee = Employee.restore(state);
      const v1 = {
        employeeId: state.id,
        managerId: state.managerId,
        previousManagerId: state.managerId,
        changedAt: at,
      };
      await outbox.addInVersions(
        queryRunner.manager,
        [
          [EmployeeManagerChangedV1, v1],
          [EmployeeManagerChangedV2, { ...v1, managerSource: state.managerSource }],
        ],
        { subject: employee.id },
      );
      await outbox.add(queryRunner.manager, EmployeeRecordV1, {
        subject: employee.id,
        data: employeeRecordOf(employee),
      });
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE employee
        DROP COLUMN manager_source, DROP COLUMN department, DROP COLUMN employee_number,
        DROP COLUMN language`);
  }
}
