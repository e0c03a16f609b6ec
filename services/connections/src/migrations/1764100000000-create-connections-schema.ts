import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateConnectionsSchema1764100000000 implements MigrationInterface {
  name = 'CreateConnectionsSchema1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE connection (
        id            uuid PRIMARY KEY,
        requester_id  uuid NOT NULL,
        addressee_id  uuid NOT NULL,
        message       text,
        status        text NOT NULL
                      CHECK (status IN ('pending', 'accepted', 'declined', 'withdrawn', 'cancelled', 'removed')),
        requested_at  timestamptz NOT NULL,
        accepted_at   timestamptz,
        closed_at     timestamptz,
        removed_by    uuid,
        CHECK (requester_id <> addressee_id),
        CHECK (status <> 'accepted' OR accepted_at IS NOT NULL)
      )`);
    // The last line of defence behind the pair lock: one open connection per unordered pair.
    await queryRunner.query(`
      CREATE UNIQUE INDEX connection_one_open_per_pair
        ON connection (LEAST(requester_id, addressee_id), GREATEST(requester_id, addressee_id))
        WHERE status IN ('pending', 'accepted')`);
    await queryRunner.query(`
      CREATE INDEX connection_pending_incoming_idx ON connection (addressee_id, requested_at DESC, id DESC)
        WHERE status = 'pending'`);
    await queryRunner.query(`
      CREATE INDEX connection_pending_outgoing_idx ON connection (requester_id, requested_at DESC, id DESC)
        WHERE status = 'pending'`);
    await queryRunner.query(
      `CREATE INDEX connection_accepted_requester_idx ON connection (requester_id) WHERE status = 'accepted'`,
    );
    await queryRunner.query(
      `CREATE INDEX connection_accepted_addressee_idx ON connection (addressee_id) WHERE status = 'accepted'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE connection`);
  }
}
