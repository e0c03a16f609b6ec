import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { recommendationFields } from './recommendation-fields';
import { Relationship, Timestamp } from '../../vocabulary';

/** The author changed a recommendation; it is pending again. Key: recommendationId. */
export const RecommendationRevisedV1 = defineEvent({
  type: 'RecommendationRevised',
  version: 1,
  topic: Topics.recommendations,
  schema: z.object({
    ...recommendationFields,
    /** What the author was to the subject, after the revision. */
    relationship: Relationship,
    /** The new text. */
    text: z.string().min(20).max(3000),
    /** Number of this revision; the first text is revision 1. */
    revision: z.number().int().min(2),
    /** When it was revised. */
    revisedAt: Timestamp,
  }),
});
