import type { MessageHandler } from '@nestjs/microservices';
import type { KafkaMessage } from 'kafkajs';
import { z } from 'zod';
import {
  fromKafkaRecord,
  InvalidEnvelopeError,
  type CloudEvent,
  type EventCatalogue,
} from '@vouch/contracts';
import type { DeadLetterReason } from './event-errors';
import { eventPatternOf } from './event-handlers.decorator';

/** An event handed over for processing, decoded and validated, or the reason it cannot be. */
export type Decoded =
  | HandledEvent
  | { kind: 'ignored'; type: string }
  | { kind: 'rejected'; reason: DeadLetterReason; error: string };

export interface HandledEvent {
  kind: 'event';
  event: CloudEvent;
  handler: MessageHandler;
}

/** A message of a batch, decoded. */
export interface Received {
  message: KafkaMessage;
  decoded: Decoded;
}

/**
 * Decodes a message for its handler: `handlerOf` finds the handler registered under a pattern
 * (`Type.vN`), the catalogue the schema its data must match.
 */
export function decodeMessage(
  message: KafkaMessage,
  catalogue: EventCatalogue,
  handlerOf: (pattern: string) => MessageHandler | undefined,
): Decoded {
  // A tombstone on a compacted topic (Outbox.addTombstone) is no event: nothing to handle.
  if (message.value === null) return { kind: 'ignored', type: 'tombstone' };
  let envelope: CloudEvent;
  try {
    envelope = fromKafkaRecord(message);
  } catch (error) {
    if (error instanceof InvalidEnvelopeError)
      return { kind: 'rejected', reason: 'invalid-envelope', error: error.message };
    throw error;
  }
  // Handlers are registered under `Type.vN` (`@HandlesEvent`); Nest's getHandlerByPattern would
  // first try to parse every pattern as JSON, throwing each time. A version without a handler is
  // skipped: either the service reads none of the type, or it reads the type in another version
  // that comes beside this one.
  const handler = handlerOf(eventPatternOf({ type: envelope.type, version: envelope.schemaversion }));
  if (!handler) return { kind: 'ignored', type: envelope.type };
  const definition = catalogue.find(envelope.type, envelope.schemaversion);
  if (!definition) {
    return {
      kind: 'rejected',
      reason: 'unknown-version',
      error: `${envelope.type} v${envelope.schemaversion} is not known here`,
    };
  }
  const data = definition.schema.safeParse(envelope.data);
  if (!data.success) return { kind: 'rejected', reason: 'invalid-data', error: z.prettifyError(data.error) };
  return { kind: 'event', event: { ...envelope, data: data.data }, handler };
}
