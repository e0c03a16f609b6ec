import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EmployeeDeactivatedV1, EventData } from '@vouch/contracts';
import { EmployeeReplica } from '@vouch/employee-replica';
import { ConnectionRepository } from '../infrastructure/connection.repository';

/**
 * An employee left: nobody can ask them any more, and their pending requests, sent and received,
 * are cancelled. Their connections stay, hidden from lists and suggestions. The contract has no
 * event for a cancelled request: none is published.
 */
@Injectable()
export class DeactivateEmployee {
  constructor(
    private readonly employees: EmployeeReplica,
    private readonly connections: ConnectionRepository,
  ) {}

  async execute(
    manager: EntityManager,
    deactivation: EventData<typeof EmployeeDeactivatedV1>,
  ): Promise<void> {
    await this.employees.deactivate(manager, deactivation);
    for (const request of await this.connections.pendingInvolving(manager, deactivation.employeeId)) {
      request.cancel(new Date(deactivation.deactivatedAt));
      await this.connections.save(manager, request);
    }
  }
}
