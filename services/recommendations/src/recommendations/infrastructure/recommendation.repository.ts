import { Injectable } from '@nestjs/common';
import { UnitOfWork, type StateChange } from '@vouch/messaging';
import type { Recommendation } from '../domain/recommendation';
import { DuplicateRecommendationError } from '../domain/recommendation.errors';
import { connectionPair } from './connection.entity';
import { recommendationPairLock } from './recommendation-pair-lock';
import { RecommendationEntity, recommendationOf, recommendationRow } from './recommendation.entity';
import { isUniqueViolation } from './unique-violation';

/** Recommendations in the unit of work's transaction, saved with the events they recorded. */
@Injectable()
export class RecommendationRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async find(id: string, { lock = false } = {}): Promise<Recommendation | null> {
    const query = this.unitOfWork
      .transaction()
      .createQueryBuilder(RecommendationEntity, 'r')
      .where('r.id = :id', { id });
    if (lock) query.setLock('pessimistic_write');
    const row = await query.getOne();
    return row ? recommendationOf(row) : null;
  }

  /**
   * Takes the lock of the recommendation's pair (as writing one between them does), then reads and
   * locks it: for a change that ends the two's reciprocity.
   */
  async findLockingPair(id: string): Promise<Recommendation | null> {
    await this.unitOfWork
      .transaction()
      .query(
        `SELECT ${recommendationPairLock('author_id', 'subject_id')} FROM recommendation WHERE id = $1`,
        [id],
      );
    return this.find(id, { lock: true });
  }

  /**
   * Inserts a new recommendation and adds its RecommendationGiven in one statement: a round trip
   * less on the write path.
   */
  async insert(recommendation: Recommendation): Promise<void> {
    try {
      await this.unitOfWork.saveInOneStatement(recommendation, insertion(recommendation));
    } catch (error) {
      // Two identical writes at once: the unique index lets one through, the other is this 409.
      if (isUniqueViolation(error, 'recommendation_one_per_pair')) throw new DuplicateRecommendationError();
      throw error;
    }
  }

  /**
   * Writes a changed recommendation, read (and locked) in this transaction, and its first event in
   * one statement: an ORM save would read the row again before its UPDATE and add the event after,
   * three round trips where one does (a mutual pair's earlier one is saved on the write path).
   */
  async save(recommendation: Recommendation): Promise<void> {
    const updated = await this.unitOfWork.saveInOneStatement(recommendation, update(recommendation));
    if (!updated) throw new Error(`recommendation ${recommendation.id} to save is not in the database`);
  }

  /**
   * What writing a recommendation from author to subject must know, in one statement (each is a
   * round trip on the write path): whether they are connected, whether the author recommended the
   * subject already, the subject's recommendation of the author and their pending request to the
   * author, if any (neither locked: lock them by id).
   */
  async writingFacts(authorId: string, subjectId: string): Promise<WritingFacts> {
    const { firstId, secondId } = connectionPair(authorId, subjectId);
    const [facts]: WritingFacts[] = await this.unitOfWork.transaction().query(
      `SELECT
         EXISTS (SELECT FROM connection
                  WHERE first_id = $3 AND second_id = $4 AND removed_at IS NULL) AS connected,
         EXISTS (SELECT FROM recommendation
                  WHERE author_id = $1 AND subject_id = $2 AND status <> 'withdrawn') AS "alreadyRecommended",
         (SELECT id FROM recommendation
           WHERE author_id = $2 AND subject_id = $1 AND status <> 'withdrawn'
             AND taken_down_at IS NULL) AS "counterpartId",
         (SELECT id FROM recommendation_request
           WHERE requester_id = $2 AND recipient_id = $1 AND status = 'pending' LIMIT 1) AS "pendingRequestId"`,
      [authorId, subjectId, firstId, secondId],
    );
    return facts;
  }

  /**
   * The subject's recommendation of the author, locked, when neither withdrawn nor taken down: the
   * other one of the pair, whose reciprocity follows this one's end.
   */
  async counterpartOf(recommendation: Recommendation): Promise<Recommendation | null> {
    const { authorId, subjectId } = recommendation.snapshot();
    const row = await this.unitOfWork
      .transaction()
      .createQueryBuilder(RecommendationEntity, 'r')
      .where('r.authorId = :subjectId AND r.subjectId = :authorId', { authorId, subjectId })
      .andWhere(`r.status <> 'withdrawn' AND r.takenDownAt IS NULL`)
      .setLock('pessimistic_write')
      .getOne();
    return row ? recommendationOf(row) : null;
  }

  /** Whether the author has a recommendation of the subject that is not withdrawn. */
  async exists(authorId: string, subjectId: string): Promise<boolean> {
    const count = await this.unitOfWork
      .transaction()
      .createQueryBuilder(RecommendationEntity, 'r')
      .where('r.authorId = :authorId AND r.subjectId = :subjectId', { authorId, subjectId })
      .andWhere(`r.status <> 'withdrawn'`)
      .getCount();
    return count > 0;
  }

  /** Every recommendation the employee wrote or was written, locked for the transaction. */
  async involving(employeeId: string): Promise<Recommendation[]> {
    const rows = await this.unitOfWork
      .transaction()
      .createQueryBuilder(RecommendationEntity, 'r')
      .where('(r.authorId = :employeeId OR r.subjectId = :employeeId)', { employeeId })
      .orderBy('r.id')
      .setLock('pessimistic_write')
      .getMany();
    return rows.map(recommendationOf);
  }

  async delete(recommendation: Recommendation): Promise<void> {
    await this.unitOfWork.transaction().delete(RecommendationEntity, { id: recommendation.id });
  }
}

/** The INSERT of a new recommendation, for its event to go along with in the same statement. */
function insertion(recommendation: Recommendation): StateChange {
  const row = recommendationRow(recommendation);
  return {
    sql: `INSERT INTO recommendation (id, author_id, subject_id, relationship, status, verified,
            verified_by, reciprocal, revisions, revision_request, created_at, updated_at)
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    params: [
      row.id,
      row.authorId,
      row.subjectId,
      row.relationship,
      row.status,
      row.verified,
      row.verifiedBy,
      row.reciprocal,
      JSON.stringify(row.revisions),
      row.revisionRequest,
      row.createdAt,
      row.updatedAt,
    ],
  };
}

/** The UPDATE of every column a recommendation's life changes, for its event to go along with. */
function update(recommendation: Recommendation): StateChange {
  const row = recommendationRow(recommendation);
  return {
    sql: `UPDATE recommendation SET relationship = $2, status = $3, verified = $4, verified_by = $5,
            reciprocal = $6, revisions = $7, revision_request = $8, taken_down_at = $9,
            taken_down_by = $10, takedown_reason = $11, updated_at = $12
          WHERE id = $1 RETURNING id`,
    params: [
      row.id,
      row.relationship,
      row.status,
      row.verified,
      row.verifiedBy,
      row.reciprocal,
      JSON.stringify(row.revisions),
      row.revisionRequest,
      row.takenDownAt,
      row.takenDownBy,
      row.takedownReason,
      row.updatedAt,
    ],
  };
}

export interface WritingFacts {
  connected: boolean;
  /** The author recommended the subject already (and did not withdraw it). */
  alreadyRecommended: boolean;
  /**
   * The subject's recommendation of the author, neither withdrawn nor taken down (one at most, as
   * for any author and subject): this one returns the favour.
   */
  counterpartId: string | null;
  pendingRequestId: string | null;
}
