import { randomUUID } from 'node:crypto';
import type { EventData, EventDefinition } from '../event-definition';

/**
 * An integration event as it crosses the wire: a CloudEvents 1.0 envelope around the event's data,
 * plus Vouch's extensions for schema version, correlation and causation.
 */
export interface CloudEvent<TData = unknown, TType extends string = string> {
  /** Unique id of this event; consumers deduplicate by it. */
  id: string;
  /** The producing service, as a URI reference (`/vouch/recommendations`). */
  source: string;
  /** The event's name, e.g. `RecommendationGiven`. */
  type: TType;
  /** CloudEvents specification version; always `1.0`. */
  specversion: '1.0';
  /** When the event happened, ISO-8601 UTC. */
  time: string;
  /** Id of the aggregate the event is about; also the Kafka key, so its events stay in order. */
  subject: string;
  /** Media type of `data`; always JSON. */
  datacontenttype: 'application/json';
  /** Version of the `data` schema of this `type`. */
  schemaversion: number;
  /** Id shared by every event caused, directly or not, by one request or event. */
  correlationid: string;
  /** Id of the event that caused this one, if an event did. */
  causationid?: string;
  /** W3C trace context of the operation that produced the event. */
  traceparent?: string;
  /** The event's payload, valid against its definition's schema. */
  data: TData;
}

/** What caused a new event: another event, or a request with its correlation and trace ids. */
export interface EventCause {
  correlationId?: string;
  causationId?: string;
  traceparent?: string;
}

/** Builds a new event of a definition, with a fresh id and the current time. */
export function createEvent<TDefinition extends EventDefinition>(
  definition: TDefinition,
  init: {
    source: string;
    subject: string;
    data: EventData<TDefinition>;
    cause?: EventCause;
    time?: Date;
    /** Given only to publish the same event in another version. */
    id?: string;
  },
): CloudEvent<EventData<TDefinition>, TDefinition['type']> {
  const id = init.id ?? randomUUID();
  const data = definition.schema.parse(init.data) as EventData<TDefinition>;
  return {
    id,
    source: init.source,
    type: definition.type,
    specversion: '1.0',
    time: (init.time ?? new Date()).toISOString(),
    subject: init.subject,
    datacontenttype: 'application/json',
    schemaversion: definition.version,
    correlationid: init.cause?.correlationId ?? id,
    ...(init.cause?.causationId ? { causationid: init.cause.causationId } : {}),
    ...(init.cause?.traceparent ? { traceparent: init.cause.traceparent } : {}),
    data,
  };
}

/** The cause to hand to events produced while handling `event`. */
export function causedBy(event: CloudEvent): EventCause {
  return { correlationId: event.correlationid, causationId: event.id, traceparent: event.traceparent };
}
