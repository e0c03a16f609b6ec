import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { EntityId, Timestamp } from '../../vocabulary';

/** The subject accepted a recommendation: it shows on their profile. Key: recommendationId. */
export const RecommendationAcceptedV1 = defineEvent({
  type: 'RecommendationAccepted',
  version: 1,
  topic: Topics.recommendations,
  schema: z.object({
    /** The recommendation. */
    recommendationId: EntityId,
    /** Who wrote it. */
    authorId: EntityId,
    /** Who it is about. */
    subjectId: EntityId,
    /** When it was accepted. */
    acceptedAt: Timestamp,
  }),
});
