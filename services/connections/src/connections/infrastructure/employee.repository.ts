import { Injectable } from '@nestjs/common';
import type { EmployeeDeactivatedV1, EventData } from '@vouch/contracts';
import { EmployeeReplica, ReplicatedEmployee } from '@vouch/employee-replica';
import { UnitOfWork } from '@vouch/messaging';

/** The employee replica in the unit of work's transaction: read by requests, deactivated by the EmployeeDeactivated handler. */
@Injectable()
export class EmployeeRepository {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly replica: EmployeeReplica,
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
}
