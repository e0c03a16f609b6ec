import { Payload } from '@nestjs/microservices';
import {
  causedBy,
  EmployeeDeactivatedV1,
  EmployeeErasedV1,
  type CloudEvent,
  type EventData,
} from '@vouch/contracts';
import { EventHandlers, HandlesEvent } from '@vouch/messaging';
import { DeactivateEmployee } from '../application/deactivate-employee.use-case';
import { EraseEmployee } from '../application/erase-employee.use-case';

/**
 * An employee's departure and erasure, as connections takes them: the rest of identity's events only update the
 * replica (EmployeeReplicaHandlers), so no request ever has to call identity. It runs in the
 * consumer's transaction, which its inbox record commits with: the consumer makes it ambient, and
 * the use case's unit of work joins it.
 */
@EventHandlers()
export class EmployeeEventsHandlers {
  constructor(
    private readonly deactivateEmployee: DeactivateEmployee,
    private readonly eraseEmployee: EraseEmployee,
  ) {}

  @HandlesEvent(EmployeeDeactivatedV1)
  async onDeactivated(@Payload() event: CloudEvent<EventData<typeof EmployeeDeactivatedV1>>): Promise<void> {
    await this.deactivateEmployee.execute(event.data, causedBy(event));
  }

  @HandlesEvent(EmployeeErasedV1)
  async onErased(@Payload() event: CloudEvent<EventData<typeof EmployeeErasedV1>>): Promise<void> {
    await this.eraseEmployee.execute(event.data, causedBy(event));
  }
}
