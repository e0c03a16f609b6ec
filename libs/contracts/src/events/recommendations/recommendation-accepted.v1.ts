import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { recommendationFields, recommendationStateFields } from './recommendation-fields';
import { Timestamp } from '../../vocabulary';

export const RecommendationAcceptedV1 = defineEvent({
  type: 'RecommendationAccepted',
  version: 1,
  topic: Topics.recommendations,
  description: 'The subject accepted a recommendation: it shows on their profile. Key: recommendationId.',
  schema: z.object({
    ...recommendationFields,
    ...recommendationStateFields,
    acceptedAt: Timestamp.meta({ description: 'When it was accepted.' }),
  }),
});
