import { Injectable } from '@nestjs/common';
import { ReplicatedEmployeeRepository } from '@vouch/employee-replica';
import type { EmployeeDeactivatedV1, EventData } from '@vouch/contracts';
import { UnitOfWork } from '@vouch/messaging';

/**
 * An employee left: the replica marks them inactive, so emails planned for them are skipped when
 * they would go out. Runs in the handler's transaction, which the unit of work joins.
 */
@Injectable()
export class DeactivateEmployeeUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly employees: ReplicatedEmployeeRepository,
  ) {}

  execute(deactivation: EventData<typeof EmployeeDeactivatedV1>): Promise<void> {
    return this.unitOfWork.run(() => this.employees.deactivate(deactivation));
  }
}
