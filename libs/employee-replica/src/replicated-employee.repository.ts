import { Injectable } from '@nestjs/common';
import type { EmployeeDeactivatedV1, EventData } from '@vouch/contracts';
import { Outbox, UnitOfWork } from '@vouch/messaging';
import type { EmployeeErasure } from './employee-erasure';
import { EmployeeReplica } from './employee-replica';
import { ReplicatedEmployee } from './replicated-employee.entity';

/**
 * The employee replica in the unit of work's transaction, for a service's use cases: read by
 * requests and jobs, deactivated and erased by the service's EmployeeDeactivated and EmployeeErased
 * handlers. Register it among a module's providers, beside `EmployeeReplica`.
 */
@Injectable()
export class ReplicatedEmployeeRepository {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly replica: EmployeeReplica,
    private readonly outbox: Outbox,
  ) {}

  find(id: string): Promise<ReplicatedEmployee | null> {
    return this.unitOfWork.transaction().findOneBy(ReplicatedEmployee, { id });
  }

  /**
   * The employee, share-locked until the transaction ends: a deactivation waits for a request being
   * made to them, then cancels it, rather than missing it.
   */
  findShared(id: string): Promise<ReplicatedEmployee | null> {
    return this.unitOfWork
      .transaction()
      .findOne(ReplicatedEmployee, { where: { id }, lock: { mode: 'pessimistic_read' } });
  }

  async deactivate(deactivation: EventData<typeof EmployeeDeactivatedV1>): Promise<void> {
    await this.replica.deactivate(this.unitOfWork.transaction(), deactivation);
  }

  /**
   * Empties the erased employee's row and forgets the published events that mention them, with the
   * erasure's report if it completed.
   */
  async erase(erasure: EmployeeErasure): Promise<void> {
    await this.unitOfWork.save(erasure, async (manager) => {
      await this.replica.erase(manager, erasure.erased);
      await this.outbox.forgetPublishedMentioning(manager, erasure.employeeId);
    });
  }
}
