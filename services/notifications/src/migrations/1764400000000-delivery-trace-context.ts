import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The trace an email belongs to, so that its SMTP send shows in the trace of the request behind it. */
export class DeliveryTraceContext1764400000000 implements MigrationInterface {
  name = 'DeliveryTraceContext1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE delivery ADD COLUMN traceparent text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE delivery DROP COLUMN traceparent`);
  }
}
