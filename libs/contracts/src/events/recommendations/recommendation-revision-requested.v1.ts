import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { recommendationFields, recommendationStateFields } from './recommendation-fields';
import { Timestamp } from '../../vocabulary';

export const RecommendationRevisionRequestedV1 = defineEvent({
  type: 'RecommendationRevisionRequested',
  version: 1,
  topic: Topics.recommendations,
  description: 'The subject asked the author to change a recommendation. Key: recommendationId.',
  schema: z.object({
    ...recommendationFields,
    ...recommendationStateFields,
    message: z.string().min(1).max(1000).meta({ description: 'What the subject would like changed.' }),
    requestedAt: Timestamp.meta({ description: 'When the revision was asked for.' }),
  }),
});
