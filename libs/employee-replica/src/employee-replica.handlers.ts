import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  EmployeeEmailChangedV1,
  EmployeeManagerChangedV1,
  EmployeeProfileUpdatedV1,
  EmployeeReactivatedV1,
  EmployeeRegisteredV1,
  type CloudEvent,
  type EventData,
} from '@vouch/contracts';
import { EventContext, EventHandlers } from '@vouch/messaging';
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

  @EventPattern(EmployeeReactivatedV1.type)
  async onReactivated(
    @Payload() event: CloudEvent<EventData<typeof EmployeeReactivatedV1>>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.replica.reactivate(context.manager, event.data);
  }

  @EventPattern(EmployeeEmailChangedV1.type)
  async onEmailChanged(
    @Payload() event: CloudEvent<EventData<typeof EmployeeEmailChangedV1>>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.replica.changeEmail(context.manager, event.data);
  }
}
