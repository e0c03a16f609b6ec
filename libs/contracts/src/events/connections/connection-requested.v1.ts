import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { connectionFields } from './connection-fields';
import { Timestamp } from '../../vocabulary';

/** An employee asked another to connect. Key: connectionId. */
export const ConnectionRequestedV1 = defineEvent({
  type: 'ConnectionRequested',
  version: 1,
  topic: Topics.connections,
  schema: z.object({
    ...connectionFields,
    /** The requester's note, if any. */
    message: z.string().max(500).nullable(),
    /** When the request was made. */
    requestedAt: Timestamp,
  }),
});
