import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { deliveryFields } from './delivery-fields';
import { Timestamp } from '../../vocabulary';

/** An email could not be delivered and will not be retried. Key: deliveryId. */
export const EmailFailedV1 = defineEvent({
  type: 'EmailFailed',
  version: 1,
  topic: Topics.deliveries,
  schema: z.object({
    ...deliveryFields,
    /** Why it failed, e.g. the SMTP reply. */
    reason: z.string().max(2000),
    /** True for a permanent refusal (5xx), false when retries ran out. */
    permanent: z.boolean(),
    /** How many attempts were made. */
    attempts: z.number().int().min(1),
    /** When it was given up. */
    failedAt: Timestamp,
  }),
});
