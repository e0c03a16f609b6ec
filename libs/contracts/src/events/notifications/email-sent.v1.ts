import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { deliveryFields } from './delivery-fields';
import { Timestamp } from '../../vocabulary';

export const EmailSentV1 = defineEvent({
  type: 'EmailSent',
  version: 1,
  topic: Topics.deliveries,
  description: 'The SMTP server accepted an email. Key: deliveryId.',
  schema: z.object({
    ...deliveryFields,
    messageId: z.string().min(1).meta({ description: 'The Message-ID header, derived from the delivery.' }),
    attempts: z.number().int().min(1).meta({ description: 'How many attempts it took.' }),
    sentAt: Timestamp.meta({ description: 'When the SMTP server accepted it.' }),
  }),
});
