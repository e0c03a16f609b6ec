import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single sign-on with the company's OpenID Connect provider: which account of the provider is which
 * employee (made once, never moved), the sign-ins under way (state, nonce and PKCE verifier, bound to
 * the browser by a cookie that holds only a random key, stored here by its SHA-256 hash), the
 * addresses proven their employees', the admin role an admin gives, and `sso` as an actor of the audit log (just-in-time creation).
 */
export class SingleSignOn1797100000000 implements MigrationInterface {
  name = 'SingleSignOn1797100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE sso_link (
        issuer           text NOT NULL,
        subject          text NOT NULL,
        employee_id      uuid NOT NULL REFERENCES employee (id),
        linked_by        text NOT NULL CHECK (linked_by IN ('external_id', 'verified_email', 'jit')),
        linked_at        timestamptz NOT NULL,
        last_sign_in_at  timestamptz NOT NULL,
        PRIMARY KEY (issuer, subject),
        UNIQUE (issuer, employee_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE sso_login (
        key_hash       text PRIMARY KEY,
        state          text NOT NULL,
        nonce          text NOT NULL,
        code_verifier  text NOT NULL,
        created_at     timestamptz NOT NULL,
        expires_at     timestamptz NOT NULL,
        CHECK (expires_at > created_at)
      )`);
    await queryRunner.query(`CREATE INDEX sso_login_expiry ON sso_login (expires_at)`);
    // An address proven its employee's (ADMIN_EMAILS makes admins of proven addresses only): by a
    // followed email link, or the company's provider vouching for it. Keyed by the address, so an
    // email changed by SCIM is unproven until proven again.
    await queryRunner.query(`
      CREATE TABLE email_proof (
        employee_id  uuid NOT NULL REFERENCES employee (id),
        email        text NOT NULL,
        proven_by    text NOT NULL CHECK (proven_by IN ('email_confirmation', 'invitation', 'password_reset', 'sso')),
        proven_at    timestamptz NOT NULL,
        PRIMARY KEY (employee_id, email)
      )`);
    // The admin role an existing admin gives, beside the company's groups (audit-logged).
    await queryRunner.query(`
      CREATE TABLE admin_grant (
        employee_id  uuid PRIMARY KEY REFERENCES employee (id),
        granted_by   uuid NOT NULL REFERENCES employee (id),
        granted_at   timestamptz NOT NULL
      )`);
    await queryRunner.query(`ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_actor_type_check`);
    await queryRunner.query(
      `ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_actor_type_check
         CHECK (actor_type IN ('admin', 'scim', 'csv', 'system', 'sso'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM audit_entry WHERE actor_type = 'sso'`);
    await queryRunner.query(`ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_actor_type_check`);
    await queryRunner.query(
      `ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_actor_type_check
         CHECK (actor_type IN ('admin', 'scim', 'csv', 'system'))`,
    );
    await queryRunner.query(`DROP TABLE admin_grant`);
    await queryRunner.query(`DROP TABLE email_proof`);
    await queryRunner.query(`DROP TABLE sso_login`);
    await queryRunner.query(`DROP TABLE sso_link`);
  }
}
