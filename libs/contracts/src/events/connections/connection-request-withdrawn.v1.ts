import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { connectionFields } from './connection-fields';
import { ConnectionStatus, Timestamp } from '../../vocabulary';

export const ConnectionRequestWithdrawnV1 = defineEvent({
  type: 'ConnectionRequestWithdrawn',
  version: 1,
  topic: Topics.connections,
  description: 'The requester took back a pending connection request. Key: connectionId.',
  schema: z.object({
    ...connectionFields,
    status: ConnectionStatus.meta({ description: "The connection's status after the event: `withdrawn`." }),
    withdrawnAt: Timestamp.meta({ description: 'When it was withdrawn.' }),
  }),
});
