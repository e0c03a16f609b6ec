import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ConnectionRequestCancelledV1,
  type EmployeeDeactivatedV1,
  type EventCause,
  type EventData,
} from '@vouch/contracts';
import { EmployeeReplica } from '@vouch/employee-replica';
import { Outbox } from '@vouch/messaging';
import { ConnectionRepository } from '../infrastructure/connection.repository';

/**
 * An employee left: nobody can ask them any more, and their pending requests, sent and received,
 * are cancelled, each with an event. Their connections stay, hidden from lists and suggestions.
 * Should they come back (EmployeeReactivated, applied by EmployeeReplicaHandlers), their
 * connections show again and they can be asked anew; the cancelled requests stay cancelled, since
 * both sides were told and may ask again.
 */
@Injectable()
export class DeactivateEmployee {
  constructor(
    private readonly employees: EmployeeReplica,
    private readonly outbox: Outbox,
    private readonly connections: ConnectionRepository,
  ) {}

  async execute(
    manager: EntityManager,
    deactivation: EventData<typeof EmployeeDeactivatedV1>,
    cause: EventCause,
  ): Promise<void> {
    await this.employees.deactivate(manager, deactivation);
    for (const request of await this.connections.pendingInvolving(manager, deactivation.employeeId)) {
      request.cancel(new Date(deactivation.deactivatedAt));
      await this.connections.save(manager, request);
      const { requesterId, addresseeId } = request.snapshot();
      await this.outbox.add(manager, ConnectionRequestCancelledV1, {
        subject: request.id,
        data: {
          connectionId: request.id,
          requesterId,
          addresseeId,
          status: 'cancelled',
          reason: 'employee_deactivated',
          deactivatedEmployeeId: deactivation.employeeId,
          cancelledAt: deactivation.deactivatedAt,
        },
        cause,
      });
    }
  }
}
