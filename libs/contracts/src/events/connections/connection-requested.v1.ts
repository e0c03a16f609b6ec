import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { connectionFields } from './connection-fields';
import { ConnectionStatus, Timestamp } from '../../vocabulary';

export const ConnectionRequestedV1 = defineEvent({
  type: 'ConnectionRequested',
  version: 1,
  topic: Topics.connections,
  description: 'An employee asked another to connect. Key: connectionId.',
  schema: z.object({
    ...connectionFields,
    status: ConnectionStatus.optional().meta({
      description:
        "The connection's status after the event, `pending`. Added within v1: older events lack it.",
    }),
    message: z.string().max(500).nullable().meta({ description: "The requester's note, if any." }),
    requestedAt: Timestamp.meta({ description: 'When the request was made.' }),
  }),
});
