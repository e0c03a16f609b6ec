import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { EntityId, Timestamp } from '../../vocabulary';

/** Two employees are no longer connected. Key: connectionId. */
export const ConnectionRemovedV1 = defineEvent({
  type: 'ConnectionRemoved',
  version: 1,
  topic: Topics.connections,
  schema: z.object({
    /** The removed connection. */
    connectionId: EntityId,
    /** Who originally asked to connect. */
    requesterId: EntityId,
    /** Who originally accepted. */
    addresseeId: EntityId,
    /** Which of the two removed it. */
    removedBy: EntityId,
    /** When it was removed. */
    removedAt: Timestamp,
  }),
});
