import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { recommendationRequestFields, recommendationRequestStateFields } from './recommendation-fields';
import { Timestamp } from '../../vocabulary';

export const RecommendationRequestWithdrawnV1 = defineEvent({
  type: 'RecommendationRequestWithdrawn',
  version: 1,
  topic: Topics.recommendations,
  description:
    'The requester withdrew a request, or it was withdrawn because the two are no longer connected. Key: requestId.',
  schema: z.object({
    ...recommendationRequestFields,
    ...recommendationRequestStateFields,
    withdrawnAt: Timestamp.meta({ description: 'When it was withdrawn.' }),
  }),
});
