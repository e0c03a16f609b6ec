import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { EntityId, Timestamp } from '../../vocabulary';

/** An employee asked another to connect. Key: connectionId. */
export const ConnectionRequestedV1 = defineEvent({
  type: 'ConnectionRequested',
  version: 1,
  topic: Topics.connections,
  schema: z.object({
    /** The connection this request would create; the same id through accept and remove. */
    connectionId: EntityId,
    /** Who asked. */
    requesterId: EntityId,
    /** Who is asked. */
    addresseeId: EntityId,
    /** The requester's note, if any. */
    message: z.string().max(500).nullable(),
    /** When the request was made. */
    requestedAt: Timestamp,
  }),
});
