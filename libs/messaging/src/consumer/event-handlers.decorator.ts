import { applyDecorators, Controller, UseFilters } from '@nestjs/common';
import { RethrowEventErrors } from './rethrow-event-errors.filter';

/**
 * Marks a class whose methods handle integration events with `@EventPattern(type)`. Errors reach
 * the consumer host as thrown, so it can tell a PermanentEventError from a transient failure.
 */
export const EventHandlers = (): ClassDecorator =>
  applyDecorators(Controller(), UseFilters(new RethrowEventErrors()));
