import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { UnitOfWork } from '@vouch/messaging';
import type { EmployeeState } from '../../employees/domain/employee';
import type { GrantableRole } from '../../employees/domain/roles';
import {
  SELF_SERVICE,
  actorFromRow,
  actorIdOf,
  changeOf,
  redactedFields,
  roleChangeAction,
  type Actor,
  type ActorType,
  type AuditAction,
  type AuditedFields,
  type AuditEntry,
  type ChangedBy,
} from '../domain/audit-entry';
import { AuditEntryEntity } from './audit-entry.entity';

export interface AuditLogFilter {
  employeeId?: string;
  actorType?: ActorType;
  action?: AuditAction;
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  to?: Date;
}

function toDomain(row: AuditEntryEntity): AuditEntry {
  return {
    id: row.id,
    occurredAt: row.occurredAt,
    actor: actorFromRow(row.actorType, row.actorId, `audit entry ${row.id}`),
    action: row.action,
    employeeId: row.employeeId,
    before: row.before,
    after: row.after,
  };
}

const PURGE_BATCH = 10_000;

/**
 * The audit log of changes to people. Append-only: entries are recorded in the transaction of the
 * change they describe, and never updated; only the retention purge deletes them.
 */
@Injectable()
export class AuditLog {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /**
   * Records that an employee joined or left a role's group (SCIM_ADMIN_GROUP, SCIM_HR_GROUP), in the
   * transaction of the group change: the role itself follows at their next sign-in. `before` and
   * `after` are `{adminGroup}` or `{hrGroup}`: the group's name, or null.
   */
  async recordGroupRole(
    actor: Actor,
    change: { role: GrantableRole; employeeId: string; granted: boolean; group: string; at: Date },
  ): Promise<void> {
    const key = `${change.role}Group`;
    await this.insert(this.unitOfWork.transaction(), actor, {
      action: roleChangeAction(change.role, change.granted),
      at: change.at,
      employeeId: change.employeeId,
      before: { [key]: change.granted ? null : change.group },
      after: { [key]: change.granted ? change.group : null },
    });
  }

  /**
   * Records that an admin gave an employee a role, or took it back, in the transaction of the
   * change: the role itself follows at their next sign-in or refresh. `before` and `after` are
   * `{adminGrant}` or `{hrGrant}`.
   */
  async recordRoleGrant(
    actor: Actor,
    change: { role: GrantableRole; employeeId: string; granted: boolean; at: Date },
  ): Promise<void> {
    const key = `${change.role}Grant`;
    await this.insert(this.unitOfWork.transaction(), actor, {
      action: roleChangeAction(change.role, change.granted),
      at: change.at,
      employeeId: change.employeeId,
      before: { [key]: !change.granted },
      after: { [key]: change.granted },
    });
  }

  /**
   * Records a change of an employee in the unit of work's transaction, the one that makes the change,
   * so neither exists without the other. `before` undefined: the employee was created. Changes by
   * the employee themself are not recorded.
   */
  async record(
    changedBy: ChangedBy,
    change: {
      action: AuditAction;
      at: Date;
      before: Readonly<EmployeeState> | undefined;
      after: Readonly<EmployeeState>;
    },
  ): Promise<void> {
    if (changedBy === SELF_SERVICE) return;
    const { before, after } = changeOf(change.before, change.after);
    await this.insert(this.unitOfWork.transaction(), changedBy, {
      action: change.action,
      at: change.at,
      employeeId: change.after.id,
      before,
      after,
    });
  }

  /** Records an erasure: who, when, and the request it answers; no personal value. */
  async recordErasure(
    actor: Actor,
    erasure: { employeeId: string; erasureId: string; reason: string; at: Date },
  ): Promise<void> {
    await this.insert(this.unitOfWork.transaction(), actor, {
      action: 'employee.erased',
      at: erasure.at,
      employeeId: erasure.employeeId,
      before: {},
      after: { erasureId: erasure.erasureId, reason: erasure.reason },
    });
  }

