import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { recommendationFields } from './recommendation-fields';
import { Timestamp } from '../../vocabulary';

/** The subject asked the author to change a recommendation. Key: recommendationId. */
export const RecommendationRevisionRequestedV1 = defineEvent({
  type: 'RecommendationRevisionRequested',
  version: 1,
  topic: Topics.recommendations,
  schema: z.object({
    ...recommendationFields,
    /** What the subject would like changed. */
    message: z.string().min(1).max(1000),
    /** When the revision was asked for. */
    requestedAt: Timestamp,
  }),
});
