import type { EntityManager } from 'typeorm';
import {
  createEvent,
  toKafkaRecord,
  type CloudEvent,
  type EventCause,
  type EventData,
  type EventDefinition,
} from '@vouch/contracts';
import { currentTraceparent } from '@vouch/telemetry';

/** Channel the relay LISTENs on; a NOTIFY wakes it as soon as events are committed. */
export const OUTBOX_CHANNEL = 'vouch_outbox';

export interface NewEvent<TDefinition extends EventDefinition> {
  /** The aggregate the event is about; its Kafka key. */
  subject: string;
  data: EventData<TDefinition>;
  cause?: EventCause;
}

/**
 * The write side of the transactional outbox: a use case adds its events with the same
 * EntityManager (the same transaction) as its state, so both commit or neither does. The relay
 * publishes them afterwards.
 */
export class Outbox {
  constructor(private readonly source: string) {}

  async add<TDefinition extends EventDefinition>(
    manager: EntityManager,
    definition: TDefinition,
    init: NewEvent<TDefinition>,
  ): Promise<CloudEvent<EventData<TDefinition>, TDefinition['type']>> {
    // The active span (the request's, or the handler's of the event that caused this one) goes along.
    const traceparent = currentTraceparent() ?? init.cause?.traceparent;
    const event = createEvent(definition, {
      ...init,
      cause: { ...init.cause, traceparent },
      source: this.source,
    });
    const record = toKafkaRecord(event);
    // The NOTIFY is delivered at commit, and only then; identical ones in a transaction fold into
    // one. It rides in the INSERT: a statement less per event, and each costs a round trip.
    await manager.query(
      `INSERT INTO outbox (event_id, event_type, topic, message_key, headers, payload)
       SELECT $1, $2, $3, $4, $5, $6 FROM pg_notify($7, '')`,
      [
        event.id,
        event.type,
        definition.topic,
        record.key,
        JSON.stringify(record.headers),
        record.value,
        OUTBOX_CHANNEL,
      ],
    );
    return event;
  }
}
