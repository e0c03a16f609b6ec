import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who set each replicated manager link. Links replicated before are of unknown source and verify
 * nothing until identity says otherwise (it republishes the links SCIM or an admin set).
 */
export class ReplicaManagerSource1796900000002 implements MigrationInterface {
  name = 'ReplicaManagerSource1796900000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE employee ADD COLUMN manager_source text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE employee DROP COLUMN manager_source`);
  }
}
