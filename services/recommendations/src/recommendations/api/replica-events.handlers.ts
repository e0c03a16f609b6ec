import { Ctx, Payload } from '@nestjs/microservices';
import {
  causedBy,
  ConnectionAcceptedV1,
  ConnectionRemovedV1,
  EmployeeDeactivatedV1,
  type CloudEvent,
  type EventData,
} from '@vouch/contracts';
import { EventContext, EventHandlers, HandlesEvent, UnitOfWork } from '@vouch/messaging';
import { UpdateReplicaUseCase } from '../application/update-replica.use-case';

/**
 * Departures and connections: with EmployeeReplicaHandlers, the only way this service learns of
 * employees and connections. Each runs in the consumer's transaction, which its inbox record
 * commits with: the use case's unit of work joins it.
 */
@EventHandlers()
export class ReplicaEventHandlers {
  constructor(
    private readonly replica: UpdateReplicaUseCase,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  @HandlesEvent(EmployeeDeactivatedV1)
  async onEmployeeDeactivated(
    @Payload() event: CloudEvent<EventData<typeof EmployeeDeactivatedV1>>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.unitOfWork.join(context.manager, () =>
      this.replica.employeeDeactivated(event.data, causedBy(event)),
    );
  }

  @HandlesEvent(ConnectionAcceptedV1)
  async onConnectionAccepted(
    @Payload() event: CloudEvent<EventData<typeof ConnectionAcceptedV1>>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    const { connectionId, requesterId, addresseeId, acceptedAt } = event.data;
    await this.unitOfWork.join(context.manager, () =>
      this.replica.connectionAccepted({
        connectionId,
        a: requesterId,
        b: addresseeId,
        since: new Date(acceptedAt),
      }),
    );
  }

  @HandlesEvent(ConnectionRemovedV1)
  async onConnectionRemoved(
    @Payload() event: CloudEvent<EventData<typeof ConnectionRemovedV1>>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    const { connectionId, requesterId, addresseeId, removedAt } = event.data;
    await this.unitOfWork.join(context.manager, () =>
      this.replica.connectionRemoved(
        { connectionId, a: requesterId, b: addresseeId, removedAt: new Date(removedAt) },
        causedBy(event),
      ),
    );
  }
}
