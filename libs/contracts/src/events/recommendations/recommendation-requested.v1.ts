import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { recommendationRequestFields, recommendationRequestStateFields } from './recommendation-fields';
import { Relationship, Timestamp } from '../../vocabulary';

export const RecommendationRequestedV1 = defineEvent({
  type: 'RecommendationRequested',
  version: 1,
  topic: Topics.recommendations,
  description: 'An employee asked a connection to write them a recommendation. Key: requestId.',
  schema: z.object({
    ...recommendationRequestFields,
    ...recommendationRequestStateFields,
    relationship: Relationship.meta({ description: 'What the recipient was to the requester.' }),
    message: z.string().max(1000).nullable().meta({ description: "The requester's note, if any." }),
    requesterRecommendedRecipient: z
      .boolean()
      .meta({ description: 'True when the requester had already recommended the recipient.' }),
    requestedAt: Timestamp.meta({ description: 'When the request was made.' }),
    expiresAt: Timestamp.meta({ description: 'When the request expires if nobody acts on it.' }),
  }),
});
