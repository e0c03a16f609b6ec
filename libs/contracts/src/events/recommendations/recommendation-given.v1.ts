import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { recommendationFields, recommendationStateFields } from './recommendation-fields';
import { EntityId, Relationship, Timestamp } from '../../vocabulary';

export const RecommendationGivenV1 = defineEvent({
  type: 'RecommendationGiven',
  version: 1,
  topic: Topics.recommendations,
  description:
    'An employee wrote a recommendation for a connection; it waits for the subject. Key: recommendationId.',
  schema: z.object({
    ...recommendationFields,
    ...recommendationStateFields,
    relationship: Relationship.meta({ description: 'What the author was to the subject.' }),
    text: z.string().min(20).max(3000).meta({ description: 'The text, trimmed, 20..3000 characters.' }),
    verified: z.boolean().meta({ description: 'True when the org chart confirms the relationship.' }),
    reciprocal: z
      .boolean()
      .meta({ description: 'True when the subject had already recommended the author.' }),
    requestId: EntityId.nullable().meta({ description: 'The request this recommendation fulfils, if any.' }),
    givenAt: Timestamp.meta({ description: 'When it was written.' }),
  }),
});
