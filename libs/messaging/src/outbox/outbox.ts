import { randomUUID } from 'node:crypto';
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
  /** Given only to publish the same event in another version. */
  id?: string;
}

/** A data-modifying statement (an UPDATE or INSERT with `RETURNING`) that an event goes along with. */
export interface StateChange {
  sql: string;
  params: unknown[];
}

/** What an outbox row holds of its event. */
interface OutboxFields {
  eventId: string;
  eventType: string;
  topic: string;
  key: string;
  headers: Record<string, string>;
  /** Null for a tombstone. */
  payload: string | null;
}

/** The columns an outbox row is inserted with, in `outboxInsertion`'s order. */
const OUTBOX_COLUMNS = 'position, event_id, event_type, topic, message_key, headers, payload';

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
    const { event, row } = this.outboxRow(definition, init, 1);
    await manager.query(`INSERT INTO outbox ${row.sql}`, row.params);
    return event;
  }

  /**
   * Deletes the published events that mention an id (an erased employee's): the relay keeps them a
   * while only to tell what it published, and they may carry what the person wrote. Events not yet
   * published stay, to be published: their consumers need them to stay consistent.
   */
  async forgetPublishedMentioning(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `DELETE FROM outbox WHERE published_at IS NOT NULL AND strpos(payload, $1::text) > 0`,
      [id],
    );
  }

  /**
   * Adds one event in several versions of its type, as a producer does while consumers move from
   * one version to the next: one id and one key for all, in the order given.
   */
  async addInVersions(
    manager: EntityManager,
    versions: ReadonlyArray<readonly [EventDefinition, EventData<EventDefinition>]>,
    init: Omit<NewEvent<EventDefinition>, 'data'>,
  ): Promise<void> {
    const id = randomUUID();
    const types = new Set(versions.map(([definition]) => definition.type));
    if (types.size !== 1)
      throw new Error(`versions of one event type expected, got ${[...types].join(', ')}`);
    for (const [definition, data] of versions) {
      const { row } = this.outboxRow(definition, { ...init, data, id }, 1);
      await manager.query(`INSERT INTO outbox ${row.sql}`, row.params);
    }
  }

  /**
   * Adds the event in the same statement as a state change, and only if the change returned a row:
   * atomic without a transaction, and one round trip for both. Null when the change touched nothing.
   */
  async addAlongside<TDefinition extends EventDefinition>(
    manager: EntityManager,
    change: StateChange,
    definition: TDefinition,
    init: NewEvent<TDefinition>,
  ): Promise<CloudEvent<EventData<TDefinition>, TDefinition['type']> | null> {
    const { event, row } = this.outboxRow(definition, init, change.params.length + 1, 'change');
    const added: unknown[] = await manager.query(
      `WITH change AS (${change.sql}) INSERT INTO outbox ${row.sql} RETURNING event_id`,
      [...change.params, ...row.params],
    );
    return added.length > 0 ? event : null;
  }

  /**
   * The many-rows form of `addAlongside`: one statement runs `change`, which returns the ids of the
   * rows it changed (as `id`), and adds each entry's event only if its row is among them. Returns
   * those ids: a row the change left alone (another writer's outcome came first) adds no event.
   */
  async addAllAlongside(
    manager: EntityManager,
    change: StateChange,
    entries: ReadonlyArray<{
      changedId: string;
      definition: EventDefinition;
      init: NewEvent<EventDefinition>;
    }>,
  ): Promise<Set<string>> {
    const rows = entries.map(({ changedId, definition, init }) => ({
      changedId,
      ...this.newEvent(definition, init).fields,
    }));
    const [changed, id, type, topic, key, headers, payload, channel] = Array.from(
      { length: 8 },
      (_, i) => `$${change.params.length + 1 + i}`,
    );
    // As outboxInsertion, for many rows: a position each, drawn first, and a NOTIFY naming it. Not
    // one form for both: every write of every service inserts a single row, which arrays and
    // unnest would only make dearer to encode and plan.
    const added: Array<{ id: string }> = await manager.query(
      `WITH change AS (${change.sql}),
            added AS (
              INSERT INTO outbox (${OUTBOX_COLUMNS})
              SELECT next.position, next.event_id, next.event_type, next.topic, next.message_key,
                     next.headers::jsonb, next.payload
                FROM (SELECT nextval('outbox_position_seq') AS position, entry.*
                        FROM unnest(${changed}::text[], ${id}::text[], ${type}::text[], ${topic}::text[],
                                    ${key}::text[], ${headers}::text[], ${payload}::text[])
                             AS entry(changed_id, event_id, event_type, topic, message_key, headers, payload)
                        JOIN change ON change.id::text = entry.changed_id) AS next,
                     pg_notify(${channel}, next.position::text))
       SELECT id::text AS id FROM change`,
      [
        ...change.params,
        rows.map((row) => row.changedId),
        rows.map((row) => row.eventId),
        rows.map((row) => row.eventType),
        rows.map((row) => row.topic),
        rows.map((row) => row.key),
        rows.map((row) => JSON.stringify(row.headers)),
        rows.map((row) => row.payload),
        OUTBOX_CHANNEL,
      ],
    );
    return new Set(added.map((row) => row.id));
  }

  /**
   * Adds a tombstone for a key of a compacted topic: a message without a value, after which
   * compaction forgets the key's earlier records. It is no event (no CloudEvents headers): the
   * consumers of the topic skip it. It is published in its key's order, after what came before it.
   */
  async addTombstone(manager: EntityManager, topic: string, key: string): Promise<void> {
    const row = outboxInsertion(
      { eventId: randomUUID(), eventType: TOMBSTONE, topic, key, headers: {}, payload: null },
      1,
    );
    await manager.query(`INSERT INTO outbox ${row.sql}`, row.params);
  }

  /** A new event and its outbox row (`outboxInsertion`). */
  private outboxRow<TDefinition extends EventDefinition>(
    definition: TDefinition,
    init: NewEvent<TDefinition>,
    first: number,
    onlyIfAny?: string,
  ): { event: CloudEvent<EventData<TDefinition>, TDefinition['type']>; row: StateChange } {
    const { event, fields } = this.newEvent(definition, init);
    return { event, row: outboxInsertion(fields, first, onlyIfAny) };
  }

  /** A new event, and the fields of its outbox row. */
  private newEvent<TDefinition extends EventDefinition>(
    definition: TDefinition,
    init: NewEvent<TDefinition>,
  ): { event: CloudEvent<EventData<TDefinition>, TDefinition['type']>; fields: OutboxFields } {
    // The active span (the request's, or the handler's of the event that caused this one) goes along.
    const traceparent = currentTraceparent() ?? init.cause?.traceparent;
    const event = createEvent(definition, {
      ...init,
      cause: { ...init.cause, traceparent },
      source: this.source,
    });
    const record = toKafkaRecord(event);
    return {
      event,
      fields: {
        eventId: event.id,
        eventType: event.type,
        topic: definition.topic,
        key: record.key,
        headers: record.headers,
        payload: record.value,
      },
    };
  }
}

