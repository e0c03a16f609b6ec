import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SqlReader } from '@vouch/persistence';
import { ConnectionEntity, connectionPair } from './connection.entity';
import {
  REPLICATED_EMPLOYEE_COLUMNS as EMPLOYEE_COLUMNS,
  ReplicatedEmployee,
  replicatedEmployeeOf,
} from '@vouch/employee-replica';

/** The replica of employees and connections, written only by the event handlers. */
@Injectable()
export class ReplicaRepository {
  // Plain SQL for the reads on a profile's and the balance's path, as in RecommendationRepository.

  async findEmployee(reader: SqlReader, id: string): Promise<ReplicatedEmployee | null> {
    const [row] = await reader.query<ReplicatedEmployee>(
      `SELECT ${EMPLOYEE_COLUMNS} FROM employee WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  async findEmployees(reader: SqlReader, ids: string[]): Promise<ReplicatedEmployee[]> {
    if (ids.length === 0) return [];
    return reader.query(`SELECT ${EMPLOYEE_COLUMNS} FROM employee WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** Reads the two employees and locks their rows, so that counts about them stay true until commit. */
  async lockPair(
    manager: EntityManager,
    a: string,
    b: string,
  ): Promise<{ [id: string]: ReplicatedEmployee | undefined }> {
    const rows: ReplicatedEmployee[] = await manager.query(
      `SELECT ${EMPLOYEE_COLUMNS} FROM employee WHERE id IN ($1, $2) ORDER BY id FOR UPDATE`,
      [a, b],
    );
    return Object.fromEntries(rows.map((row) => [row.id, row]));
  }

  /**
   * Reads the two employees for a recommendation between them. Their rows are share-locked (their
   * deactivation, or a request between them, waits for the write and the other way round) and the
   * pair itself is locked: two recommendations between the same two people go one after the other,
   * while those of other pairs, sharing one of them, do not wait.
   */
  async lockPairForRecommendation(
    manager: EntityManager,
    a: string,
    b: string,
  ): Promise<{ [id: string]: ReplicatedEmployee | undefined }> {
    const { firstId, secondId } = connectionPair(a, b);
    const rows: ReplicatedEmployee[] = await manager.query(
      `SELECT ${EMPLOYEE_COLUMNS}, pg_advisory_xact_lock(hashtext('recommendation-pair:' || $1::text || $2::text))
         FROM employee WHERE id IN ($1::uuid, $2::uuid) ORDER BY id FOR SHARE`,
      [firstId, secondId],
    );
    return Object.fromEntries(rows.map((row) => [row.id, replicatedEmployeeOf(row)]));
  }

  async areConnected(manager: EntityManager, a: string, b: string): Promise<boolean> {
    const count = await manager
      .createQueryBuilder(ConnectionEntity, 'connection')
      .where('connection.firstId = :firstId AND connection.secondId = :secondId', connectionPair(a, b))
      .andWhere('connection.removedAt IS NULL')
      .getCount();
    return count > 0;
  }

  /** The employee's current connections who are active, with their place in the org chart. */
  async activeConnectionsOf(reader: SqlReader, employeeId: string): Promise<ReplicatedEmployee[]> {
    return reader.query(
      `SELECT ${EMPLOYEE_COLUMNS} FROM employee
        WHERE active AND id IN (
          SELECT CASE WHEN c.first_id = $1 THEN c.second_id ELSE c.first_id END
            FROM connection c
           WHERE (c.first_id = $1 OR c.second_id = $1) AND c.removed_at IS NULL)
        ORDER BY id`,
      [employeeId],
    );
  }

  async activeEmployees(manager: EntityManager): Promise<ReplicatedEmployee[]> {
    return manager.find(ReplicatedEmployee, { where: { active: true }, order: { name: 'ASC', id: 'ASC' } });
  }

  async connectionAccepted(
    manager: EntityManager,
    connection: { connectionId: string; a: string; b: string; since: Date },
  ): Promise<void> {
    const { firstId, secondId } = connectionPair(connection.a, connection.b);
    await manager.query(
      `INSERT INTO connection (connection_id, first_id, second_id, since) VALUES ($1, $2, $3, $4)
       ON CONFLICT (connection_id) DO UPDATE SET since = EXCLUDED.since`,
      [connection.connectionId, firstId, secondId, connection.since],
    );
  }

  async connectionRemoved(
    manager: EntityManager,
    connection: { connectionId: string; a: string; b: string; removedAt: Date },
  ): Promise<void> {
    const { firstId, secondId } = connectionPair(connection.a, connection.b);
    await manager.query(
      `INSERT INTO connection (connection_id, first_id, second_id, removed_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (connection_id) DO UPDATE SET removed_at = EXCLUDED.removed_at`,
      [connection.connectionId, firstId, secondId, connection.removedAt],
    );
  }
}
