import { z } from 'zod';
import { EntityId, RecommendationRequestStatus, RecommendationStatus, Relationship } from '../../vocabulary';

/** Which recommendation, and between whom: the fields every recommendation event starts with. */
export const recommendationFields = {
  recommendationId: EntityId.meta({ description: 'The recommendation.' }),
  authorId: EntityId.meta({ description: 'Who wrote it.' }),
  subjectId: EntityId.meta({ description: 'Who it is about.' }),
};

/**
 * Where the recommendation stands after the event, so that a consumer need not ask. Added within
 * v1, so optional: events published before lack them.
 */
export const recommendationStateFields = {
  relationship: Relationship.optional().meta({ description: 'What the author was to the subject.' }),
  verified: z
    .boolean()
    .optional()
    .meta({ description: 'True when the org chart confirms the relationship.' }),
  reciprocal: z.boolean().optional().meta({
    description:
      'True while the subject has a recommendation of the author too, neither withdrawn nor taken down.',
  }),
  status: RecommendationStatus.optional().meta({
    description: "The recommendation's status after the event.",
  }),
};

/** Which request, and between whom: the fields every recommendation request event starts with. */
export const recommendationRequestFields = {
  requestId: EntityId.meta({ description: 'The request.' }),
  requesterId: EntityId.meta({ description: 'Who asks to be recommended.' }),
  recipientId: EntityId.meta({ description: 'Who is asked to write.' }),
};

/**
 * Where the request stands after the event, so that a consumer need not ask. Added within v1, so
 * optional: events published before lack them.
 */
export const recommendationRequestStateFields = {
  relationship: Relationship.optional().meta({ description: 'What the recipient was to the requester.' }),
  status: RecommendationRequestStatus.optional().meta({
    description: "The request's status after the event.",
  }),
};
