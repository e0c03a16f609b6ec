import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SqlReader } from '@vouch/persistence';
import type { SuggestionReason } from '@vouch/contracts';
import { ReplicatedEmployee } from '@vouch/employee-replica';

export interface SuggestionRow {
  id: string;
  name: string;
  title: string | null;
  reason: SuggestionReason;
}

/** Reads of the employee replica. Every method takes the transaction it runs in. */
@Injectable()
export class EmployeeRepository {
  find(manager: EntityManager, id: string): Promise<ReplicatedEmployee | null> {
    return manager.findOneBy(ReplicatedEmployee, { id });
  }

  /**
   * The employee, share-locked until the transaction ends: a deactivation waits for a request being
   * made to them, then cancels it, rather than missing it.
   */
  findShared(manager: EntityManager, id: string): Promise<ReplicatedEmployee | null> {
    return manager.findOne(ReplicatedEmployee, { where: { id }, lock: { mode: 'pessimistic_read' } });
  }

  /**
   * Active colleagues next to an employee in the org chart (manager, reports, same manager) with no
   * open connection or request with them, by name.
   */
  suggestionsFor(
    reader: SqlReader,
    employeeId: string,
    after: { name: string; id: string } | undefined,
    limit: number,
  ): Promise<SuggestionRow[]> {
    return reader.query(
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
