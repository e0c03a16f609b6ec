import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { connectionFields } from './connection-fields';
import { ConnectionStatus, Timestamp } from '../../vocabulary';

export const ConnectionDeclinedV1 = defineEvent({
  type: 'ConnectionDeclined',
  version: 1,
  topic: Topics.connections,
  description: 'The addressee declined a connection request. Key: connectionId.',
  schema: z.object({
    ...connectionFields,
    status: ConnectionStatus.optional().meta({
      description:
        "The connection's status after the event, `declined`. Added within v1: older events lack it.",
    }),
    declinedAt: Timestamp.meta({ description: 'When the request was declined.' }),
  }),
});
