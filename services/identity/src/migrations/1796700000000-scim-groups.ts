import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Groups the identity provider pushes over SCIM, with their members. The one named by
 * SCIM_ADMIN_GROUP makes its members admins.
 */
export class ScimGroups1796700000000 implements MigrationInterface {
  name = 'ScimGroups1796700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE scim_group (
        id            uuid PRIMARY KEY,
        display_name  text NOT NULL,
        external_id   text,
        created_at    timestamptz NOT NULL,
        updated_at    timestamptz NOT NULL,
        deleted_at    timestamptz
      )`);
    // The admin group is found by its name, in any case, so two live groups may not share one.
    await queryRunner.query(
      `CREATE UNIQUE INDEX scim_group_display_name ON scim_group (lower(display_name))
         WHERE deleted_at IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE scim_group_member (
        group_id     uuid NOT NULL REFERENCES scim_group (id) ON DELETE CASCADE,
        employee_id  uuid NOT NULL REFERENCES employee (id),
        PRIMARY KEY (group_id, employee_id)
      )`);
    await queryRunner.query(`CREATE INDEX scim_group_member_employee ON scim_group_member (employee_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE scim_group_member`);
    await queryRunner.query(`DROP TABLE scim_group`);
  }
}
