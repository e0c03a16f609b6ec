import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions: refresh token families (one per sign-in) and their tokens, stored by SHA-256 only. And
 * the partial index every instance's once-a-second read of the deactivated employees uses.
 */
export class Sessions1797200000000 implements MigrationInterface {
  name = 'Sessions1797200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE refresh_token_family (
        id              uuid PRIMARY KEY,
        employee_id     uuid NOT NULL REFERENCES employee (id),
        started_at      timestamptz NOT NULL,
        expires_at      timestamptz NOT NULL,
        revoked_at      timestamptz,
        revoked_reason  text,
        -- What the sign-in proved that a refresh cannot see again, for the roles decided at each refresh.
        email_proven    boolean NOT NULL,
        idp_admin       boolean NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX refresh_token_family_open ON refresh_token_family (employee_id) WHERE revoked_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX refresh_token_family_expires_at ON refresh_token_family (expires_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX refresh_token_family_revoked_at ON refresh_token_family (revoked_at)`,
    );
    await queryRunner.query(`
      CREATE TABLE refresh_token (
        token_hash  bytea PRIMARY KEY,
        family_id   uuid NOT NULL REFERENCES refresh_token_family (id) ON DELETE CASCADE,
        issued_at   timestamptz NOT NULL,
        expires_at  timestamptz NOT NULL,
        rotated_at  timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX refresh_token_family_id ON refresh_token (family_id)`);
    await queryRunner.query(
      `CREATE INDEX employee_deactivated ON employee (id) WHERE deactivated_at IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX employee_deactivated`);
    await queryRunner.query(`DROP TABLE refresh_token`);
    await queryRunner.query(`DROP TABLE refresh_token_family`);
  }
}
