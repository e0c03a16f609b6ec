import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { recommendationRequestFields } from './recommendation-fields';
import { EntityId, RecommendationRequestStatus, Relationship, Timestamp } from '../../vocabulary';

export const RecommendationRequestFulfilledV1 = defineEvent({
  type: 'RecommendationRequestFulfilled',
  version: 1,
  topic: Topics.recommendations,
  description:
    'The recipient wrote the recommendation a request asked for; its RecommendationGiven follows under ' +
    "the recommendation's own key. Key: requestId.",
  schema: z.object({
    ...recommendationRequestFields,
    relationship: Relationship.meta({ description: 'What the recipient was to the requester, as asked.' }),
    status: RecommendationRequestStatus.meta({
      description: "The request's status after the event: `fulfilled`.",
    }),
    recommendationId: EntityId.meta({ description: 'The recommendation that fulfilled it.' }),
    fulfilledAt: Timestamp.meta({ description: 'When it was fulfilled.' }),
  }),
});
