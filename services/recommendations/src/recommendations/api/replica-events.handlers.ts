import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  causedBy,
  ConnectionAcceptedV1,
  ConnectionRemovedV1,
  EmployeeDeactivatedV1,
  EmployeeManagerChangedV1,
  EmployeeProfileUpdatedV1,
  EmployeeRegisteredV1,
  type CloudEvent,
  type EventData,
} from '@vouch/contracts';
import { EmployeeReplica } from '@vouch/employee-replica';
import { EventContext, EventHandlers } from '@vouch/messaging';
import { UpdateReplicaUseCase } from '../application/update-replica.use-case';

/** identity's and connections' events, the only way this service learns of employees and connections. */
@EventHandlers()
export class ReplicaEventHandlers {
  constructor(
    private readonly employees: EmployeeReplica,
    private readonly replica: UpdateReplicaUseCase,
  ) {}

  @EventPattern(EmployeeRegisteredV1.type)
  async onEmployeeRegistered(
    @Payload() event: CloudEvent<EventData<typeof EmployeeRegisteredV1>>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.employees.register(context.manager, event.data);
  }

  @EventPattern(EmployeeProfileUpdatedV1.type)
  async onProfileUpdated(
    @Payload() event: CloudEvent<EventData<typeof EmployeeProfileUpdatedV1>>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.employees.updateProfile(context.manager, event.data);
  }

  @EventPattern(EmployeeManagerChangedV1.type)
  async onManagerChanged(
    @Payload() event: CloudEvent<EventData<typeof EmployeeManagerChangedV1>>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.employees.changeManager(context.manager, event.data);
  }

  @EventPattern(EmployeeDeactivatedV1.type)
  async onEmployeeDeactivated(
    @Payload() event: CloudEvent<EventData<typeof EmployeeDeactivatedV1>>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.replica.employeeDeactivated(context.manager, event.data, causedBy(event));
  }

  @EventPattern(ConnectionAcceptedV1.type)
  async onConnectionAccepted(
    @Payload() event: CloudEvent<EventData<typeof ConnectionAcceptedV1>>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    const { connectionId, requesterId, addresseeId, acceptedAt } = event.data;
    await this.replica.connectionAccepted(context.manager, {
      connectionId,
      a: requesterId,
      b: addresseeId,
      since: new Date(acceptedAt),
    });
  }

  @EventPattern(ConnectionRemovedV1.type)
  async onConnectionRemoved(
    @Payload() event: CloudEvent<EventData<typeof ConnectionRemovedV1>>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    const { connectionId, requesterId, addresseeId, removedAt } = event.data;
    await this.replica.connectionRemoved(
      context.manager,
      { connectionId, a: requesterId, b: addresseeId, removedAt: new Date(removedAt) },
      causedBy(event),
    );
  }
}
