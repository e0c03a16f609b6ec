import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { recommendationFields, recommendationStateFields } from './recommendation-fields';
import { Timestamp } from '../../vocabulary';

export const RecommendationWithdrawnV1 = defineEvent({
  type: 'RecommendationWithdrawn',
  version: 1,
  topic: Topics.recommendations,
  description: 'The author withdrew a recommendation: it no longer shows anywhere. Key: recommendationId.',
  schema: z.object({
    ...recommendationFields,
    ...recommendationStateFields,
    withdrawnAt: Timestamp.meta({ description: 'When it was withdrawn.' }),
  }),
});
