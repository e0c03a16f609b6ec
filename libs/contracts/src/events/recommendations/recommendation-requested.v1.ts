import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { recommendationRequestFields } from './recommendation-fields';
import { Relationship, Timestamp } from '../../vocabulary';

/** An employee asked a connection to write them a recommendation. Key: requestId. */
export const RecommendationRequestedV1 = defineEvent({
  type: 'RecommendationRequested',
  version: 1,
  topic: Topics.recommendations,
  schema: z.object({
    ...recommendationRequestFields,
    /** What the recipient was to the requester. */
    relationship: Relationship,
    /** The requester's note, if any. */
    message: z.string().max(1000).nullable(),
    /** True when the requester had already recommended the recipient. */
    requesterRecommendedRecipient: z.boolean(),
    /** When the request was made. */
    requestedAt: Timestamp,
    /** When the request expires if nobody acts on it. */
    expiresAt: Timestamp,
  }),
});
