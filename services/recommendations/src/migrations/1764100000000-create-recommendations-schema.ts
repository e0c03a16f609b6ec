import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRecommendationsSchema1764100000000 implements MigrationInterface {
  name = 'CreateRecommendationsSchema1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Replica of connections, one row per connection id: a removal that overtakes its acceptance
    // (events of different connections are not ordered) still wins.
    await queryRunner.query(`
      CREATE TABLE connection (
        connection_id  uuid PRIMARY KEY,
        first_id       uuid NOT NULL,
        second_id      uuid NOT NULL,
        since          timestamptz,
        removed_at     timestamptz,
        CHECK (first_id < second_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX connection_current ON connection (first_id, second_id) WHERE removed_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX connection_current_second ON connection (second_id) WHERE removed_at IS NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE recommendation (
        id                uuid PRIMARY KEY,
        author_id         uuid NOT NULL,
        subject_id        uuid NOT NULL,
        relationship      text NOT NULL CHECK (relationship IN ('supervisor', 'coworker', 'subordinate')),
        status            text NOT NULL
          CHECK (status IN ('pending', 'accepted', 'hidden', 'revision_requested', 'withdrawn')),
        verified          boolean NOT NULL,
        reciprocal        boolean NOT NULL,
        revisions         jsonb NOT NULL,
        revision_request  text,
        created_at        timestamptz NOT NULL,
        updated_at        timestamptz NOT NULL
      )`);
    // One recommendation per author and subject: two identical writes at once make one row.
    await queryRunner.query(
      `CREATE UNIQUE INDEX recommendation_one_per_pair ON recommendation (author_id, subject_id) WHERE status <> 'withdrawn'`,
    );
    await queryRunner.query(
      `CREATE INDEX recommendation_by_subject ON recommendation (subject_id, created_at, id)`,
    );
    await queryRunner.query(
      `CREATE INDEX recommendation_by_author ON recommendation (author_id, created_at, id)`,
    );

    await queryRunner.query(`
      CREATE TABLE recommendation_request (
        id            uuid PRIMARY KEY,
        requester_id  uuid NOT NULL,
        recipient_id  uuid NOT NULL,
        relationship  text NOT NULL CHECK (relationship IN ('supervisor', 'coworker', 'subordinate')),
        message       text,
        status        text NOT NULL CHECK (status IN ('pending', 'fulfilled', 'declined', 'withdrawn', 'expired')),
        created_at    timestamptz NOT NULL,
        expires_at    timestamptz NOT NULL,
        closed_at     timestamptz
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX recommendation_request_one_pending ON recommendation_request (requester_id, recipient_id) WHERE status = 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX recommendation_request_pending_in ON recommendation_request (recipient_id, created_at, id) WHERE status = 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX recommendation_request_due ON recommendation_request (expires_at) WHERE status = 'pending'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE recommendation_request`);
    await queryRunner.query(`DROP TABLE recommendation`);
    await queryRunner.query(`DROP TABLE connection`);
  }
}
