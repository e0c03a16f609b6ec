import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `reciprocal` now holds on both recommendations of a pair while neither is withdrawn or taken
 * down; it was set on the later one only, when written, and never cleared. Each recommendation
 * that is neither gets the flag the rule gives it: the earlier ones of mutual pairs become
 * reciprocal, and one whose counterpart went since is no longer. Withdrawn and taken-down ones keep
 * theirs. No event is published: consumers learnt the later one's flag from its RecommendationGiven,
 * and RecommendationReciprocated is only for changes from now on.
 */
export class ReciprocalBothWays1798300000000 implements MigrationInterface {
  name = 'ReciprocalBothWays1798300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE recommendation r
         SET reciprocal = mutual.reciprocal
        FROM (SELECT mine.id,
                     EXISTS (SELECT FROM recommendation theirs
                              WHERE theirs.author_id = mine.subject_id AND theirs.subject_id = mine.author_id
                                AND theirs.status <> 'withdrawn' AND theirs.taken_down_at IS NULL) AS reciprocal
                FROM recommendation mine
               WHERE mine.status <> 'withdrawn' AND mine.taken_down_at IS NULL) mutual
       WHERE r.id = mutual.id AND r.reciprocal <> mutual.reciprocal`);
  }

  async down(): Promise<void> {
    // The flags stay as the rule set them: the release before reads them as they are, and nothing
    // tells which of a pair was written first to undo it.
  }
}
