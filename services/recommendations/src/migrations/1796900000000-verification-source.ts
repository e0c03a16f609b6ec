import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who verified a recommendation: the sources of the org chart's links (SCIM, CSV, an admin). Until
 * now anyone could name their own manager at sign-up, and recommendations between the two were
 * verified; none of those verifications can be told from a real one, so every recommendation
 * verified before this change is unverified. Revising it checks again against the org chart.
 */
export class VerificationSource1796900000000 implements MigrationInterface {
  name = 'VerificationSource1796900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE recommendation ADD COLUMN verified_by text[] NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`UPDATE recommendation SET verified = false WHERE verified`);
    await queryRunner.query(
      `ALTER TABLE recommendation ADD CONSTRAINT recommendation_verified_by
         CHECK (verified = (cardinality(verified_by) > 0)
                AND verified_by <@ ARRAY['scim', 'csv', 'admin']::text[])`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE recommendation DROP CONSTRAINT recommendation_verified_by`);
    await queryRunner.query(`ALTER TABLE recommendation DROP COLUMN verified_by`);
  }
}
