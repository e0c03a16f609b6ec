import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  EmployeeManagerChangedV1,
  EmployeeProfileUpdatedV1,
  EmployeeRegisteredV1,
  type CloudEvent,
  type EventData,
} from '@vouch/contracts';
import { EventContext, EventHandlers } from '@vouch/messaging';
import { EmployeeReplica } from './employee-replica';

/**
 * identity's events that every service's replica applies alike: hires, profile changes, the org
 * chart. Register it among a module's controllers. `EmployeeDeactivated` is each service's own to
 * handle, because what a departure undoes differs (connections, requests, emails).
 */
@EventHandlers()
export class EmployeeReplicaHandlers {
  constructor(private readonly replica: EmployeeReplica) {}

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
}
