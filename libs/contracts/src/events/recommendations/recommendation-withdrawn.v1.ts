import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { recommendationFields } from './recommendation-fields';
import { Timestamp } from '../../vocabulary';

/** The author withdrew a recommendation: it no longer shows anywhere. Key: recommendationId. */
export const RecommendationWithdrawnV1 = defineEvent({
  type: 'RecommendationWithdrawn',
  version: 1,
  topic: Topics.recommendations,
  schema: z.object({
    ...recommendationFields,
    /** When it was withdrawn. */
    withdrawnAt: Timestamp,
  }),
});
