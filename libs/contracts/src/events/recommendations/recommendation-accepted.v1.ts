import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { recommendationFields } from './recommendation-fields';
import { Timestamp } from '../../vocabulary';

/** The subject accepted a recommendation: it shows on their profile. Key: recommendationId. */
export const RecommendationAcceptedV1 = defineEvent({
  type: 'RecommendationAccepted',
  version: 1,
  topic: Topics.recommendations,
  schema: z.object({
    ...recommendationFields,
    /** When it was accepted. */
    acceptedAt: Timestamp,
  }),
});
