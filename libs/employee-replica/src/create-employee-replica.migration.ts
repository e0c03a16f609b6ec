import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The `employee` replica table; services that keep one list this migration before their own. */
export class CreateEmployeeReplica1764090000000 implements MigrationInterface {
  name = 'CreateEmployeeReplica1764090000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE employee (
        id          uuid PRIMARY KEY,
        email       text NOT NULL,
        name        text NOT NULL,
        title       text,
        manager_id  uuid,
        time_zone   text,
        active      boolean NOT NULL DEFAULT true
      )`);
    await queryRunner.query(`CREATE INDEX employee_manager_id ON employee (manager_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE employee`);
  }
}
