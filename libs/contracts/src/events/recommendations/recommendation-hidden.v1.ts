import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { recommendationFields } from './recommendation-fields';
import { Timestamp } from '../../vocabulary';

/** The subject hid a recommendation: it stays private. Key: recommendationId. */
export const RecommendationHiddenV1 = defineEvent({
  type: 'RecommendationHidden',
  version: 1,
  topic: Topics.recommendations,
  schema: z.object({
    ...recommendationFields,
    /** When it was hidden. */
    hiddenAt: Timestamp,
  }),
});
