import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log of changes to people by admins, SCIM and imports. Append-only: a trigger refuses
 * any UPDATE, so an entry once written says what it said; DELETE stays for the retention purge.
 */
export class AuditLog1796800000000 implements MigrationInterface {
  name = 'AuditLog1796800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_entry (
        id           uuid PRIMARY KEY,
        occurred_at  timestamptz NOT NULL,
        actor_type   text NOT NULL CHECK (actor_type IN ('admin', 'scim', 'csv', 'system')),
        actor_id     uuid,
        action       text NOT NULL,
        employee_id  uuid NOT NULL,
        before       jsonb NOT NULL,
        after        jsonb NOT NULL,
        CHECK ((actor_type = 'admin') = (actor_id IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX audit_entry_newest ON audit_entry (occurred_at DESC, id DESC)`);
    await queryRunner.query(
      `CREATE INDEX audit_entry_employee ON audit_entry (employee_id, occurred_at DESC, id DESC)`,
    );
    await queryRunner.query(`
      CREATE FUNCTION audit_entry_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entry is append-only';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_entry_append_only BEFORE UPDATE ON audit_entry
        FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_update()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_entry`);
    await queryRunner.query(`DROP FUNCTION audit_entry_refuse_update()`);
  }
}