/** The event_type of an outbox row that is a tombstone, not an event. */
export const TOMBSTONE = 'tombstone';

/**
 * The INSERT of an outbox row (after `INSERT INTO outbox`), its parameters numbered from `first`;
 * with `onlyIfAny`, the row (and its NOTIFY) only if that relation of the statement has a row.
 */
function outboxInsertion(row: OutboxFields, first: number, onlyIfAny?: string): StateChange {
  const [id, type, topic, key, headers, payload, channel] = Array.from(
    { length: 7 },
    (_, i) => `$${first + i}`,
  );
  // The NOTIFY is delivered at commit, and only then. It carries the event's position, so the
  // relay reads the event by its key instead of walking the outbox's index past the published
  // events' dead entries. It rides in the INSERT: a statement less per event, and each costs a
  // round trip. The position is drawn first for the NOTIFY to name it (the migration's sequence).
  const source = onlyIfAny ? ` FROM (SELECT FROM ${onlyIfAny} LIMIT 1) AS any_row` : '';
  return {
    sql: `(${OUTBOX_COLUMNS})
          SELECT next.position, ${id}, ${type}, ${topic}, ${key}, ${headers}, ${payload}
            FROM (SELECT nextval('outbox_position_seq') AS position${source}) AS next,
                 pg_notify(${channel}, next.position::text)`,
    params: [
      row.eventId,
      row.eventType,
      row.topic,
      row.key,
      JSON.stringify(row.headers),
      row.payload,
      OUTBOX_CHANNEL,
    ],
  };
}
