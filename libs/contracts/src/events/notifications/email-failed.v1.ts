import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { deliveryFields } from './delivery-fields';
import { Timestamp } from '../../vocabulary';

export const EmailFailedV1 = defineEvent({
  type: 'EmailFailed',
  version: 1,
  topic: Topics.deliveries,
  description: 'An email could not be delivered and will not be retried. Key: deliveryId.',
  schema: z.object({
    ...deliveryFields,
    reason: z.string().max(2000).meta({ description: 'Why it failed, e.g. the SMTP reply.' }),
    permanent: z
      .boolean()
      .meta({ description: 'True for a permanent refusal (5xx), false when retries ran out.' }),
    attempts: z.number().int().min(1).meta({ description: 'How many attempts were made.' }),
    failedAt: Timestamp.meta({ description: 'When it was given up.' }),
  }),
});
