import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Employees provisioned by an identity provider over SCIM: what SCIM knows of them beyond the
 * employee, and whether the provider still sees them. People provisioned this way sign in through
 * the company's identity provider, so they may have no password.
 */
export class ScimUsers1796600000000 implements MigrationInterface {
  name = 'ScimUsers1796600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE employee ALTER COLUMN password_hash DROP NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE scim_user (
        employee_id         uuid PRIMARY KEY REFERENCES employee (id),
        external_id         text,
        given_name          text,
        family_name         text,
        formatted_name      text,
        employee_number     text,
        department          text,
        preferred_language  text,
        locale              text,
        provisioned_at      timestamptz NOT NULL,
        updated_at          timestamptz NOT NULL,
        deleted_at          timestamptz
      )`);
    // A deleted SCIM user is gone for the provider, so its external id may be given again.
    await queryRunner.query(
      `CREATE UNIQUE INDEX scim_user_external_id ON scim_user (external_id)
         WHERE external_id IS NOT NULL AND deleted_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE scim_user`);
    await queryRunner.query(`ALTER TABLE employee ALTER COLUMN password_hash SET NOT NULL`);
  }
}
