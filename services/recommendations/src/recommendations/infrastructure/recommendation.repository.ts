import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SqlReader } from '@vouch/persistence';
import type { Relationship } from '@vouch/contracts';
import type { StateChange } from '@vouch/messaging';
import type { RelationshipCounts } from '../domain/balance';
import { Recommendation } from '../domain/recommendation';
import type { PagePosition } from './newest-first.page';
import { connectionPair } from './connection.entity';
import { RecommendationEntity } from './recommendation.entity';
import { SqlParameters } from './sql-parameters';

/** A recommendation row as plain SQL reads it, shaped as the entity. */
const RECOMMENDATION_COLUMNS = `id, author_id AS "authorId", subject_id AS "subjectId", relationship, status,
  verified, verified_by AS "verifiedBy", reciprocal, revisions, revision_request AS "revisionRequest", created_at AS "createdAt",
  updated_at AS "updatedAt"`;

function toEntity(recommendation: Recommendation): RecommendationEntity {
  const state = recommendation.snapshot();
  return Object.assign(new RecommendationEntity(), {
    ...state,
    revisions: state.revisions.map((revision) => ({
      ...revision,
      writtenAt: revision.writtenAt.toISOString(),
    })),
  });
}

function toRecommendation(row: RecommendationEntity): Recommendation {
  return Recommendation.restore({
    ...row,
    revisions: row.revisions.map((revision) => ({ ...revision, writtenAt: new Date(revision.writtenAt) })),
  });
}

@Injectable()
export class RecommendationRepository {
  async find(manager: EntityManager, id: string, { lock = false } = {}): Promise<Recommendation | null> {
    const query = manager.createQueryBuilder(RecommendationEntity, 'r').where('r.id = :id', { id });
    if (lock) query.setLock('pessimistic_write');
    const row = await query.getOne();
    return row ? toRecommendation(row) : null;
  }

  /**
   * The INSERT of a new recommendation, as a state change for its event to go along with
   * (`Outbox.addAlongside`): one statement for both on the write path.
   */
  insertion(recommendation: Recommendation): StateChange {
    const row = toEntity(recommendation);
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

  async update(manager: EntityManager, recommendation: Recommendation): Promise<void> {
    await manager.save(RecommendationEntity, toEntity(recommendation));
  }

  /**
   * What writing a recommendation from author to subject must know, in one statement (each is a
   * round trip on the write path): whether they are connected, whether either recommended the other
   * already, and the subject's pending request to the author, if any (not locked: lock it by id).
   */
  async writingFacts(manager: EntityManager, authorId: string, subjectId: string): Promise<WritingFacts> {
    const { firstId, secondId } = connectionPair(authorId, subjectId);
    const [facts]: WritingFacts[] = await manager.query(
      `SELECT
         EXISTS (SELECT FROM connection
                  WHERE first_id = $3 AND second_id = $4 AND removed_at IS NULL) AS connected,
         EXISTS (SELECT FROM recommendation
                  WHERE author_id = $1 AND subject_id = $2 AND status <> 'withdrawn') AS "alreadyRecommended",
         EXISTS (SELECT FROM recommendation
                  WHERE author_id = $2 AND subject_id = $1 AND status <> 'withdrawn') AS reciprocal,
         (SELECT id FROM recommendation_request
           WHERE requester_id = $2 AND recipient_id = $1 AND status = 'pending' LIMIT 1) AS "pendingRequestId"`,
      [authorId, subjectId, firstId, secondId],
    );
    return facts;
  }

  /** Whether the author has a recommendation of the subject that is not withdrawn. */
  async exists(manager: EntityManager, authorId: string, subjectId: string): Promise<boolean> {
    const count = await manager
      .createQueryBuilder(RecommendationEntity, 'r')
      .where('r.authorId = :authorId AND r.subjectId = :subjectId', { authorId, subjectId })
      .andWhere(`r.status <> 'withdrawn'`)
      .getCount();
    return count > 0;
  }

  /*
   * The reads below serve a profile and the balance, the hottest paths (bench/README.md, "Reads"):
   * plain SQL, since building the query and hydrating entities through the ORM cost more CPU than
   * PostgreSQL spends answering.
   */

  /** A page of recommendations, newest first (one row more than the page, to tell if another follows). */
  async page(
    reader: SqlReader,
    filter: { authorId?: string; subjectId?: string; acceptedOnly?: boolean },
    position: PagePosition,
  ): Promise<Recommendation[]> {
    const sql = new SqlParameters();
    const conditions = ['true'];
    if (filter.authorId) conditions.push(`author_id = ${sql.add(filter.authorId)}`);
    if (filter.subjectId) conditions.push(`subject_id = ${sql.add(filter.subjectId)}`);
    if (filter.acceptedOnly) conditions.push(`status = 'accepted'`);
    if (position.after)
      conditions.push(
        `(created_at, id) < (${sql.add(position.after.key)}::timestamptz, ${sql.add(position.after.id)}::uuid)`,
      );
    const rows = await reader.query<RecommendationEntity>(
      `SELECT ${RECOMMENDATION_COLUMNS} FROM recommendation WHERE ${conditions.join(' AND ')}
        ORDER BY created_at DESC, id DESC LIMIT ${sql.add(position.limit + 1)}`,
      sql.values,
    );
    return rows.map(toRecommendation);
  }

  /** Accepted recommendations of each subject (all, or those given), by relationship. */
  async acceptedCounts(reader: SqlReader, subjectIds?: string[]): Promise<Map<string, RelationshipCounts>> {
    const rows = await reader.query<{ subjectId: string; relationship: Relationship; count: number }>(
      `SELECT subject_id AS "subjectId", relationship, count(*)::int AS count
         FROM recommendation
        WHERE status = 'accepted' ${subjectIds ? 'AND subject_id = ANY($1::uuid[])' : ''}
        GROUP BY subject_id, relationship`,
      subjectIds ? [subjectIds] : [],
    );
    const counts = new Map<string, RelationshipCounts>();
    for (const row of rows) {
      const entry = counts.get(row.subjectId) ?? { supervisor: 0, coworker: 0, subordinate: 0 };
      entry[row.relationship] = row.count;
      counts.set(row.subjectId, entry);
    }
    return counts;
  }

  /** Who wrote the subject a recommendation that is not withdrawn. */
  async authorsOf(reader: SqlReader, subjectId: string): Promise<Set<string>> {
    const rows = await reader.query<{ authorId: string }>(
      `SELECT author_id AS "authorId" FROM recommendation WHERE subject_id = $1 AND status <> 'withdrawn'`,
      [subjectId],
    );
    return new Set(rows.map((row) => row.authorId));
  }
}

export interface WritingFacts {
  connected: boolean;
  /** The author recommended the subject already (and did not withdraw it). */
  alreadyRecommended: boolean;
  /** The subject recommended the author: this one returns the favour. */
  reciprocal: boolean;
  pendingRequestId: string | null;
}
