import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { EntityId, Timestamp } from '../../vocabulary';

/** Two employees are now connected. Key: connectionId. */
export const ConnectionAcceptedV1 = defineEvent({
  type: 'ConnectionAccepted',
  version: 1,
  topic: Topics.connections,
  schema: z.object({
    /** The connection. */
    connectionId: EntityId,
    /** Who asked to connect. */
    requesterId: EntityId,
    /** Who accepted. */
    addresseeId: EntityId,
    /** Since when the two are connected. */
    acceptedAt: Timestamp,
  }),
});
