import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { UnitOfWork } from '@vouch/messaging';
import { IdempotencyKeyStore } from '@vouch/platform';
import { Connection, OPEN_STATUSES } from '../domain/connection';
import { ConnectionRecord } from './connection.entity';

const toDomain = (record: ConnectionRecord): Connection => Connection.restore({ ...record });

/** Connections and requests in the unit of work's transaction, saved with the events they recorded. */
@Injectable()
export class ConnectionRepository {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly idempotencyKeys: IdempotencyKeyStore,
  ) {}

  /**
   * Serialises everything that changes the connection between two employees until the transaction
   * ends, so two simultaneous requests between them cannot both create one.
   */
  async lockPair(a: string, b: string): Promise<void> {
    const key = [a, b].sort().join(':');
    await this.unitOfWork
      .transaction()
      .query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`connection:${key}`]);
  }

  async findOpenBetween(a: string, b: string): Promise<Connection | null> {
    const record = await this.unitOfWork.transaction().findOne(ConnectionRecord, {
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
  async findForChange(id: string): Promise<Connection | null> {
    const manager = this.unitOfWork.transaction();
    const unlocked = await manager.findOneBy(ConnectionRecord, { id });
    if (!unlocked) return null;
    await this.lockPair(unlocked.requesterId, unlocked.addresseeId);
    const record = await manager.findOne(ConnectionRecord, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    return record ? toDomain(record) : null;
  }

  /** Pending requests the employee made or was asked, locked for the transaction. */
  async pendingInvolving(employeeId: string): Promise<Connection[]> {
    const records = await this.unitOfWork.transaction().find(ConnectionRecord, {
      where: [
        { requesterId: employeeId, status: 'pending' },
        { addresseeId: employeeId, status: 'pending' },
      ],
      lock: { mode: 'pessimistic_write' },
    });
    return records.map(toDomain);
  }

  async save(connection: Connection): Promise<void> {
    await this.unitOfWork.save(connection, (manager) =>
      manager.save(ConnectionRecord, manager.create(ConnectionRecord, { ...connection.snapshot() })),
    );
  }

  /**
   * Deletes every connection and request the employee was part of, and the answers kept for their
   * `Idempotency-Key`s (they hold the messages they wrote).
   */
  async eraseEmployee(employeeId: string): Promise<void> {
    const manager = this.unitOfWork.transaction();
    await manager.delete(ConnectionRecord, [{ requesterId: employeeId }, { addresseeId: employeeId }]);
    await this.idempotencyKeys.forgetEmployee(manager, employeeId);
  }
}
