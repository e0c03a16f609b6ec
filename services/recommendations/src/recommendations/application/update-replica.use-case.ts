import { Injectable } from '@nestjs/common';
import type { EmployeeDeactivatedV1, EventCause, EventData } from '@vouch/contracts';
import { UnitOfWork } from '@vouch/messaging';
import { ReplicaRepository, type AcceptedConnection } from '../infrastructure/replica.repository';
import { CloseRequestsUseCase } from './close-requests.use-case';

/**
 * Keeps the replica of connections in step with connections' events, in the handler's transaction
 * (which the handler makes the unit of work's), and closes the requests that connections' and
 * identity's events make moot.
 */
@Injectable()
export class UpdateReplicaUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly replica: ReplicaRepository,
    private readonly closeRequests: CloseRequestsUseCase,
  ) {}

  /**
   * An employee who left has no pending requests either way: they expire. Coming back
   * (EmployeeReactivated, applied by EmployeeReplicaHandlers) makes them active in the replica
   * again; the expired requests stay expired, since both sides were told and may ask again.
   */
  async employeeDeactivated(
    deactivation: EventData<typeof EmployeeDeactivatedV1>,
    cause: EventCause,
  ): Promise<void> {
    await this.unitOfWork.run(async () => {
      await this.replica.deactivate(deactivation);
      await this.closeRequests.expireAllOf(deactivation.employeeId, cause);
    });
  }

  async connectionAccepted(connection: AcceptedConnection): Promise<void> {
    await this.unitOfWork.run(() => this.replica.connectionAccepted(connection));
  }

  /**
   * Pending requests between the two are withdrawn, unless they are still connected through
   * another connection; recommendations already written stay as they are.
   */
  async connectionRemoved(
    connection: { connectionId: string; a: string; b: string; removedAt: Date },
    cause: EventCause,
  ): Promise<void> {
    await this.unitOfWork.run(async () => {
      await this.replica.connectionRemoved(connection);
      if (await this.replica.areConnected(connection.a, connection.b)) return;
      await this.closeRequests.withdrawBetween(connection.a, connection.b, cause);
    });
  }
}
