import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A compacted topic forgets a key only when it gets a tombstone, a message whose value is null: an
 * outbox row without a payload is one (`Outbox.addTombstone`), published in its key's order like
 * any event.
 */
export class OutboxTombstones1797700000000 implements MigrationInterface {
  name = 'OutboxTombstones1797700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE outbox ALTER COLUMN payload DROP NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The previous release's relay would not know what to make of them.
    await queryRunner.query(`DELETE FROM outbox WHERE payload IS NULL`);
    await queryRunner.query(`ALTER TABLE outbox ALTER COLUMN payload SET NOT NULL`);
  }
}