  /**
   * Records that HR or an admin took down a recommendation about the employee (from
   * recommendations' RecommendationTakenDown), at the time they did: which one, its author, and
   * their reason as written.
   */
  async recordTakedown(
    actor: Actor,
    takedown: { subjectId: string; recommendationId: string; authorId: string; reason: string; at: Date },
  ): Promise<void> {
    await this.insert(this.unitOfWork.transaction(), actor, {
      action: 'recommendation.taken_down',
      at: takedown.at,
      employeeId: takedown.subjectId,
      before: {},
      after: {
        recommendationId: takedown.recommendationId,
        authorId: takedown.authorId,
        reason: takedown.reason,
      },
    });
  }

  /**
   * Redacts the personal values of every entry about an employee (redactedFields), and of the
   * takedowns of the recommendations they wrote (whose reason may name them), in the erasure's
   * transaction: the one UPDATE the log lets through, declared for this transaction only.
   */
  async redactEntriesAbout(employeeId: string): Promise<void> {
    const manager = this.unitOfWork.transaction();
    const entries: Array<{ id: string; before: AuditedFields; after: AuditedFields }> = await manager.query(
      `SELECT id, before, after FROM audit_entry
        WHERE employee_id = $1
           OR (action = 'recommendation.taken_down' AND after ->> 'authorId' = $1::text)
          FOR UPDATE`,
      [employeeId],
    );
    if (entries.length === 0) return;
    const redacted = entries.map(({ id, before, after }) => ({
      id,
      before: redactedFields(before),
      after: redactedFields(after),
    }));
    await manager.query(`SELECT set_config('vouch.audit_redaction', 'on', true)`);
    await manager.query(
      `UPDATE audit_entry a SET before = r.before, after = r.after
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, before jsonb, after jsonb)
        WHERE a.id = r.id`,
      [JSON.stringify(redacted)],
    );
    await manager.query(`SELECT set_config('vouch.audit_redaction', 'off', true)`);
  }

  private async insert(
    manager: EntityManager,
    actor: Actor,
    entry: { action: AuditAction; at: Date; employeeId: string; before: AuditedFields; after: AuditedFields },
  ): Promise<void> {
    // In SQL: TypeORM's typed insert does not take open JSON objects for the jsonb columns.
    await manager.query(
      `INSERT INTO audit_entry (id, occurred_at, actor_type, actor_id, action, employee_id, before, after)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        randomUUID(),
        entry.at,
        actor.type,
        actorIdOf(actor),
        entry.action,
        entry.employeeId,
        JSON.stringify(entry.before),
        JSON.stringify(entry.after),
      ],
    );
  }

  /** Newest first, after the cursor (the occurrence time and id of the last entry seen). */
  async list(
    filter: AuditLogFilter,
    limit: number,
    after: { occurredAt: Date; id: string } | undefined,
  ): Promise<AuditEntry[]> {
    const query = this.dataSource.manager
      .createQueryBuilder(AuditEntryEntity, 'a')
      .orderBy('a.occurred_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(limit);
    if (filter.employeeId) query.andWhere('a.employee_id = :employeeId', { employeeId: filter.employeeId });
    if (filter.actorType) query.andWhere('a.actor_type = :actorType', { actorType: filter.actorType });
    if (filter.action) query.andWhere('a.action = :action', { action: filter.action });
    if (filter.from) query.andWhere('a.occurred_at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('a.occurred_at < :to', { to: filter.to });
    if (after) query.andWhere('(a.occurred_at, a.id) < (:key, :id)', { key: after.occurredAt, id: after.id });
    return (await query.getMany()).map(toDomain);
  }

  /**
   * Deletes entries that occurred before `before`, in batches so no transaction grows large;
   * instances purging at once skip each other's rows. Returns how many.
   */
  async purgeBefore(before: Date): Promise<number> {
    let purged = 0;
    for (;;) {
      const [, count]: [unknown, number] = await this.dataSource.query(
        `DELETE FROM audit_entry WHERE id IN (
           SELECT id FROM audit_entry WHERE occurred_at < $1 LIMIT $2 FOR UPDATE SKIP LOCKED)`,
        [before, PURGE_BATCH],
      );
      purged += count;
      if (count < PURGE_BATCH) return purged;
    }
  }
}
