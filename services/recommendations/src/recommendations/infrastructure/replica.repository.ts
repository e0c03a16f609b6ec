import { Injectable } from '@nestjs/common';
import type { EmployeeDeactivatedV1, EventData } from '@vouch/contracts';
import {
  EmployeeReplica,
  ReplicatedEmployeeRepository,
  type EmployeeErasure,
  REPLICATED_EMPLOYEE_COLUMNS as EMPLOYEE_COLUMNS,
  ReplicatedEmployee,
  replicatedEmployeeOf,
} from '@vouch/employee-replica';
import { UnitOfWork } from '@vouch/messaging';
import { IdempotencyKeyStore } from '@vouch/platform';
import { ConnectionEntity, connectionPair } from './connection.entity';
import { recommendationPairLock } from './recommendation-pair-lock';

/** A connection between two employees as the replica keeps it: since when, either way round. */
export interface AcceptedConnection {
  connectionId: string;
  a: string;
  b: string;
  since: Date;
}

/** The replica of employees and connections in the unit of work's transaction; written only by the event handlers. */
@Injectable()
export class ReplicaRepository {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly employees: EmployeeReplica,
    private readonly replicatedEmployees: ReplicatedEmployeeRepository,
    private readonly idempotencyKeys: IdempotencyKeyStore,
  ) {}

  async findEmployee(id: string): Promise<ReplicatedEmployee | null> {
    const [row]: ReplicatedEmployee[] = await this.unitOfWork
      .transaction()
      .query(`SELECT ${EMPLOYEE_COLUMNS} FROM employee WHERE id = $1`, [id]);
    return row ?? null;
  }

  /** Reads the two employees and locks their rows, so that counts about them stay true until commit. */
  async lockPair(a: string, b: string): Promise<{ [id: string]: ReplicatedEmployee | undefined }> {
    const rows: ReplicatedEmployee[] = await this.unitOfWork
      .transaction()
      .query(`SELECT ${EMPLOYEE_COLUMNS} FROM employee WHERE id IN ($1, $2) ORDER BY id FOR UPDATE`, [a, b]);
    return Object.fromEntries(rows.map((row) => [row.id, row]));
  }

  /**
   * Reads the two employees for a recommendation between them. Their rows are share-locked (their
   * deactivation, or a request between them, waits for the write and the other way round) and the
   * pair itself is locked: two recommendations between the same two people go one after the other,
   * while those of other pairs, sharing one of them, do not wait.
   */
  async lockPairForRecommendation(
    a: string,
    b: string,
  ): Promise<{ [id: string]: ReplicatedEmployee | undefined }> {
    const rows: ReplicatedEmployee[] = await this.unitOfWork.transaction().query(
      `SELECT ${EMPLOYEE_COLUMNS}, ${recommendationPairLock('$1::uuid', '$2::uuid')}
         FROM employee WHERE id IN ($1::uuid, $2::uuid) ORDER BY id FOR SHARE`,
      [a, b],
    );
    return Object.fromEntries(rows.map((row) => [row.id, replicatedEmployeeOf(row)]));
  }

  async areConnected(a: string, b: string): Promise<boolean> {
    const count = await this.unitOfWork
      .transaction()
      .createQueryBuilder(ConnectionEntity, 'connection')
      .where('connection.firstId = :firstId AND connection.secondId = :secondId', connectionPair(a, b))
      .andWhere('connection.removedAt IS NULL')
      .getCount();
    return count > 0;
  }

  async deactivate(deactivation: EventData<typeof EmployeeDeactivatedV1>): Promise<void> {
    await this.employees.deactivate(this.unitOfWork.transaction(), deactivation);
  }

  async connectionAccepted(connection: AcceptedConnection): Promise<void> {
    const { firstId, secondId } = connectionPair(connection.a, connection.b);
    await this.unitOfWork.transaction().query(
      `INSERT INTO connection (connection_id, first_id, second_id, since) VALUES ($1, $2, $3, $4)
       ON CONFLICT (connection_id) DO UPDATE SET since = EXCLUDED.since`,
      [connection.connectionId, firstId, secondId, connection.since],
    );
  }

  async connectionRemoved(connection: {
    connectionId: string;
    a: string;
    b: string;
    removedAt: Date;
  }): Promise<void> {
    const { firstId, secondId } = connectionPair(connection.a, connection.b);
    await this.unitOfWork.transaction().query(
      `INSERT INTO connection (connection_id, first_id, second_id, removed_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (connection_id) DO UPDATE SET removed_at = EXCLUDED.removed_at`,
      [connection.connectionId, firstId, secondId, connection.removedAt],
    );
  }

  /**
   * Forgets the erased employee's connections and the answers kept for their `Idempotency-Key`s,
   * and empties their replica row, with the erasure's report.
   */
  async erase(erasure: EmployeeErasure): Promise<void> {
    const manager = this.unitOfWork.transaction();
    await manager.query(`DELETE FROM connection WHERE first_id = $1 OR second_id = $1`, [erasure.employeeId]);
    await this.idempotencyKeys.forgetEmployee(manager, erasure.employeeId);
    await this.replicatedEmployees.erase(erasure);
  }
}
