import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An event Kafka refuses for good (too large, invalid) is parked instead of holding the outbox:
 * the relay counts its refused attempts, parks it after the last, and parks the later events of its
 * key with it, so that their order holds. An operator releases them (`npm run dlq -- outbox`).
 */
export class OutboxParking1797500000000 implements MigrationInterface {
  name = 'OutboxParking1797500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Constant defaults and nullable columns: no table rewrite.
    await queryRunner.query(`
      ALTER TABLE outbox
        ADD COLUMN publish_attempts integer NOT NULL DEFAULT 0,
        ADD COLUMN publish_error text,
        ADD COLUMN parked_at timestamptz`);
    // Few rows, if any: the relay asks it, for every event it reads, whether its key has one parked.
    await queryRunner.query(
      `CREATE INDEX outbox_parked ON outbox (topic, message_key, position)
         WHERE parked_at IS NOT NULL AND published_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX outbox_parked`);
    await queryRunner.query(
      `ALTER TABLE outbox DROP COLUMN parked_at, DROP COLUMN publish_error, DROP COLUMN publish_attempts`,
    );
  }
}
