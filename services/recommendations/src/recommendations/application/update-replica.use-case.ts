import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EmployeeDeactivatedV1, EventCause, EventData } from '@vouch/contracts';
import { EmployeeReplica } from '@vouch/employee-replica';
import { ReplicaRepository } from '../infrastructure/replica.repository';
import { CloseRequestsUseCase } from './close-requests.use-case';

/**
 * Keeps the replica of connections in step with connections' events, in the handler's transaction,
 * and closes the requests that connections' and identity's events make moot.
 */
@Injectable()
export class UpdateReplicaUseCase {
  constructor(
    private readonly replica: ReplicaRepository,
    private readonly employees: EmployeeReplica,
    private readonly closeRequests: CloseRequestsUseCase,
  ) {}

  /**
   * An employee who left has no pending requests either way: they expire. Coming back
   * (EmployeeReactivated, applied by EmployeeReplicaHandlers) makes them active in the replica
   * again; the expired requests stay expired, since both sides were told and may ask again.
   */
  async employeeDeactivated(
    manager: EntityManager,
    deactivation: EventData<typeof EmployeeDeactivatedV1>,
    cause: EventCause,
  ): Promise<void> {
    await this.employees.deactivate(manager, deactivation);
    await this.closeRequests.expireAllOf(manager, deactivation.employeeId, cause);
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
