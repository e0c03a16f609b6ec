import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { connectionFields } from './connection-fields';
import { ConnectionStatus, EntityId, Timestamp } from '../../vocabulary';

export const ConnectionRequestCancelledV1 = defineEvent({
  type: 'ConnectionRequestCancelled',
  version: 1,
  topic: Topics.connections,
  description:
    'A pending connection request ended unanswered because one side was deactivated. Key: connectionId.',
  schema: z.object({
    ...connectionFields,
    status: ConnectionStatus.meta({ description: "The connection's status after the event: `cancelled`." }),
    reason: z.enum(['employee_deactivated']).meta({
      description:
        'Why it ended: one side was deactivated, the only reason today; another would be a new version.',
    }),
    deactivatedEmployeeId: EntityId.meta({ description: 'Which of the two was deactivated.' }),
    cancelledAt: Timestamp.meta({ description: "When it was cancelled: the deactivation's time." }),
  }),
});
