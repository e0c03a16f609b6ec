import { Ctx, Payload } from '@nestjs/microservices';
import {
  EmployeeEmailChangedV1,
  EmployeeManagerChangedV2,
  EmployeeProfileUpdatedV1,
  EmployeeReactivatedV1,
  EmployeeRegisteredV1,
  type CloudEvent,
  type EventData,
} from '@vouch/contracts';
import { EventContext, EventHandlers, HandlesEvent } from '@vouch/messaging';
import { EmployeeReplica } from './employee-replica';

/**
 * identity's events that every service's replica applies alike: hires, profile changes, the org
 * chart, email changes, returns. Register it among a module's controllers. `EmployeeDeactivated` is
 * each service's own to handle, because what a departure undoes differs (connections, requests,
 * emails). A return is alike everywhere: the employee is active again, and what their departure
 * closed (cancelled or expired requests, skipped emails) stays closed, for them to start afresh.
 */
@EventHandlers()
export class EmployeeReplicaHandlers {
  constructor(private readonly replica: EmployeeReplica) {}

  @HandlesEvent(EmployeeRegisteredV1)
  async onRegistered(
    @Payload() event: CloudEvent<EventData<typeof EmployeeRegisteredV1>>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.replica.register(context.manager, event.data);
  }

  @HandlesEvent(EmployeeProfileUpdatedV1)
  async onProfileUpdated(
    @Payload() event: CloudEvent<EventData<typeof EmployeeProfileUpdatedV1>>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.replica.updateProfile(context.manager, event.data);
  }

  @HandlesEvent(EmployeeManagerChangedV2)
  async onManagerChanged(
    @Payload() event: CloudEvent<EventData<typeof EmployeeManagerChangedV2>>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.replica.changeManager(context.manager, event.data);
  }

  @HandlesEvent(EmployeeReactivatedV1)
  async onReactivated(
    @Payload() event: CloudEvent<EventData<typeof EmployeeReactivatedV1>>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.replica.reactivate(context.manager, event.data);
  }

  @HandlesEvent(EmployeeEmailChangedV1)
  async onEmailChanged(
    @Payload() event: CloudEvent<EventData<typeof EmployeeEmailChangedV1>>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.replica.changeEmail(context.manager, event.data);
  }
}
