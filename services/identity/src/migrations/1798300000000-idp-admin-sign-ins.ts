import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * HR deactivating or reactivating someone asks whether a sign-in of theirs came with the identity
 * provider's admin group (only an admin may offboard an admin): partial, so it holds those alone.
 */
export class IdpAdminSignIns1798300000000 implements MigrationInterface {
  name = 'IdpAdminSignIns1798300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX refresh_token_family_idp_admin ON refresh_token_family (employee_id) WHERE idp_admin`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX refresh_token_family_idp_admin`);
  }
}
