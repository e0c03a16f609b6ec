import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { recommendationRequestFields, recommendationRequestStateFields } from './recommendation-fields';
import { Timestamp } from '../../vocabulary';

export const RecommendationRequestDeclinedV1 = defineEvent({
  type: 'RecommendationRequestDeclined',
  version: 1,
  topic: Topics.recommendations,
  description: 'The recipient declined a request, quietly: the requester is not emailed. Key: requestId.',
  schema: z.object({
    ...recommendationRequestFields,
    ...recommendationRequestStateFields,
    declinedAt: Timestamp.meta({ description: 'When it was declined.' }),
  }),
});
