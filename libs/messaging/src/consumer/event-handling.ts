import type { MessageHandler } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';
import type { CloudEvent } from '@vouch/contracts';
import { inSpan, SpanKind, withLogFields } from '@vouch/telemetry';

/** An event on its way to its handler: where it came from, and which attempt this is. */
export interface Handling {
  event: CloudEvent;
  handler: MessageHandler;
  topic: string;
  partition: number;
  offset: string;
  attempt: number;
}

/** Runs an event's handlers in the transaction of `manager` (the transport's part: Nest calls them). */
export type RunHandler = (manager: EntityManager, handling: Handling) => Promise<void>;

/** The consumer span of an event, in the trace of whatever wrote it, with its ids in the logs. */
export function inConsumerSpan<T>(
  { event, topic, attempt }: Pick<Handling, 'event' | 'topic' | 'attempt'>,
  group: string,
  work: () => Promise<T>,
): Promise<T> {
  return inSpan(
    `process ${event.type}`,
    {
      kind: SpanKind.CONSUMER,
      ...(event.traceparent ? { traceparent: event.traceparent } : {}),
      attributes: {
        'messaging.system': 'kafka',
        'messaging.destination.name': topic,
        'messaging.consumer.group.name': group,
        'messaging.message.id': event.id,
        'vouch.attempt': attempt,
      },
    },
    () => withLogFields({ eventId: event.id, eventType: event.type }, work),
  );
}

/** How a handler's failure reads in the logs and in a dead letter's headers. */
export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
