import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { connectionFields } from './connection-fields';
import { EntityId, Timestamp } from '../../vocabulary';

/** Two employees are no longer connected. Key: connectionId. */
export const ConnectionRemovedV1 = defineEvent({
  type: 'ConnectionRemoved',
  version: 1,
  topic: Topics.connections,
  schema: z.object({
    ...connectionFields,
    /** Which of the two removed it. */
    removedBy: EntityId,
    /** When it was removed. */
    removedAt: Timestamp,
  }),
});
