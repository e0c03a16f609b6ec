import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { recommendationRequestFields } from './recommendation-fields';
import { Timestamp } from '../../vocabulary';

/** A request expired unanswered, or because one side was deactivated. Key: requestId. */
export const RecommendationRequestExpiredV1 = defineEvent({
  type: 'RecommendationRequestExpired',
  version: 1,
  topic: Topics.recommendations,
  schema: z.object({
    ...recommendationRequestFields,
    /** When it expired. */
    expiredAt: Timestamp,
  }),
});
