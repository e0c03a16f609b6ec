import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { recommendationRequestFields } from './recommendation-fields';
import { Timestamp } from '../../vocabulary';

/** The recipient declined a request, quietly: the requester is not emailed. Key: requestId. */
export const RecommendationRequestDeclinedV1 = defineEvent({
  type: 'RecommendationRequestDeclined',
  version: 1,
  topic: Topics.recommendations,
  schema: z.object({
    ...recommendationRequestFields,
    /** When it was declined. */
    declinedAt: Timestamp,
  }),
});
