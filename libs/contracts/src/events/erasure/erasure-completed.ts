import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { Topics } from '../../topics';
import { EntityId, Timestamp } from '../../vocabulary';

/**
 * Each service reports on its own topic (a topic has one publisher) that it has removed or
 * anonymised what it held about an erased employee; identity gathers the reports into the
 * erasure's progress. Same fields for every service.
 */
function defineErasureCompleted<
  TService extends 'connections' | 'recommendations' | 'notifications',
  TType extends string,
>(service: TService, type: TType, topic: (typeof Topics)[keyof typeof Topics]) {
  return defineEvent({
    type,
    version: 1,
    topic,
    description: `${service} has removed or anonymised what it held about an erased employee (\`EmployeeErased\`). Key: employeeId.`,
    schema: z.object({
      erasureId: EntityId.meta({ description: 'The erasure, from `EmployeeErased`.' }),
      employeeId: EntityId.meta({ description: 'The erased employee.' }),
      service: z.literal(service).meta({ description: 'The service that completed its part.' }),
      completedAt: Timestamp.meta({ description: 'When the service finished.' }),
    }),
  });
}

export const ConnectionsErasureCompletedV1 = defineErasureCompleted(
  'connections',
  'ConnectionsErasureCompleted',
  Topics.connections,
);
export const RecommendationsErasureCompletedV1 = defineErasureCompleted(
  'recommendations',
  'RecommendationsErasureCompleted',
  Topics.recommendations,
);
export const NotificationsErasureCompletedV1 = defineErasureCompleted(
  'notifications',
  'NotificationsErasureCompleted',
  Topics.deliveries,
);
