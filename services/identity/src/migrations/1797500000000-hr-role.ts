import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The HR role: the roles an admin grants (admin, hr) in one table, a row per employee and role, and
 * `hr` as an actor of the audit log, with their employee id as an admin has.
 *
 * A new table rather than a `role` column on admin_grant: the previous release, which runs until
 * the rollout ends, takes any admin_grant row of an employee for the admin role, so an HR grant
 * there would make an admin of them on its instances. admin_grant's rows are copied, and until a
 * later release drops admin_grant, a trigger on each table copies the admin grants made or taken
 * back in one into the other, whichever release does it. The migration that drops admin_grant drops
 * role_grant's trigger and copy_admin_grant() with it.
 */
export class HrRole1797500000000 implements MigrationInterface {
  name = 'HrRole1797500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE role_grant (
        employee_id  uuid NOT NULL REFERENCES employee (id),
        role         text NOT NULL CHECK (role IN ('admin', 'hr')),
        granted_by   uuid NOT NULL REFERENCES employee (id),
        granted_at   timestamptz NOT NULL,
        PRIMARY KEY (employee_id, role)
      )`);
    await queryRunner.query(`
      INSERT INTO role_grant (employee_id, role, granted_by, granted_at)
        SELECT employee_id, 'admin', granted_by, granted_at FROM admin_grant`);
    // One function for both tables' triggers; a change it copies is not copied back (one level deeper).
    await queryRunner.query(`
      CREATE FUNCTION copy_admin_grant() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF pg_trigger_depth() > 1 THEN
          RETURN NULL;
        END IF;
        IF TG_OP = 'INSERT' THEN
          IF TG_TABLE_NAME = 'admin_grant' THEN
            INSERT INTO role_grant (employee_id, role, granted_by, granted_at)
              VALUES (NEW.employee_id, 'admin', NEW.granted_by, NEW.granted_at) ON CONFLICT DO NOTHING;
          ELSIF NEW.role = 'admin' THEN
            INSERT INTO admin_grant (employee_id, granted_by, granted_at)
              VALUES (NEW.employee_id, NEW.granted_by, NEW.granted_at) ON CONFLICT DO NOTHING;
          END IF;
        ELSIF TG_TABLE_NAME = 'admin_grant' THEN
          DELETE FROM role_grant WHERE employee_id = OLD.employee_id AND role = 'admin';
        ELSIF OLD.role = 'admin' THEN
          DELETE FROM admin_grant WHERE employee_id = OLD.employee_id;
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of ['admin_grant', 'role_grant'])
      await queryRunner.query(
        `CREATE TRIGGER ${table}_copied AFTER INSERT OR DELETE ON ${table}
           FOR EACH ROW EXECUTE FUNCTION copy_admin_grant()`,
      );
    // audit_entry_check is the name PostgreSQL gave the unnamed check of two columns (1796800000000).
    await queryRunner.query(`
      ALTER TABLE audit_entry
        DROP CONSTRAINT audit_entry_actor_type_check,
        DROP CONSTRAINT audit_entry_check,
        ADD CONSTRAINT audit_entry_actor_type_check
          CHECK (actor_type IN ('admin', 'hr', 'scim', 'csv', 'system', 'sso')),
        ADD CONSTRAINT audit_entry_actor_id_check
          CHECK ((actor_type IN ('admin', 'hr')) = (actor_id IS NOT NULL))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM audit_entry WHERE actor_type = 'hr'`);
    await queryRunner.query(`
      ALTER TABLE audit_entry
        DROP CONSTRAINT audit_entry_actor_id_check,
        DROP CONSTRAINT audit_entry_actor_type_check,
        ADD CONSTRAINT audit_entry_actor_type_check
          CHECK (actor_type IN ('admin', 'scim', 'csv', 'system', 'sso')),
        ADD CONSTRAINT audit_entry_check CHECK ((actor_type = 'admin') = (actor_id IS NOT NULL))`);
    // admin_grant holds the admin grants already, kept in step by the triggers.
    await queryRunner.query(`DROP TRIGGER admin_grant_copied ON admin_grant`);
    await queryRunner.query(`DROP TABLE role_grant`);
    await queryRunner.query(`DROP FUNCTION copy_admin_grant()`);
  }
}
