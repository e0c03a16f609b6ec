import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateNotificationsSchema1764100000000 implements MigrationInterface {
  name = 'CreateNotificationsSchema1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // One row per email: written by the event handler in its transaction, sent later by the sender.
    await queryRunner.query(`
      CREATE TABLE delivery (
        id               uuid PRIMARY KEY,
        event_id         text NOT NULL,
        template         text NOT NULL,
        category         text NOT NULL,
        recipient_id     uuid NOT NULL,
        recipient_email  text NOT NULL,
        recipient_name   text NOT NULL,
        counterpart_id   uuid NOT NULL,
        counterpart_name text NOT NULL,
        details          jsonb NOT NULL,
        status           text NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
        attempts         integer NOT NULL DEFAULT 0,
        next_attempt_at  timestamptz NOT NULL,
        last_error       text,
        created_at       timestamptz NOT NULL,
        updated_at       timestamptz NOT NULL,
        sent_at          timestamptz,
        failed_at        timestamptz
      )`);
    // A redelivered or replayed event makes no second email.
    await queryRunner.query(
      `CREATE UNIQUE INDEX delivery_once_per_event ON delivery (event_id, template, recipient_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status = 'pending'`,
    );
    await queryRunner.query(`CREATE INDEX delivery_by_recipient ON delivery (recipient_id, created_at)`);

    // The reciprocity nudge goes out once per pair, ever: a row here is that promise kept.
    await queryRunner.query(`
      CREATE TABLE reciprocity_ledger (
        author_id   uuid NOT NULL,
        subject_id  uuid NOT NULL,
        nudged_at   timestamptz NOT NULL,
        PRIMARY KEY (author_id, subject_id)
      )`);

    // One gentle reminder per request. A cancellation that overtakes the request (their events are
    // not ordered with the recommendation that fulfils it) leaves a cancelled row the request cannot revive.
    await queryRunner.query(`
      CREATE TABLE request_reminder (
        request_id    uuid PRIMARY KEY,
        event_id      text,
        requester_id  uuid,
        recipient_id  uuid,
        relationship  text,
        message       text,
        due_at        timestamptz,
        status        text NOT NULL CHECK (status IN ('pending', 'sent', 'cancelled'))
      )`);
    await queryRunner.query(
      `CREATE INDEX request_reminder_due ON request_reminder (due_at) WHERE status = 'pending'`,
    );

    await queryRunner.query(`
      CREATE TABLE notification_preference (
        employee_id       uuid PRIMARY KEY,
        categories        jsonb NOT NULL,
        digest            text NOT NULL CHECK (digest IN ('off', 'daily')),
        unsubscribed_all  boolean NOT NULL,
        updated_at        timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE notification_preference`);
    await queryRunner.query(`DROP TABLE request_reminder`);
    await queryRunner.query(`DROP TABLE reciprocity_ledger`);
    await queryRunner.query(`DROP TABLE delivery`);
  }
}
