import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { EntityId, Timestamp } from '../../vocabulary';

/** The addressee declined a connection request. Key: connectionId. */
export const ConnectionDeclinedV1 = defineEvent({
  type: 'ConnectionDeclined',
  version: 1,
  topic: Topics.connections,
  schema: z.object({
    /** The connection that was not made. */
    connectionId: EntityId,
    /** Who asked to connect. */
    requesterId: EntityId,
    /** Who declined. */
    addresseeId: EntityId,
    /** When the request was declined. */
    declinedAt: Timestamp,
  }),
});
