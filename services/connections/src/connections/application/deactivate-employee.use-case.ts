import { Injectable } from '@nestjs/common';
import { ReplicatedEmployeeRepository } from '@vouch/employee-replica';
import type { EmployeeDeactivatedV1, EventCause, EventData } from '@vouch/contracts';
import { UnitOfWork } from '@vouch/messaging';
import { ConnectionRepository } from '../infrastructure/connection.repository';

/**
 * An employee left: nobody can ask them any more, and their pending requests, sent and received,
 * are cancelled, each with an event. Their connections stay, hidden from lists and suggestions.
 * Should they come back (EmployeeReactivated, applied by EmployeeReplicaHandlers), their
 * connections show again and they can be asked anew; the cancelled requests stay cancelled, since
 * both sides were told and may ask again. Runs in the handler's transaction, which the handler
 * makes the unit of work's.
 */
@Injectable()
export class DeactivateEmployee {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly employees: ReplicatedEmployeeRepository,
    private readonly connections: ConnectionRepository,
  ) {}

  async execute(deactivation: EventData<typeof EmployeeDeactivatedV1>, cause: EventCause): Promise<void> {
    await this.unitOfWork.run(async () => {
      await this.employees.deactivate(deactivation);
      for (const request of await this.connections.pendingInvolving(deactivation.employeeId)) {
        request.cancel(deactivation, cause);
        await this.connections.save(request);
      }
    });
  }
}
