import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { recommendationFields, recommendationStateFields } from './recommendation-fields';
import { EntityId, Timestamp } from '../../vocabulary';

export const RecommendationReciprocityEndedV1 = defineEvent({
  type: 'RecommendationReciprocityEnded',
  version: 1,
  topic: Topics.recommendations,
  description:
    'The other recommendation of a mutual pair was withdrawn or taken down: this one is no longer reciprocal. Key: recommendationId.',
  schema: z.object({
    ...recommendationFields,
    ...recommendationStateFields,
    counterpartId: EntityId.meta({
      description: "The subject's recommendation of the author that was withdrawn or taken down.",
    }),
    endedAt: Timestamp.meta({ description: 'When it was withdrawn or taken down.' }),
  }),
});
