import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { EntityId, Timestamp } from '../../vocabulary';

/** A request expired unanswered, or because one side was deactivated. Key: requestId. */
export const RecommendationRequestExpiredV1 = defineEvent({
  type: 'RecommendationRequestExpired',
  version: 1,
  topic: Topics.recommendations,
  schema: z.object({
    /** The request. */
    requestId: EntityId,
    /** Who had asked to be recommended. */
    requesterId: EntityId,
    /** Who had been asked to write. */
    recipientId: EntityId,
    /** When it expired. */
    expiredAt: Timestamp,
  }),
});
