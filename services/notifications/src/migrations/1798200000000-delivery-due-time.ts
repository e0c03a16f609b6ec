import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When each delivery may first go out (`due_at`): when it was planned, or for a non-urgent email
 * planned in its recipient's quiet hours, the next start of their working hours. Unlike
 * `next_attempt_at`, leases and retries leave it alone, so the daily cap counts each email on the
 * local day it reaches its recipient, and the delivery log shows why one waits. The deliveries
 * planned before it were due when planned.
 */
export class DeliveryDueTime1798200000000 implements MigrationInterface {
  name = 'DeliveryDueTime1798200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE delivery ADD COLUMN due_at timestamptz`);
    await queryRunner.query(`UPDATE delivery SET due_at = created_at`);
    await queryRunner.query(`ALTER TABLE delivery ALTER COLUMN due_at SET NOT NULL`);
    await queryRunner.query(`CREATE INDEX delivery_by_recipient_due ON delivery (recipient_id, due_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX delivery_by_recipient_due`);
    await queryRunner.query(`ALTER TABLE delivery DROP COLUMN due_at`);
  }
}
