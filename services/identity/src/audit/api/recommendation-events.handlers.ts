import { Payload } from '@nestjs/microservices';
import { RecommendationTakenDownV1, type CloudEvent, type EventData } from '@vouch/contracts';
import { EventHandlers, HandlesEvent } from '@vouch/messaging';
import { RecordTakedown } from '../application/record-takedown.use-case';

/**
 * recommendations' events the audit log records: a takedown by HR or an admin is an action about
 * a person, as the changes made in identity are. Run in the consumer's transaction with its inbox
 * record, so an event delivered twice is recorded once.
 */
@EventHandlers()
export class RecommendationEventsHandlers {
  constructor(private readonly recordTakedown: RecordTakedown) {}

  @HandlesEvent(RecommendationTakenDownV1)
  onTakenDown(@Payload() event: CloudEvent<EventData<typeof RecommendationTakenDownV1>>): Promise<void> {
    const { recommendationId, authorId, subjectId, takenDownBy, reason, takenDownAt } = event.data;
    return this.recordTakedown.execute({
      recommendationId,
      authorId,
      subjectId,
      takenDownBy,
      reason,
      takenDownAt: new Date(takenDownAt),
    });
  }
}
