import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ConnectionRepository } from '../infrastructure/connection.repository';
import { EmployeeRepository } from '../infrastructure/employee.repository';
import { UnknownReplicatedEmployeeError } from './replicate-employee.use-case';

/**
 * An employee left: nobody can ask them any more, and their pending requests, sent and received,
 * are cancelled. Their connections stay, hidden from lists and suggestions. The contract has no
 * event for a cancelled request: none is published.
 */
@Injectable()
export class DeactivateEmployee {
  constructor(
    private readonly employees: EmployeeRepository,
    private readonly connections: ConnectionRepository,
  ) {}

  async execute(manager: EntityManager, employeeId: string, at: Date): Promise<void> {
    if (!(await this.employees.update(manager, employeeId, { active: false })))
      throw new UnknownReplicatedEmployeeError(employeeId);
    for (const request of await this.connections.pendingInvolving(manager, employeeId)) {
      request.cancel(at);
      await this.connections.save(manager, request);
    }
  }
}
