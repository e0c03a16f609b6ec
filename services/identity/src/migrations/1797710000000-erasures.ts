import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Erasing a person at their request. The employee row stays, as an id with `erased_at`, so that
 * references to them (others' manager links, role grants they gave, the audit log) stay coherent;
 * their personal data goes. Each erasure keeps its progress: identity's part is done in the
 * request's transaction, the other services' parts as their `…ErasureCompleted` events arrive.
 *
 * The audit log stays append-only except for one thing: an erasure redacts the personal values of
 * the entries about the person. The trigger lets an UPDATE through only in a transaction that
 * declared itself a redaction (`SET LOCAL vouch.audit_redaction = 'on'`).
 */
export class Erasures1797710000000 implements MigrationInterface {
  name = 'Erasures1797710000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE employee
        ADD COLUMN erased_at timestamptz,
        ADD CONSTRAINT employee_erased_is_deactivated CHECK (erased_at IS NULL OR deactivated_at IS NOT NULL)`);
    await queryRunner.query(`
      CREATE TABLE erasure (
        id                            uuid PRIMARY KEY,
        employee_id                   uuid NOT NULL UNIQUE REFERENCES employee (id),
        requested_at                  timestamptz NOT NULL,
        requested_by                  uuid NOT NULL REFERENCES employee (id),
        reason                        text NOT NULL,
        identity_completed_at         timestamptz NOT NULL,
        connections_completed_at      timestamptz,
        recommendations_completed_at  timestamptz,
        notifications_completed_at    timestamptz,
        completed_at                  timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX erasure_newest ON erasure (requested_at DESC, id DESC)`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_entry_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('vouch.audit_redaction', true) = 'on' THEN
          RETURN NULL;
        END IF;
        RAISE EXCEPTION 'audit_entry is append-only';
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_entry_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entry is append-only';
      END $$`);
    await queryRunner.query(`DROP TABLE erasure`);
    await queryRunner.query(`ALTER TABLE employee DROP COLUMN erased_at`);
  }
}
