import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { recommendationFields, recommendationStateFields } from './recommendation-fields';
import { EntityId, Timestamp } from '../../vocabulary';

export const RecommendationReciprocatedV1 = defineEvent({
  type: 'RecommendationReciprocated',
  version: 1,
  topic: Topics.recommendations,
  description:
    'The subject recommended the author in return: this earlier recommendation of the pair is reciprocal now, as the later one is from its RecommendationGiven. Key: recommendationId.',
  schema: z.object({
    ...recommendationFields,
    ...recommendationStateFields,
    counterpartId: EntityId.meta({
      description: "The later recommendation, the subject's of the author, that made the pair mutual.",
    }),
    reciprocatedAt: Timestamp.meta({ description: 'When the later one was written.' }),
  }),
});
