/**
 * Kafka topics of the Vouch platform.
 *
 * INVARIANT: these names are public API. Other services and other companies' consumers subscribe to
 * them; a topic is never renamed. A breaking change gets a new topic (`…v2`) beside the old one.
 */
export const Topics = {
  /** Employees, their profile and the org chart, owned by identity. */
  employees: 'vouch.identity.employees.v1',
  /** Connection requests and connections, owned by connections. */
  connections: 'vouch.connections.connections.v1',
  /** Recommendation requests and recommendations, owned by recommendations. */
  recommendations: 'vouch.recommendations.recommendations.v1',
  /** Outcomes of email deliveries, owned by notifications. */
  deliveries: 'vouch.notifications.deliveries.v1',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

/** Where a consumer group's unprocessable messages of a topic go: `<topic>.dlq.<group>`. */
export function deadLetterTopic(topic: string, consumerGroup: string): string {
  return `${topic}.dlq.${consumerGroup}`;
}
