import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  EmployeeDeactivatedV1,
  EmployeeManagerChangedV1,
  EmployeeProfileUpdatedV1,
  EmployeeRegisteredV1,
  type CloudEvent,
  type EventData,
} from '@vouch/contracts';
import { EventContext, EventHandlers } from '@vouch/messaging';
import { DeactivateEmployee } from '../application/deactivate-employee.use-case';
import { ReplicateEmployee } from '../application/replicate-employee.use-case';

/** identity's employee events, applied to the replica so no request ever has to call identity. */
@EventHandlers()
export class EmployeeEventsHandlers {
  constructor(
    private readonly replica: ReplicateEmployee,
    private readonly deactivateEmployee: DeactivateEmployee,
  ) {}

  @EventPattern(EmployeeRegisteredV1.type)
  async onRegistered(
    @Payload() event: CloudEvent<EventData<typeof EmployeeRegisteredV1>>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    const { employeeId, name, title, managerId } = event.data;
    await this.replica.register(context.manager, { id: employeeId, name, title, managerId });
  }

  @EventPattern(EmployeeProfileUpdatedV1.type)
  async onProfileUpdated(
    @Payload() event: CloudEvent<EventData<typeof EmployeeProfileUpdatedV1>>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    const { employeeId, name, title } = event.data;
    await this.replica.updateProfile(context.manager, employeeId, { name, title });
  }

  @EventPattern(EmployeeManagerChangedV1.type)
  async onManagerChanged(
    @Payload() event: CloudEvent<EventData<typeof EmployeeManagerChangedV1>>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.replica.changeManager(context.manager, event.data.employeeId, event.data.managerId);
  }

  @EventPattern(EmployeeDeactivatedV1.type)
  async onDeactivated(
    @Payload() event: CloudEvent<EventData<typeof EmployeeDeactivatedV1>>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.deactivateEmployee.execute(
      context.manager,
      event.data.employeeId,
      new Date(event.data.deactivatedAt),
    );
  }
}
