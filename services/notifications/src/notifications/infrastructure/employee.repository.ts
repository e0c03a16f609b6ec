import { Injectable } from '@nestjs/common';
import type { EmployeeDeactivatedV1, EventData } from '@vouch/contracts';
import { EmployeeReplica, ReplicatedEmployee } from '@vouch/employee-replica';
import { UnitOfWork } from '@vouch/messaging';

/** The employee replica in the unit of work's transaction: read by digests, deactivated by the EmployeeDeactivated handler. */
@Injectable()
export class EmployeeRepository {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly replica: EmployeeReplica,
  ) {}

  find(id: string): Promise<ReplicatedEmployee | null> {
    return this.unitOfWork.transaction().findOneBy(ReplicatedEmployee, { id });
  }

  async deactivate(deactivation: EventData<typeof EmployeeDeactivatedV1>): Promise<void> {
    await this.replica.deactivate(this.unitOfWork.transaction(), deactivation);
  }
}
