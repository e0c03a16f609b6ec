import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { SqlReader } from '@vouch/persistence';
import { Connection, OPEN_STATUSES } from '../domain/connection';
import { ConnectionRecord } from './connection.entity';

/** A row of a list: the connection and the employee on the other side of it. */
export interface ConnectionWithCounterpart {
  connection: Connection;
  counterpart: { id: string; name: string; title: string | null };
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

/** Where a page starts: after the row with this time and id, newest first. */
export interface PagePosition {
  at: string;
  id: string;
}

const toDomain = (record: ConnectionRecord): Connection => Connection.restore({ ...record });

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

/** Connections and requests. Every method takes the transaction (or manager) it runs in. */
@Injectable()
export class ConnectionRepository {
  /**
   * Serialises everything that changes the connection between two employees until the transaction
   * ends, so two simultaneous requests between them cannot both create one.
   */
  async lockPair(manager: EntityManager, a: string, b: string): Promise<void> {
    const key = [a, b].sort().join(':');
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`connection:${key}`]);
  }

  async findOpenBetween(manager: EntityManager, a: string, b: string): Promise<Connection | null> {
    const record = await manager.findOne(ConnectionRecord, {
      where: [
        { requesterId: a, addresseeId: b, status: In([...OPEN_STATUSES]) },
        { requesterId: b, addresseeId: a, status: In([...OPEN_STATUSES]) },
      ],
    });
    return record ? toDomain(record) : null;
  }

  /**
   * A connection about to change, locked (its pair and its row) until the transaction ends, so
   * concurrent answers, withdrawals and cancellations apply one after the other.
   */
  async findForChange(manager: EntityManager, id: string): Promise<Connection | null> {
    const unlocked = await manager.findOneBy(ConnectionRecord, { id });
    if (!unlocked) return null;
    await this.lockPair(manager, unlocked.requesterId, unlocked.addresseeId);
    const record = await manager.findOne(ConnectionRecord, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    return record ? toDomain(record) : null;
  }

  async pendingInvolving(manager: EntityManager, employeeId: string): Promise<Connection[]> {
    const records = await manager.find(ConnectionRecord, {
      where: [
        { requesterId: employeeId, status: 'pending' },
        { addresseeId: employeeId, status: 'pending' },
      ],
      lock: { mode: 'pessimistic_write' },
    });
    return records.map(toDomain);
  }

  async save(manager: EntityManager, connection: Connection): Promise<void> {
    await manager.save(ConnectionRecord, manager.create(ConnectionRecord, { ...connection.snapshot() }));
  }

  /** Pending requests to (incoming) or from (outgoing) an employee, from active colleagues, newest first. */
  async pending(
    reader: SqlReader,
    employeeId: string,
    direction: 'incoming' | 'outgoing',
    after: PagePosition | undefined,
    limit: number,
  ): Promise<ConnectionWithCounterpart[]> {
    const [mine, theirs] =
      direction === 'incoming' ? ['addressee_id', 'requester_id'] : ['requester_id', 'addressee_id'];
    const rows = await reader.query<ListRow>(
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
    reader: SqlReader,
    employeeId: string,
    after: PagePosition | undefined,
    limit: number,
  ): Promise<ConnectionWithCounterpart[]> {
    const rows = await reader.query<ListRow>(
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
}
