import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * HR or an admin may take a recommendation down: who, when and why are kept with it for the audit,
 * all three or none.
 */
export class RecommendationTakedown1798100000000 implements MigrationInterface {
  name = 'RecommendationTakedown1798100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE recommendation
        ADD COLUMN taken_down_at timestamptz,
        ADD COLUMN taken_down_by uuid,
        ADD COLUMN takedown_reason text,
        ADD CONSTRAINT recommendation_takedown_whole
          CHECK ((taken_down_at IS NULL) = (taken_down_by IS NULL)
                 AND (taken_down_at IS NULL) = (takedown_reason IS NULL))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE recommendation
        DROP CONSTRAINT recommendation_takedown_whole,
        DROP COLUMN takedown_reason,
        DROP COLUMN taken_down_by,
        DROP COLUMN taken_down_at`);
  }
}
