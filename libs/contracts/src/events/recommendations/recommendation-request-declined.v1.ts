import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { EntityId, Timestamp } from '../../vocabulary';

/** The recipient declined a request, quietly: the requester is not emailed. Key: requestId. */
export const RecommendationRequestDeclinedV1 = defineEvent({
  type: 'RecommendationRequestDeclined',
  version: 1,
  topic: Topics.recommendations,
  schema: z.object({
    /** The request. */
    requestId: EntityId,
    /** Who had asked to be recommended. */
    requesterId: EntityId,
    /** Who had been asked to write. */
    recipientId: EntityId,
    /** When it was declined. */
    declinedAt: Timestamp,
  }),
});
