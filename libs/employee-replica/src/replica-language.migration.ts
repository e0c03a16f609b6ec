import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The language the employee reads emails in (identity's events carry it since #31; older ones do
 * not, so it stays null until their profile next changes): notifications writes to them in it.
 */
export class ReplicaLanguage1798400000000 implements MigrationInterface {
  name = 'ReplicaLanguage1798400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE employee ADD COLUMN language text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE employee DROP COLUMN language`);
  }
}
