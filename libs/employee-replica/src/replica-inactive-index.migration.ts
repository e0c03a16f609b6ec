import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every instance reads the replica's deactivated employees every second or so, to refuse their
 * tokens: a partial index keeps that read to the few rows it returns.
 */
export class ReplicaInactiveIndex1797200000001 implements MigrationInterface {
  name = 'ReplicaInactiveIndex1797200000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX employee_inactive ON employee (id) WHERE NOT active`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX employee_inactive`);
  }
}
