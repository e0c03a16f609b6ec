import { applyDecorators, Controller, UseFilters } from '@nestjs/common';
import { EventPattern, type MessageHandler } from '@nestjs/microservices';
import type { CloudEvent, EventData, EventDefinition } from '@vouch/contracts';
import { RethrowEventErrors } from './rethrow-event-errors.filter';

/**
 * Marks a class whose methods handle integration events with `@HandlesEvent(Definition)`. Errors
 * reach the consumer host as thrown, so it can tell a PermanentEventError from a transient failure.
 */
export const EventHandlers = (): ClassDecorator =>
  applyDecorators(Controller(), UseFilters(new RethrowEventErrors()));

/** The pattern a handler of one version of an event type is registered under: `Type.vN`. */
export function eventPatternOf(definition: Pick<EventDefinition, 'type' | 'version'>): string {
  return `${definition.type}.v${definition.version}`;
}

export interface EventHandlerOptions<TDefinition extends EventDefinition> {
  /**
   * The advisory locks (`pg_advisory_xact_lock(hashtext(key))`) the handler takes until commit.
   * A transaction shared by several events takes all of theirs first, in one order, so two of them
   * on different partitions wait for each other at most once instead of in a cycle.
   */
  locks?: (event: CloudEvent<EventData<TDefinition>>) => readonly string[];
}

/** The key of a handler's Nest pattern extras under which its declared locks travel to the consumer. */
const LOCKS_EXTRA = 'locks';

/**
 * Marks the handler of one version of an event type. The consumer hands it only that version and
 * skips the others, as a producer publishes an event in two versions while consumers move
 * (docs/schema-evolution.md).
 */
export const HandlesEvent = <TDefinition extends EventDefinition>(
  definition: TDefinition,
  options: EventHandlerOptions<TDefinition> = {},
): MethodDecorator =>
  // The explicit `<string>` picks Nest 12's untyped overload (a pattern, not a key of an event map).
  EventPattern<string>(eventPatternOf(definition), { [LOCKS_EXTRA]: options.locks });

/**
 * The locks the handlers of an event declared, for this event. Nest chains the handlers of one
 * pattern behind the first (`next`), and they all run in the event's transaction.
 */
export function locksDeclaredFor(handler: MessageHandler, event: CloudEvent): string[] {
  const locks: string[] = [];
  for (let current: MessageHandler | undefined = handler; current; current = current.next) {
    const locksOf = current.extras?.[LOCKS_EXTRA] as ((event: CloudEvent) => readonly string[]) | undefined;
    if (locksOf) locks.push(...locksOf(event));
  }
  return locks;
}
