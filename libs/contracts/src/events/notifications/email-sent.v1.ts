import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { deliveryFields } from './delivery-fields';
import { Timestamp } from '../../vocabulary';

/** The SMTP server accepted an email. Key: deliveryId. */
export const EmailSentV1 = defineEvent({
  type: 'EmailSent',
  version: 1,
  topic: Topics.deliveries,
  schema: z.object({
    ...deliveryFields,
    /** The Message-ID header, derived from the delivery. */
    messageId: z.string().min(1),
    /** How many attempts it took. */
    attempts: z.number().int().min(1),
    /** When the SMTP server accepted it. */
    sentAt: Timestamp,
  }),
});
