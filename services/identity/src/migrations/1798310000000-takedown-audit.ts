import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An erasure redacts the reason of the takedowns of recommendations the person wrote, which it
 * finds by their author: partial, so it holds the takedowns alone.
 */
export class TakedownAudit1798310000000 implements MigrationInterface {
  name = 'TakedownAudit1798310000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX audit_entry_takedown_author ON audit_entry ((after ->> 'authorId'))
        WHERE action = 'recommendation.taken_down'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX audit_entry_takedown_author`);
  }
}
