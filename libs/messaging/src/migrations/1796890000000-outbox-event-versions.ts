import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An event published in two versions during a migration is one event: both outbox rows carry its
 * id (docs/schema-evolution.md), so the id is unique per version, not alone.
 */
export class OutboxEventVersions1796890000000 implements MigrationInterface {
  name = 'OutboxEventVersions1796890000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE outbox DROP CONSTRAINT outbox_event_id_key`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX outbox_event_version ON outbox (event_id, (headers ->> 'ce_schemaversion'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX outbox_event_version`);
    await queryRunner.query(`ALTER TABLE outbox ADD CONSTRAINT outbox_event_id_key UNIQUE (event_id)`);
  }
}
