import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { recommendationFields } from './recommendation-fields';
import { EntityId, Relationship, Timestamp } from '../../vocabulary';

/** An employee wrote a recommendation for a connection; it waits for the subject. Key: recommendationId. */
export const RecommendationGivenV1 = defineEvent({
  type: 'RecommendationGiven',
  version: 1,
  topic: Topics.recommendations,
  schema: z.object({
    ...recommendationFields,
    /** What the author was to the subject. */
    relationship: Relationship,
    /** The text, trimmed, 20..3000 characters. */
    text: z.string().min(20).max(3000),
    /** True when the org chart confirms the relationship. */
    verified: z.boolean(),
    /** True when the subject had already recommended the author. */
    reciprocal: z.boolean(),
    /** The request this recommendation fulfils, if any. */
    requestId: EntityId.nullable(),
    /** When it was written. */
    givenAt: Timestamp,
  }),
});
