import { randomUUID } from 'node:crypto';
import type { EventCause } from './envelope/cloud-event';
import type { EventData, EventDefinition } from './event-definition';

/** An integration event an aggregate's change implies, recorded until its change is saved. */
export interface RecordedEvent<TDefinition extends EventDefinition = EventDefinition> {
  definition: TDefinition;
  /** The aggregate the event is about; its Kafka key. */
  subject: string;
  data: EventData<TDefinition>;
  /** The event that caused the change, when one did. */
  cause?: EventCause;
  /** Set only for one event recorded in several versions of its type: the id they all share. */
  id?: string;
}

/** An aggregate whose changes record events, for its repository to pull and save with its rows. */
export interface RecordsEvents {
  pullEvents(): RecordedEvent[];
}

/**
 * The events an aggregate recorded since it was loaded or last saved, in order. Pure, so the
 * aggregate stays a plain class: the unit of work that saves it writes them to the outbox.
 */
export class RecordedEvents {
  private events: RecordedEvent[] = [];

  record<TDefinition extends EventDefinition>(
    definition: TDefinition,
    event: Omit<RecordedEvent<TDefinition>, 'definition'>,
  ): void {
    this.events.push({ definition, ...event });
  }

  /**
   * One event in several versions of its type, as a producer records it while its consumers move
   * from one version to the next (docs/schema-evolution.md): one id and one key for all, in order.
   */
  recordInVersions(
    versions: ReadonlyArray<readonly [EventDefinition, EventData<EventDefinition>]>,
    event: Omit<RecordedEvent, 'definition' | 'data' | 'id'>,
  ): void {
    const types = new Set(versions.map(([definition]) => definition.type));
    if (types.size !== 1)
      throw new Error(`versions of one event type expected, got ${[...types].join(', ')}`);
    const id = randomUUID();
    for (const [definition, data] of versions) this.events.push({ definition, data, ...event, id });
  }

  /** The events recorded so far, forgotten here: each is saved once. */
  pull(): RecordedEvent[] {
    const pulled = this.events;
    this.events = [];
    return pulled;
  }
}
