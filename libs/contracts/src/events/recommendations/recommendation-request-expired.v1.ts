import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { recommendationRequestFields, recommendationRequestStateFields } from './recommendation-fields';
import { Timestamp } from '../../vocabulary';

export const RecommendationRequestExpiredV1 = defineEvent({
  type: 'RecommendationRequestExpired',
  version: 1,
  topic: Topics.recommendations,
  description: 'A request expired unanswered, or because one side was deactivated. Key: requestId.',
  schema: z.object({
    ...recommendationRequestFields,
    ...recommendationRequestStateFields,
    expiredAt: Timestamp.meta({ description: 'When it expired.' }),
  }),
});
