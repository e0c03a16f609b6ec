import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the retention purge needs: when a reminder ended (it had no time of its own), and indexes
 * that find finished deliveries, reminders and nudges by age without reading the whole table.
 */
export class HistoryRetention1797600000000 implements MigrationInterface {
  name = 'HistoryRetention1797600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE request_reminder ADD COLUMN finished_at timestamptz`);
    // Reminders that ended before this release are kept a whole retention from now.
    await queryRunner.query(`UPDATE request_reminder SET finished_at = now() WHERE status <> 'pending'`);
    await queryRunner.query(
      `CREATE INDEX request_reminder_finished ON request_reminder (finished_at) WHERE status <> 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX delivery_finished ON delivery (updated_at)
        WHERE status IN ('sent', 'failed', 'skipped', 'digested')`,
    );
    await queryRunner.query(`CREATE INDEX reciprocity_ledger_by_age ON reciprocity_ledger (nudged_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX reciprocity_ledger_by_age`);
    await queryRunner.query(`DROP INDEX delivery_finished`);
    await queryRunner.query(`DROP INDEX request_reminder_finished`);
    await queryRunner.query(`ALTER TABLE request_reminder DROP COLUMN finished_at`);
  }
}
