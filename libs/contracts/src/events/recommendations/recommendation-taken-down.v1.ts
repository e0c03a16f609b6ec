import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { recommendationFields } from './recommendation-fields';
import { EntityId, Timestamp } from '../../vocabulary';

export const RecommendationTakenDownV1 = defineEvent({
  type: 'RecommendationTakenDown',
  version: 1,
  topic: Topics.recommendations,
  description:
    'HR or an admin took a recommendation down: it is kept for the audit and shows nowhere else. Key: recommendationId.',
  schema: z.object({
    ...recommendationFields,
    takenDownBy: EntityId.meta({ description: 'The HR employee or admin who took it down.' }),
    reason: z
      .string()
      .min(1)
      .max(500)
      .meta({ description: 'Why, as they wrote it (trimmed, 1–500 characters).' }),
    takenDownAt: Timestamp.meta({ description: 'When it was taken down.' }),
  }),
});
