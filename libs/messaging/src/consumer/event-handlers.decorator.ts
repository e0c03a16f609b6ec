import { applyDecorators, Controller, UseFilters } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import type { EventDefinition } from '@vouch/contracts';
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

/**
 * Marks the handler of one version of an event type. The consumer hands it only that version and
 * skips the others, as a producer publishes an event in two versions while consumers move
 * (docs/schema-evolution.md).
 */
export const HandlesEvent = (definition: EventDefinition): MethodDecorator =>
  // The explicit `<string>` picks Nest 12's untyped overload (a pattern, not a key of an event map).
  EventPattern<string>(eventPatternOf(definition));
