import { Injectable } from '@nestjs/common';
import type { Relationship } from '@vouch/contracts';
import {
  REPLICATED_EMPLOYEE_COLUMNS as EMPLOYEE_COLUMNS,
  type ReplicatedEmployee,
} from '@vouch/employee-replica';
import { PooledSqlReader } from '@vouch/persistence';
import type { RelationshipCounts } from '../domain/balance';
import type { Recommendation } from '../domain/recommendation';
import type { RecommendationRequest, RequestStatusFilter } from '../domain/recommendation-request';
import type { PagePosition } from './newest-first.page';
import { RECOMMENDATION_COLUMNS, recommendationOf, type RecommendationEntity } from './recommendation.entity';
import {
  REQUEST_COLUMNS,
  requestOf,
  type RecommendationRequestEntity,
} from './recommendation-request.entity';
import { SqlParameters } from './sql-parameters';

/**
 * The read models' queries (lists, a profile, the balance, coverage), outside any transaction:
 * plain SQL on the pool, since on these hot paths building queries and hydrating entities through
 * the ORM cost more CPU than PostgreSQL spends answering (bench/README.md, "Reads").
 */
@Injectable()
export class RecommendationQueries {
  constructor(private readonly reader: PooledSqlReader) {}

  /**
   * A page of recommendations, newest first (one row more than the page, to tell if another
   * follows); never one that was taken down, which shows to nobody but HR and admins.
   */
  async recommendationPage(
    filter: { authorId?: string; subjectId?: string; acceptedOnly?: boolean },
    position: PagePosition,
  ): Promise<Recommendation[]> {
    const sql = new SqlParameters();
    const conditions = ['taken_down_at IS NULL'];
    if (filter.authorId) conditions.push(`author_id = ${sql.add(filter.authorId)}`);
    if (filter.subjectId) conditions.push(`subject_id = ${sql.add(filter.subjectId)}`);
    if (filter.acceptedOnly) conditions.push(`status = 'accepted'`);
    const rows = await this.reader.query<RecommendationEntity>(
      `SELECT ${RECOMMENDATION_COLUMNS} FROM recommendation WHERE ${conditions.join(' AND ')}
        ${newestFirst(sql, position)}`,
      sql.values,
    );
    return rows.map(recommendationOf);
  }

  /** Every recommendation a profile shows (accepted, not taken down), for the subject's signed document. */
  async acceptedOf(subjectId: string): Promise<Recommendation[]> {
    const rows = await this.reader.query<RecommendationEntity>(
      `SELECT ${RECOMMENDATION_COLUMNS} FROM recommendation
        WHERE subject_id = $1 AND status = 'accepted' AND taken_down_at IS NULL
        ORDER BY created_at DESC, id DESC`,
      [subjectId],
    );
    return rows.map(recommendationOf);
  }

  /** A page of requests, newest first (one row more than the page, to tell if another follows). */
  async requestPage(
    side: { requesterId: string } | { recipientId: string },
    status: RequestStatusFilter,
    position: PagePosition,
  ): Promise<RecommendationRequest[]> {
    const sql = new SqlParameters();
    const conditions =
      'requesterId' in side
        ? [`requester_id = ${sql.add(side.requesterId)}`]
        : [`recipient_id = ${sql.add(side.recipientId)}`];
    if (status !== 'all') conditions.push(`status = ${sql.add(status)}`);
    const rows = await this.reader.query<RecommendationRequestEntity>(
      `SELECT ${REQUEST_COLUMNS} FROM recommendation_request WHERE ${conditions.join(' AND ')}
        ${newestFirst(sql, position)}`,
      sql.values,
    );
    return rows.map(requestOf);
  }

  /** Accepted recommendations of each subject (all, or those given), by relationship; none taken down. */
  async acceptedCounts(subjectIds?: string[]): Promise<Map<string, RelationshipCounts>> {
    const rows = await this.reader.query<{ subjectId: string; relationship: Relationship; count: number }>(
      `SELECT subject_id AS "subjectId", relationship, count(*)::int AS count
         FROM recommendation
        WHERE status = 'accepted' AND taken_down_at IS NULL ${subjectIds ? 'AND subject_id = ANY($1::uuid[])' : ''}
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
  async authorsOf(subjectId: string): Promise<Set<string>> {
    const rows = await this.reader.query<{ authorId: string }>(
      `SELECT author_id AS "authorId" FROM recommendation WHERE subject_id = $1 AND status <> 'withdrawn'`,
      [subjectId],
    );
    return new Set(rows.map((row) => row.authorId));
  }

  /** One recommendation, whatever its status and takedown: whoever asks decides what they may see. */
  async recommendation(id: string): Promise<Recommendation | null> {
    const [row] = await this.reader.query<RecommendationEntity>(
      `SELECT ${RECOMMENDATION_COLUMNS} FROM recommendation WHERE id = $1`,
      [id],
    );
    return row ? recommendationOf(row) : null;
  }

  /** Whom the requester has pending requests with. */
  async askedBy(requesterId: string): Promise<Set<string>> {
    const rows = await this.reader.query<{ recipientId: string }>(
      `SELECT recipient_id AS "recipientId" FROM recommendation_request
        WHERE requester_id = $1 AND status = 'pending'`,
      [requesterId],
    );
    return new Set(rows.map((row) => row.recipientId));
  }

  /** The employee, unless erased: an erased employee has no profile, and their name is gone. */
  async employee(id: string): Promise<ReplicatedEmployee | null> {
    const [row] = await this.reader.query<ReplicatedEmployee>(
      `SELECT ${EMPLOYEE_COLUMNS} FROM employee WHERE id = $1 AND erased_at IS NULL`,
      [id],
    );
    return row ?? null;
  }

  async employees(ids: string[]): Promise<ReplicatedEmployee[]> {
    if (ids.length === 0) return [];
    return this.reader.query(
      `SELECT ${EMPLOYEE_COLUMNS} FROM employee WHERE id = ANY($1::uuid[]) AND erased_at IS NULL`,
      [ids],
    );
  }

  async activeEmployees(): Promise<ReplicatedEmployee[]> {
    return this.reader.query(`SELECT ${EMPLOYEE_COLUMNS} FROM employee WHERE active ORDER BY name, id`);
  }

  /** The employee's current connections who are active, with their place in the org chart. */
  async activeConnectionsOf(employeeId: string): Promise<ReplicatedEmployee[]> {
    return this.reader.query(
      `SELECT ${EMPLOYEE_COLUMNS} FROM employee
        WHERE active AND id IN (
          SELECT CASE WHEN c.first_id = $1 THEN c.second_id ELSE c.first_id END
            FROM connection c
           WHERE (c.first_id = $1 OR c.second_id = $1) AND c.removed_at IS NULL)
        ORDER BY id`,
      [employeeId],
    );
  }
}

/** Newest first from the page's position on, `limit + 1` rows so the caller can tell whether there is a next page. */
function newestFirst(sql: SqlParameters, position: PagePosition): string {
  const after = position.after
    ? `AND (created_at, id) < (${sql.add(position.after.key)}::timestamptz, ${sql.add(position.after.id)}::uuid)`
    : '';
  return `${after} ORDER BY created_at DESC, id DESC LIMIT ${sql.add(position.limit + 1)}`;
}
