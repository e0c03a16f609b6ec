import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Password sign-up proves the address first: a sign-up waits, unconfirmed, until the link of its
 * "Confirm your email" email is used, and only then becomes an employee. "Forgot password" links
 * likewise. Each table keeps a link's SHA-256 hash, never the link's token. Every account email sent
 * is counted, to cap how many one address gets in an hour.
 */
export class AccountLinks1797300000000 implements MigrationInterface {
  name = 'AccountLinks1797300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE pending_registration (
        id             uuid PRIMARY KEY,
        email          text NOT NULL,
        name           text NOT NULL,
        title          text,
        password_hash  text NOT NULL,
        token_hash     text NOT NULL UNIQUE,
        created_at     timestamptz NOT NULL,
        expires_at     timestamptz NOT NULL,
        CHECK (expires_at > created_at)
      )`);
    await queryRunner.query(
      `CREATE INDEX pending_registration_email ON pending_registration (email, created_at DESC)`,
    );
    await queryRunner.query(`
      CREATE TABLE password_reset (
        id           uuid PRIMARY KEY,
        employee_id  uuid NOT NULL REFERENCES employee (id),
        email        text NOT NULL,
        token_hash   text NOT NULL UNIQUE,
        created_at   timestamptz NOT NULL,
        expires_at   timestamptz NOT NULL,
        used_at      timestamptz,
        CHECK (expires_at > created_at)
      )`);
    await queryRunner.query(
      `CREATE INDEX password_reset_employee ON password_reset (employee_id, created_at DESC)`,
    );
    // What caps the account emails one address gets, whoever asks for them.
    await queryRunner.query(`
      CREATE TABLE account_email_sent (
        email    text NOT NULL,
        kind     text NOT NULL,
        sent_at  timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX account_email_sent_email ON account_email_sent (email, sent_at DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE account_email_sent`);
    await queryRunner.query(`DROP TABLE password_reset`);
    await queryRunner.query(`DROP TABLE pending_registration`);
  }
}
