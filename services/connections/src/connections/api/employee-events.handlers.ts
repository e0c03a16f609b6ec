import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  EmployeeDeactivatedV1,
  EmployeeManagerChangedV1,
  EmployeeProfileUpdatedV1,
  EmployeeRegisteredV1,
  type CloudEvent,
  type EventData,
} from '@vouch/contracts';
import { EmployeeReplica } from '@vouch/employee-replica';
import { EventContext, EventHandlers } from '@vouch/messaging';
import { DeactivateEmployee } from '../application/deactivate-employee.use-case';

/** identity's employee events, applied to the replica so no request ever has to call identity. */
@EventHandlers()
export class EmployeeEventsHandlers {
  constructor(
    private readonly replica: EmployeeReplica,
    private readonly deactivateEmployee: DeactivateEmployee,
  ) {}

  @EventPattern(EmployeeRegisteredV1.type)
  async onRegistered(
    @Payload() event: CloudEvent<EventData<typeof EmployeeRegisteredV1>>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.replica.register(context.manager, event.data);
  }

  @EventPattern(EmployeeProfileUpdatedV1.type)
  async onProfileUpdated(
    @Payload() event: CloudEvent<EventData<typeof EmployeeProfileUpdatedV1>>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.replica.updateProfile(context.manager, event.data);
  }

  @EventPattern(EmployeeManagerChangedV1.type)
  async onManagerChanged(
    @Payload() event: CloudEvent<EventData<typeof EmployeeManagerChangedV1>>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.replica.changeManager(context.manager, event.data);
  }

  @EventPattern(EmployeeDeactivatedV1.type)
  async onDeactivated(
    @Payload() event: CloudEvent<EventData<typeof EmployeeDeactivatedV1>>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.deactivateEmployee.execute(context.manager, event.data);
  }
}
