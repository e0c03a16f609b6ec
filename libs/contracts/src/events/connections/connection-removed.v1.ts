import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { connectionFields } from './connection-fields';
import { ConnectionStatus, EntityId, Timestamp } from '../../vocabulary';

export const ConnectionRemovedV1 = defineEvent({
  type: 'ConnectionRemoved',
  version: 1,
  topic: Topics.connections,
  description: 'Two employees are no longer connected. Key: connectionId.',
  schema: z.object({
    ...connectionFields,
    status: ConnectionStatus.optional().meta({
      description:
        "The connection's status after the event, `removed`. Added within v1: older events lack it.",
    }),
    removedBy: EntityId.meta({ description: 'Which of the two removed it.' }),
    removedAt: Timestamp.meta({ description: 'When it was removed.' }),
  }),
});
