import { Payload } from '@nestjs/microservices';
import {
  causedBy,
  ConnectionAcceptedV1,
  ConnectionRemovedV1,
  EmployeeDeactivatedV1,
  EmployeeErasedV1,
  type CloudEvent,
  type EventData,
} from '@vouch/contracts';
import { EventHandlers, HandlesEvent } from '@vouch/messaging';
import { EraseEmployeeUseCase } from '../application/erase-employee.use-case';
import { UpdateReplicaUseCase } from '../application/update-replica.use-case';

/**
 * Departures, erasures and connections: with EmployeeReplicaHandlers, the only way this service learns of
 * employees and connections. Each runs in the consumer's transaction, which its inbox record
 * commits with: the consumer makes it ambient, and the use case's unit of work joins it.
 */
@EventHandlers()
export class ReplicaEventHandlers {
  constructor(
    private readonly replica: UpdateReplicaUseCase,
    private readonly eraseEmployee: EraseEmployeeUseCase,
  ) {}

  @HandlesEvent(EmployeeDeactivatedV1)
  async onEmployeeDeactivated(
    @Payload() event: CloudEvent<EventData<typeof EmployeeDeactivatedV1>>,
  ): Promise<void> {
    await this.replica.employeeDeactivated(event.data, causedBy(event));
  }

  @HandlesEvent(EmployeeErasedV1)
  async onEmployeeErased(@Payload() event: CloudEvent<EventData<typeof EmployeeErasedV1>>): Promise<void> {
    await this.eraseEmployee.execute(event.data, causedBy(event));
  }

  @HandlesEvent(ConnectionAcceptedV1)
  async onConnectionAccepted(
    @Payload() event: CloudEvent<EventData<typeof ConnectionAcceptedV1>>,
  ): Promise<void> {
    const { connectionId, requesterId, addresseeId, acceptedAt } = event.data;
    await this.replica.connectionAccepted({
      connectionId,
      a: requesterId,
      b: addresseeId,
      since: new Date(acceptedAt),
    });
  }

  @HandlesEvent(ConnectionRemovedV1)
  async onConnectionRemoved(
    @Payload() event: CloudEvent<EventData<typeof ConnectionRemovedV1>>,
  ): Promise<void> {
    const { connectionId, requesterId, addresseeId, removedAt } = event.data;
    await this.replica.connectionRemoved(
      { connectionId, a: requesterId, b: addresseeId, removedAt: new Date(removedAt) },
      causedBy(event),
    );
  }
}
