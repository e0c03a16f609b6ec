import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { EntityId, Timestamp } from '../../vocabulary';

/** The subject asked the author to change a recommendation. Key: recommendationId. */
export const RecommendationRevisionRequestedV1 = defineEvent({
  type: 'RecommendationRevisionRequested',
  version: 1,
  topic: Topics.recommendations,
  schema: z.object({
    /** The recommendation. */
    recommendationId: EntityId,
    /** Who wrote it and is asked to revise. */
    authorId: EntityId,
    /** Who it is about and asks for the change. */
    subjectId: EntityId,
    /** What the subject would like changed. */
    message: z.string().min(1).max(1000),
    /** When the revision was asked for. */
    requestedAt: Timestamp,
  }),
});
