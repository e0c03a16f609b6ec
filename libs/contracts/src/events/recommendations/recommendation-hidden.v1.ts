import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { recommendationFields, recommendationStateFields } from './recommendation-fields';
import { Timestamp } from '../../vocabulary';

export const RecommendationHiddenV1 = defineEvent({
  type: 'RecommendationHidden',
  version: 1,
  topic: Topics.recommendations,
  description: 'The subject hid a recommendation: it stays private. Key: recommendationId.',
  schema: z.object({
    ...recommendationFields,
    ...recommendationStateFields,
    hiddenAt: Timestamp.meta({ description: 'When it was hidden.' }),
  }),
});
