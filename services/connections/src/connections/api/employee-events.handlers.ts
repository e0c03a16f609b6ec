import { Ctx, Payload } from '@nestjs/microservices';
import { causedBy, EmployeeDeactivatedV1, type CloudEvent, type EventData } from '@vouch/contracts';
import { EventContext, EventHandlers, HandlesEvent } from '@vouch/messaging';
import { DeactivateEmployee } from '../application/deactivate-employee.use-case';

/**
 * An employee's departure, as connections takes it: the rest of identity's events only update the
 * replica (EmployeeReplicaHandlers), so no request ever has to call identity.
 */
@EventHandlers()
export class EmployeeEventsHandlers {
  constructor(private readonly deactivateEmployee: DeactivateEmployee) {}

  @HandlesEvent(EmployeeDeactivatedV1)
  async onDeactivated(
    @Payload() event: CloudEvent<EventData<typeof EmployeeDeactivatedV1>>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.deactivateEmployee.execute(context.manager, event.data, causedBy(event));
  }
}
