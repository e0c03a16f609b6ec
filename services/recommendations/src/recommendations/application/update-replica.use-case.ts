import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventCause } from '@vouch/contracts';
import { ReplicaRepository } from '../infrastructure/replica.repository';
import { CloseRequestsUseCase } from './close-requests.use-case';

/**
 * Keeps the replica of employees and connections in step with identity's and connections' events,
 * in the handler's transaction, and closes the requests those events make moot.
 */
@Injectable()
export class UpdateReplicaUseCase {
  constructor(
    private readonly replica: ReplicaRepository,
    private readonly closeRequests: CloseRequestsUseCase,
  ) {}

  async employeeRegistered(
    manager: EntityManager,
    employee: { id: string; name: string; title: string | null; managerId: string | null },
  ): Promise<void> {
    await this.replica.registerEmployee(manager, employee);
  }

  async profileUpdated(
    manager: EntityManager,
    employee: { id: string; name: string; title: string | null },
  ): Promise<void> {
    await this.replica.updateProfile(manager, employee);
  }

  /** False when the employee is unknown: their registration always comes first. */
  async managerChanged(
    manager: EntityManager,
    employeeId: string,
    managerId: string | null,
  ): Promise<boolean> {
    return this.replica.changeManager(manager, employeeId, managerId);
  }

  /** An employee who left has no pending requests either way: they expire. */
  async employeeDeactivated(manager: EntityManager, employeeId: string, cause: EventCause): Promise<boolean> {
    if (!(await this.replica.deactivate(manager, employeeId))) return false;
    await this.closeRequests.expireAllOf(manager, employeeId, cause);
    return true;
  }

  async connectionAccepted(
    manager: EntityManager,
    connection: { connectionId: string; a: string; b: string; since: Date },
  ): Promise<void> {
    await this.replica.connectionAccepted(manager, connection);
  }

  /**
   * Pending requests between the two are withdrawn, unless they are still connected through
   * another connection; recommendations already written stay as they are.
   */
  async connectionRemoved(
    manager: EntityManager,
    connection: { connectionId: string; a: string; b: string; removedAt: Date },
    cause: EventCause,
  ): Promise<void> {
    await this.replica.connectionRemoved(manager, connection);
    if (await this.replica.areConnected(manager, connection.a, connection.b)) return;
    await this.closeRequests.withdrawBetween(manager, connection.a, connection.b, cause);
  }
}
