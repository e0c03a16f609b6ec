import { Injectable } from '@nestjs/common';
import type { SuggestionReason } from '@vouch/contracts';
import { PooledSqlReader } from '@vouch/persistence';
import { Connection } from '../domain/connection';
import type { ConnectionRecord } from './connection.entity';

/** A row of a list: the connection and the employee on the other side of it. */
export interface ConnectionWithCounterpart {
  connection: Connection;
  counterpart: { id: string; name: string; title: string | null };
}

export interface SuggestionRow {
  id: string;
  name: string;
  title: string | null;
  reason: SuggestionReason;
}

/** Where a page starts: after the row with this time and id, newest first. */
export interface PagePosition {
  at: string;
  id: string;
}

interface ListRow {
  id: string;
  requester_id: string;
  addressee_id: string;
  message: string | null;
  status: ConnectionRecord['status'];
  requested_at: Date;
  accepted_at: Date | null;
  closed_at: Date | null;
  removed_by: string | null;
  counterpart_id: string;
  counterpart_name: string;
  counterpart_title: string | null;
}

const fromListRow = (row: ListRow): ConnectionWithCounterpart => ({
  connection: Connection.restore({
    id: row.id,
    requesterId: row.requester_id,
    addresseeId: row.addressee_id,
    message: row.message,
    status: row.status,
    requestedAt: row.requested_at,
    acceptedAt: row.accepted_at,
    closedAt: row.closed_at,
    removedBy: row.removed_by,
  }),
  counterpart: { id: row.counterpart_id, name: row.counterpart_name, title: row.counterpart_title },
});

/** The read models' queries (lists, suggestions), outside any transaction: plain SQL on the pool. */
@Injectable()
export class ConnectionQueries {
  constructor(private readonly reader: PooledSqlReader) {}

  /** Pending requests to (incoming) or from (outgoing) an employee, from active colleagues, newest first. */
  async pending(
    employeeId: string,
    direction: 'incoming' | 'outgoing',
    after: PagePosition | undefined,
    limit: number,
  ): Promise<ConnectionWithCounterpart[]> {
    const [mine, theirs] =
      direction === 'incoming' ? ['addressee_id', 'requester_id'] : ['requester_id', 'addressee_id'];
    const rows = await this.reader.query<ListRow>(
      `SELECT c.*, e.id AS counterpart_id, e.name AS counterpart_name, e.title AS counterpart_title
         FROM connection c JOIN employee e ON e.id = c.${theirs}
        WHERE c.${mine} = $1 AND c.status = 'pending' AND e.active
          AND ($2::timestamptz IS NULL OR (c.requested_at, c.id) < ($2::timestamptz, $3::uuid))
        ORDER BY c.requested_at DESC, c.id DESC
        LIMIT $4`,
      [employeeId, after?.at ?? null, after?.id ?? null, limit],
    );
    return rows.map(fromListRow);
  }

  /** An employee's accepted connections with active colleagues, most recent first. */
  async accepted(
    employeeId: string,
    after: PagePosition | undefined,
    limit: number,
  ): Promise<ConnectionWithCounterpart[]> {
    const rows = await this.reader.query<ListRow>(
      `SELECT c.*, e.id AS counterpart_id, e.name AS counterpart_name, e.title AS counterpart_title
         FROM connection c
         JOIN employee e
           ON e.id = CASE WHEN c.requester_id = $1 THEN c.addressee_id ELSE c.requester_id END
        WHERE (c.requester_id = $1 OR c.addressee_id = $1) AND c.status = 'accepted' AND e.active
          AND ($2::timestamptz IS NULL OR (c.accepted_at, c.id) < ($2::timestamptz, $3::uuid))
        ORDER BY c.accepted_at DESC, c.id DESC
        LIMIT $4`,
      [employeeId, after?.at ?? null, after?.id ?? null, limit],
    );
    return rows.map(fromListRow);
  }

  /**
   * Active colleagues next to an employee in the org chart (manager, reports, same manager) with no
   * open connection or request with them, by name.
   */
  suggestionsFor(
    employeeId: string,
    after: { name: string; id: string } | undefined,
    limit: number,
  ): Promise<SuggestionRow[]> {
    return this.reader.query(
      `WITH me AS (SELECT id, manager_id FROM employee WHERE id = $1),
            nearby AS (
              SELECT e.id, e.name, e.title, 'manager' AS reason FROM employee e JOIN me ON e.id = me.manager_id
              UNION ALL
              SELECT e.id, e.name, e.title, 'report' FROM employee e JOIN me ON e.manager_id = me.id
              UNION ALL
              SELECT e.id, e.name, e.title, 'peer' FROM employee e
                JOIN me ON e.manager_id = me.manager_id AND e.id <> me.id
            )
       SELECT n.id, n.name, n.title, n.reason
         FROM nearby n JOIN employee e ON e.id = n.id
        WHERE e.active AND n.id <> $1
          AND NOT EXISTS (
                SELECT 1 FROM connection c
                 WHERE c.status IN ('pending', 'accepted')
                   AND ((c.requester_id = $1 AND c.addressee_id = n.id)
                     OR (c.addressee_id = $1 AND c.requester_id = n.id)))
          AND ($2::text IS NULL OR (n.name, n.id) > ($2::text, $3::uuid))
        ORDER BY n.name, n.id
        LIMIT $4`,
      [employeeId, after?.name ?? null, after?.id ?? null, limit],
    );
  }
}
