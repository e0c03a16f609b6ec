import { z } from 'zod';
import { EntityId } from '../../vocabulary';

/** Which email, to whom, and why: the fields every delivery event starts with. */
export const deliveryFields = {
  /** The delivery. */
  deliveryId: EntityId,
  /** The employee it is for. */
  recipientId: EntityId,
  /** Which email it is, e.g. `reciprocity-nudge`. */
  template: z.string().min(1).max(100),
  /** Id of the event that caused the email. */
  causationEventId: z.string().min(1),
};
