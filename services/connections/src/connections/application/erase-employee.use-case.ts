import { Injectable } from '@nestjs/common';
import { EmployeeErasure, ReplicatedEmployeeRepository } from '@vouch/employee-replica';
import type { EmployeeErasedV1, EventCause, EventData } from '@vouch/contracts';
import { UnitOfWork } from '@vouch/messaging';
import { ConnectionRepository } from '../infrastructure/connection.repository';

/**
 * identity erased an employee: every connection and request they were part of is deleted, in any
 * status and either direction (the other side's lists simply lose them, without an event: an
 * event would only carry the erased id on), with the answers kept for their `Idempotency-Key`s;
 * their replica row is emptied, and the report of it all goes out with the same commit. Runs in the
 * handler's transaction, so a redelivered erasure is skipped by the inbox; run again, it finds
 * nothing left to delete and reports again, which identity takes as the same completion.
 */
@Injectable()
export class EraseEmployee {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly employees: ReplicatedEmployeeRepository,
    private readonly connections: ConnectionRepository,
  ) {}

  async execute(erased: EventData<typeof EmployeeErasedV1>, cause: EventCause): Promise<void> {
    await this.unitOfWork.run(async () => {
      const erasure = new EmployeeErasure('connections', erased, cause);
      await this.connections.eraseEmployee(erasure.employeeId);
      erasure.complete(new Date());
      await this.employees.erase(erasure);
    });
  }
}
