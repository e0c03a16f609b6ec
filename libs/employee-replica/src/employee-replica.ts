import type { EntityManager } from 'typeorm';
import {
  EmployeeDeactivatedV1,
  EmployeeEmailChangedV1,
  EmployeeErasedV1,
  EmployeeManagerChangedV2,
  EmployeeProfileUpdatedV1,
  EmployeeReactivatedV1,
  EmployeeRegisteredV1,
  type EventData,
} from '@vouch/contracts';
import { PermanentEventError } from '@vouch/messaging';
import { ReplicatedEmployee } from './replicated-employee.entity';

/**
 * identity speaks of an employee it never registered here. One employee's events arrive in order,
 * so no retry can heal it: the event is dead-lettered.
 */
export class UnknownReplicatedEmployeeError extends PermanentEventError {
  constructor(employeeId: string) {
    super(`employee ${employeeId} was never registered here`);
  }
}

/**
 * Applies identity's employee events to a service's replica, in the event handler's transaction.
 * What else an event means to the service (requests to cancel when someone leaves) stays with the
 * service; this keeps the copy itself right, the same way everywhere. An erased employee's row is
 * kept without personal data, and no later event about them changes it: a replayed registration
 * or profile change cannot bring their data back.
 */
export class EmployeeReplica {
  /** A second registration of the same id (a replay) leaves the newer state alone. */
  async register(manager: EntityManager, data: EventData<typeof EmployeeRegisteredV1>): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(ReplicatedEmployee)
      .values({
        id: data.employeeId,
        email: data.email,
        name: data.name,
        title: data.title,
        managerId: data.managerId,
        managerSource: data.managerSource ?? null,
        timeZone: data.timeZone,
        language: data.language ?? null,
        active: true,
      })
      .orIgnore()
      .execute();
  }

  async updateProfile(
    manager: EntityManager,
    data: EventData<typeof EmployeeProfileUpdatedV1>,
  ): Promise<void> {
    await this.update(manager, data.employeeId, {
      name: data.name,
      title: data.title,
      timeZone: data.timeZone,
      // Events from before identity published it carry no language: what the replica knew stays.
      ...(data.language === undefined ? {} : { language: data.language }),
    });
  }

  async changeManager(
    manager: EntityManager,
    data: EventData<typeof EmployeeManagerChangedV2>,
  ): Promise<void> {
    await this.update(manager, data.employeeId, {
      managerId: data.managerId,
      managerSource: data.managerSource,
    });
  }

  async deactivate(manager: EntityManager, data: EventData<typeof EmployeeDeactivatedV1>): Promise<void> {
    await this.update(manager, data.employeeId, { active: false });
  }

  async reactivate(manager: EntityManager, data: EventData<typeof EmployeeReactivatedV1>): Promise<void> {
    await this.update(manager, data.employeeId, { active: true });
  }

  async changeEmail(manager: EntityManager, data: EventData<typeof EmployeeEmailChangedV1>): Promise<void> {
    await this.update(manager, data.employeeId, { email: data.email });
  }

  /**
   * Empties the employee's row of everything personal and marks it erased: inactive, so their
   * tokens are refused and nobody can ask them anything. An id never registered here gets the
   * marker too, so that its registration, should it arrive late, is ignored.
   */
  async erase(manager: EntityManager, data: EventData<typeof EmployeeErasedV1>): Promise<void> {
    await manager.query(
      `INSERT INTO employee (id, email, name, title, manager_id, manager_source, time_zone, language, active, erased_at)
       VALUES ($1, '', '', NULL, NULL, NULL, NULL, NULL, false, $2)
       ON CONFLICT (id) DO UPDATE
         SET email = '', name = '', title = NULL, manager_id = NULL, manager_source = NULL,
             time_zone = NULL, language = NULL, active = false, erased_at = COALESCE(employee.erased_at, EXCLUDED.erased_at)`,
      [data.employeeId, data.erasedAt],
    );
  }

  private async update(
    manager: EntityManager,
    employeeId: string,
    changes: Partial<Omit<ReplicatedEmployee, 'id'>>,
  ): Promise<void> {
    const result = await manager
      .createQueryBuilder()
      .update(ReplicatedEmployee)
      .set(changes)
      .where('id = :employeeId AND erased_at IS NULL', { employeeId })
      .execute();
    if ((result.affected ?? 0) > 0) return;
    const known: unknown[] = await manager.query(`SELECT 1 FROM employee WHERE id = $1`, [employeeId]);
    // An event about an erased employee, older than their erasure or replayed, changes nothing.
    if (known.length === 0) throw new UnknownReplicatedEmployeeError(employeeId);
  }
}
