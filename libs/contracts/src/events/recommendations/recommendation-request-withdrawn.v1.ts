import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { recommendationRequestFields } from './recommendation-fields';
import { Timestamp } from '../../vocabulary';

/** The requester withdrew a request, or it was withdrawn because the two are no longer connected. Key: requestId. */
export const RecommendationRequestWithdrawnV1 = defineEvent({
  type: 'RecommendationRequestWithdrawn',
  version: 1,
  topic: Topics.recommendations,
  schema: z.object({
    ...recommendationRequestFields,
    /** When it was withdrawn. */
    withdrawnAt: Timestamp,
  }),
});
