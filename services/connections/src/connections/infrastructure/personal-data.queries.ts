import { Injectable } from '@nestjs/common';
import type { ConnectionStatus } from '@vouch/contracts';
import { PooledSqlReader } from '@vouch/persistence';

/** A connection row of an employee's, either side, with the name of the one on the other side. */
export interface OwnConnectionRow {
  id: string;
  requesterId: string;
  addresseeId: string;
  message: string | null;
  status: ConnectionStatus;
  requestedAt: Date;
  acceptedAt: Date | null;
  closedAt: Date | null;
  removedBy: string | null;
  colleagueId: string;
  /** Null when the replica has not heard of them. */
  colleagueName: string | null;
}

/** What the service holds about one employee, for their export: plain SQL on the pool. */
@Injectable()
export class PersonalDataQueries {
  constructor(private readonly reader: PooledSqlReader) {}

  /** Every request the employee sent or received, in any status (a connection is an accepted one), oldest first. */
  connectionsOf(employeeId: string): Promise<OwnConnectionRow[]> {
    return this.reader.query<OwnConnectionRow>(
      `SELECT c.id, c.requester_id AS "requesterId", c.addressee_id AS "addresseeId", c.message, c.status,
              c.requested_at AS "requestedAt", c.accepted_at AS "acceptedAt", c.closed_at AS "closedAt",
              c.removed_by AS "removedBy", other.id AS "colleagueId", e.name AS "colleagueName"
         FROM connection c
        CROSS JOIN LATERAL (
              SELECT CASE WHEN c.requester_id = $1 THEN c.addressee_id ELSE c.requester_id END AS id) other
         LEFT JOIN employee e ON e.id = other.id
        WHERE c.requester_id = $1 OR c.addressee_id = $1
        ORDER BY c.requested_at, c.id`,
      [employeeId],
    );
  }
}
