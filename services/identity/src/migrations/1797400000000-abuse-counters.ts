import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The abuse limits' counters, shared by every identity instance: requests per client address in a
 * window, failed logins per account with the delay they set, and each account's usual addresses.
 * login_throttle, which the login limit used before, stays until every instance runs this version.
 */
export class AbuseCounters1797400000000 implements MigrationInterface {
  name = 'AbuseCounters1797400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE abuse_counter (
        key            text PRIMARY KEY,
        count          int NOT NULL,
        expires_at     timestamptz NOT NULL,
        delayed_until  timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX abuse_counter_expires_at ON abuse_counter (expires_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE abuse_counter`);
  }
}
