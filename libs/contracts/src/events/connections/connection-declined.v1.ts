import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { connectionFields } from './connection-fields';
import { Timestamp } from '../../vocabulary';

/** The addressee declined a connection request. Key: connectionId. */
export const ConnectionDeclinedV1 = defineEvent({
  type: 'ConnectionDeclined',
  version: 1,
  topic: Topics.connections,
  schema: z.object({
    ...connectionFields,
    /** When the request was declined. */
    declinedAt: Timestamp,
  }),
});
