import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { recommendationFields, recommendationStateFields } from './recommendation-fields';
import { Relationship, Timestamp } from '../../vocabulary';

export const RecommendationRevisedV1 = defineEvent({
  type: 'RecommendationRevised',
  version: 1,
  topic: Topics.recommendations,
  description: 'The author changed a recommendation; it is pending again. Key: recommendationId.',
  schema: z.object({
    ...recommendationFields,
    ...recommendationStateFields,
    relationship: Relationship.meta({
      description: 'What the author was to the subject, after the revision.',
    }),
    text: z.string().min(20).max(3000).meta({ description: 'The new text.' }),
    revision: z
      .number()
      .int()
      .min(2)
      .meta({ description: 'Number of this revision; the first text is revision 1.' }),
    revisedAt: Timestamp.meta({ description: 'When it was revised.' }),
  }),
});
