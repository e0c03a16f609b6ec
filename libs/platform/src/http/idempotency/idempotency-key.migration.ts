import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The `Idempotency-Key`s of the routes that create things (IdempotencyModule), in the database of
 * each service that has such routes (connections, recommendations): one
 * row per employee, route and key, with the first answer to replay, written in the same
 * transaction as what the request created, and purged once `expires_at` has passed.
 */
export class IdempotencyKeys1797600000000 implements MigrationInterface {
  name = 'IdempotencyKeys1797600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE idempotency_key (
        employee_id  uuid NOT NULL,
        route        text NOT NULL,
        key          text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
        fingerprint  text NOT NULL,
        status       smallint NOT NULL,
        headers      jsonb NOT NULL,
        body         text,
        created_at   timestamptz NOT NULL DEFAULT now(),
        expires_at   timestamptz NOT NULL,
        PRIMARY KEY (employee_id, route, key)
      )`);
    await queryRunner.query(`CREATE INDEX idempotency_key_expires_at ON idempotency_key (expires_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE idempotency_key`);
  }
}
