import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invitations to set up one's sign-in, for people imported or provisioned without a password. At
 * most one open invitation per employee: a new one supersedes the earlier one.
 */
export class Invitations1797000000000 implements MigrationInterface {
  name = 'Invitations1797000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE invitation (
        id               uuid PRIMARY KEY,
        employee_id      uuid NOT NULL REFERENCES employee (id),
        invited_at       timestamptz NOT NULL,
        expires_at       timestamptz NOT NULL,
        accepted_at      timestamptz,
        superseded_at    timestamptz,
        invited_by_type  text NOT NULL CHECK (invited_by_type IN ('admin', 'scim', 'csv', 'system')),
        invited_by_id    uuid,
        CHECK ((invited_by_type = 'admin') = (invited_by_id IS NOT NULL)),
        CHECK (expires_at > invited_at),
        CHECK (accepted_at IS NULL OR superseded_at IS NULL)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX invitation_open ON invitation (employee_id)
        WHERE accepted_at IS NULL AND superseded_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE invitation`);
  }
}
