import { Injectable } from '@nestjs/common';
import { PooledSqlReader } from '@vouch/persistence';
import type { Recommendation } from '../domain/recommendation';
import type { RecommendationRequest } from '../domain/recommendation-request';
import { RECOMMENDATION_COLUMNS, recommendationOf, type RecommendationEntity } from './recommendation.entity';
import {
  REQUEST_COLUMNS,
  requestOf,
  type RecommendationRequestEntity,
} from './recommendation-request.entity';

/** Each row with the name of the other employee in it; null when the replica has not heard of them. */
export interface WithColleagueName<T> {
  item: T;
  colleagueName: string | null;
}

/** What the service holds about one employee, for their export: plain SQL on the pool. */
@Injectable()
export class PersonalDataQueries {
  constructor(private readonly reader: PooledSqlReader) {}

  /** Recommendations the employee wrote or is the subject of, in any status, the oldest first. */
  async recommendationsOf(employeeId: string): Promise<Array<WithColleagueName<Recommendation>>> {
    const rows = await this.reader.query<RecommendationEntity & { colleagueName: string | null }>(
      `SELECT ${RECOMMENDATION_COLUMNS}, (
                SELECT e.name FROM employee e
                 WHERE e.id = CASE WHEN r.author_id = $1 THEN r.subject_id ELSE r.author_id END
              ) AS "colleagueName"
         FROM recommendation r
        WHERE r.author_id = $1 OR r.subject_id = $1
        ORDER BY r.created_at, r.id`,
      [employeeId],
    );
    return rows.map((row) => ({ item: recommendationOf(row), colleagueName: row.colleagueName }));
  }

  /** Requests the employee made or received, in any status, the oldest first. */
  async requestsOf(employeeId: string): Promise<Array<WithColleagueName<RecommendationRequest>>> {
    const rows = await this.reader.query<RecommendationRequestEntity & { colleagueName: string | null }>(
      `SELECT ${REQUEST_COLUMNS}, (
                SELECT e.name FROM employee e
                 WHERE e.id = CASE WHEN q.requester_id = $1 THEN q.recipient_id ELSE q.requester_id END
              ) AS "colleagueName"
         FROM recommendation_request q
        WHERE q.requester_id = $1 OR q.recipient_id = $1
        ORDER BY q.created_at, q.id`,
      [employeeId],
    );
    return rows.map((row) => ({ item: requestOf(row), colleagueName: row.colleagueName }));
  }
}
