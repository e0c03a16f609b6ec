import { Payload } from '@nestjs/microservices';
import {
  ConnectionsErasureCompletedV1,
  NotificationsErasureCompletedV1,
  RecommendationsErasureCompletedV1,
  type CloudEvent,
  type EventData,
} from '@vouch/contracts';
import { EventHandlers, HandlesEvent } from '@vouch/messaging';
import { RecordErasureCompletion } from '../application/record-erasure-completion.use-case';

/** Any service's report: the three events have the same fields, `service` naming the reporter. */
type ErasureCompleted = CloudEvent<
  | EventData<typeof ConnectionsErasureCompletedV1>
  | EventData<typeof RecommendationsErasureCompletedV1>
  | EventData<typeof NotificationsErasureCompletedV1>
>;

/**
 * The other services' reports that their part of an erasure is done (besides these, identity
 * consumes only RecommendationTakenDown, for the audit log). Each runs in the consumer's transaction with its inbox record, so a report delivered
 * twice is applied once (and the erasure takes a repeated report as nothing besides).
 */
@EventHandlers()
export class ErasureEventsHandlers {
  constructor(private readonly recordCompletion: RecordErasureCompletion) {}

  @HandlesEvent(ConnectionsErasureCompletedV1)
  onConnectionsDone(@Payload() event: ErasureCompleted): Promise<void> {
    return this.record(event);
  }

  @HandlesEvent(RecommendationsErasureCompletedV1)
  onRecommendationsDone(@Payload() event: ErasureCompleted): Promise<void> {
    return this.record(event);
  }

  @HandlesEvent(NotificationsErasureCompletedV1)
  onNotificationsDone(@Payload() event: ErasureCompleted): Promise<void> {
    return this.record(event);
  }

  private record(event: ErasureCompleted): Promise<void> {
    return this.recordCompletion.execute({
      erasureId: event.data.erasureId,
      service: event.data.service,
      completedAt: new Date(event.data.completedAt),
    });
  }
}
