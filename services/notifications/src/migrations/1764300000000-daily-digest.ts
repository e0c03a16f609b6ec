import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The daily cap and the digest: an email past the cap, or for someone who chose the digest, is
 * `held`, then `digested` into one digest delivery; an email nobody wants any more is `skipped`.
 */
export class DailyDigest1764300000000 implements MigrationInterface {
  name = 'DailyDigest1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE delivery DROP CONSTRAINT delivery_status_check`);
    await queryRunner.query(`
      ALTER TABLE delivery ADD CONSTRAINT delivery_status_check
        CHECK (status IN ('pending', 'held', 'digested', 'sent', 'failed', 'skipped'))`);
    // The digest that carried a held email.
    await queryRunner.query(`ALTER TABLE delivery ADD COLUMN digest_id uuid`);
    // A digest is about many people, so it names no counterpart.
    await queryRunner.query(`ALTER TABLE delivery ALTER COLUMN counterpart_id DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE delivery ALTER COLUMN counterpart_name DROP NOT NULL`);
    await queryRunner.query(
      `CREATE INDEX delivery_held ON delivery (recipient_id, created_at) WHERE status = 'held'`,
    );
    await queryRunner.query(
      `CREATE INDEX delivery_in_digest ON delivery (digest_id) WHERE digest_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX delivery_in_digest`);
    await queryRunner.query(`DROP INDEX delivery_held`);
    await queryRunner.query(`DELETE FROM delivery WHERE counterpart_id IS NULL`);
    await queryRunner.query(`ALTER TABLE delivery ALTER COLUMN counterpart_name SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE delivery ALTER COLUMN counterpart_id SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE delivery DROP COLUMN digest_id`);
    await queryRunner.query(`ALTER TABLE delivery DROP CONSTRAINT delivery_status_check`);
    await queryRunner.query(`UPDATE delivery SET status = 'pending' WHERE status IN ('held', 'digested')`);
    await queryRunner.query(`UPDATE delivery SET status = 'failed' WHERE status = 'skipped'`);
    await queryRunner.query(`
      ALTER TABLE delivery ADD CONSTRAINT delivery_status_check
        CHECK (status IN ('pending', 'sent', 'failed'))`);
  }
}
