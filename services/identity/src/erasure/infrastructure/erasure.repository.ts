import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { UnitOfWork } from '@vouch/messaging';
import { Erasure, type ErasureState } from '../domain/erasure';

interface ErasureRow {
  id: string;
  employee_id: string;
  requested_at: Date;
  requested_by: string;
  reason: string;
  identity_completed_at: Date;
  connections_completed_at: Date | null;
  recommendations_completed_at: Date | null;
  notifications_completed_at: Date | null;
  completed_at: Date | null;
}

function toState(row: ErasureRow): ErasureState {
  return {
    id: row.id,
    employeeId: row.employee_id,
    requestedAt: row.requested_at,
    requestedBy: row.requested_by,
    reason: row.reason,
    parts: {
      identity: row.identity_completed_at,
      connections: row.connections_completed_at,
      recommendations: row.recommendations_completed_at,
      notifications: row.notifications_completed_at,
    },
    completedAt: row.completed_at,
  };
}

const COLUMNS = `id, employee_id, requested_at, requested_by, reason, identity_completed_at,
  connections_completed_at, recommendations_completed_at, notifications_completed_at, completed_at`;

/** Erasures and their progress, saved with the events they recorded in the unit of work's transaction. */
@Injectable()
export class ErasureRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async add(erasure: Erasure): Promise<void> {
    const state = erasure.snapshot();
    await this.unitOfWork.save(erasure, (manager) =>
      manager.query(`INSERT INTO erasure (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, [
        state.id,
        state.employeeId,
        state.requestedAt,
        state.requestedBy,
        state.reason,
        state.parts.identity,
        state.parts.connections,
        state.parts.recommendations,
        state.parts.notifications,
        state.completedAt,
      ]),
    );
  }

  /** Saves the progress of an erasure. */
  async save(erasure: Erasure): Promise<void> {
    const state = erasure.snapshot();
    await this.unitOfWork.save(erasure, (manager) =>
      manager.query(
        `UPDATE erasure SET connections_completed_at = $2, recommendations_completed_at = $3,
                notifications_completed_at = $4, completed_at = $5
          WHERE id = $1`,
        [
          state.id,
          state.parts.connections,
          state.parts.recommendations,
          state.parts.notifications,
          state.completedAt,
        ],
      ),
    );
  }

  /** For update: the row stays locked until the transaction ends (two reports at once do not lose one). */
  async lockById(id: string): Promise<Erasure | undefined> {
    return this.one(
      this.unitOfWork.transaction(),
      `SELECT ${COLUMNS} FROM erasure WHERE id = $1 FOR UPDATE`,
      [id],
    );
  }

  findById(id: string): Promise<Erasure | undefined> {
    return this.one(this.dataSource.manager, `SELECT ${COLUMNS} FROM erasure WHERE id = $1`, [id]);
  }

  /** Newest first, after the cursor (the request time and id of the last erasure seen). */
  async list(limit: number, after: { requestedAt: Date; id: string } | undefined): Promise<Erasure[]> {
    const rows: ErasureRow[] = after
      ? await this.dataSource.query(
          `SELECT ${COLUMNS} FROM erasure WHERE (requested_at, id) < ($2, $3)
            ORDER BY requested_at DESC, id DESC LIMIT $1`,
          [limit, after.requestedAt, after.id],
        )
      : await this.dataSource.query(
          `SELECT ${COLUMNS} FROM erasure ORDER BY requested_at DESC, id DESC LIMIT $1`,
          [limit],
        );
    return rows.map((row) => Erasure.restore(toState(row)));
  }

  private async one(manager: EntityManager, sql: string, params: unknown[]): Promise<Erasure | undefined> {
    const [row]: ErasureRow[] = await manager.query(sql, params);
    return row ? Erasure.restore(toState(row)) : undefined;
  }
}
