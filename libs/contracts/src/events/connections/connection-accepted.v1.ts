import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { connectionFields } from './connection-fields';
import { Timestamp } from '../../vocabulary';

/** Two employees are now connected. Key: connectionId. */
export const ConnectionAcceptedV1 = defineEvent({
  type: 'ConnectionAccepted',
  version: 1,
  topic: Topics.connections,
  schema: z.object({
    ...connectionFields,
    /** Since when the two are connected. */
    acceptedAt: Timestamp,
  }),
});
