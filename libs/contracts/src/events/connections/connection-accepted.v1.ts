import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { connectionFields } from './connection-fields';
import { ConnectionStatus, Timestamp } from '../../vocabulary';

export const ConnectionAcceptedV1 = defineEvent({
  type: 'ConnectionAccepted',
  version: 1,
  topic: Topics.connections,
  description: 'Two employees are now connected. Key: connectionId.',
  schema: z.object({
    ...connectionFields,
    status: ConnectionStatus.optional().meta({
      description:
        "The connection's status after the event, `accepted`. Added within v1: older events lack it.",
    }),
    acceptedAt: Timestamp.meta({ description: 'Since when the two are connected.' }),
  }),
});
