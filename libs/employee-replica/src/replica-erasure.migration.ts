import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When identity erased the employee (EmployeeErased). The row stays, emptied of personal data, as
 * the marker that makes every later event about the id (a replayed registration or profile change)
 * change nothing; what other rows say about the id stays readable as "someone erased".
 */
export class ReplicaErasure1797800000000 implements MigrationInterface {
  name = 'ReplicaErasure1797800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE employee ADD COLUMN erased_at timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE employee DROP COLUMN erased_at`);
  }
}
