import { z } from 'zod';
import { EntityId } from '../../vocabulary';

/** Which email, to whom, and why: the fields every delivery event starts with. */
export const deliveryFields = {
  deliveryId: EntityId.meta({ description: 'The delivery.' }),
  recipientId: EntityId.meta({ description: 'The employee it is for.' }),
  template: z.string().min(1).max(100).meta({ description: 'Which email it is, e.g. `reciprocity-nudge`.' }),
  causationEventId: z.string().min(1).meta({ description: 'Id of the event that caused the email.' }),
};
