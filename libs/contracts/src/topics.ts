/**
 * Kafka topics of the Vouch platform.
 *
 * INVARIANT: these names are public API. Other services and other companies' consumers subscribe to
 * them; a topic is never renamed. A breaking change gets a new topic (`…v2`) beside the old one.
 */
export const Topics = {
  /** Employees, their profile and the org chart, owned by identity. */
  employees: 'vouch.identity.employees.v1',
  /** The current record of each employee, compacted: a new consumer builds its replica from it. */
  employeeRecords: 'vouch.identity.employee-records.v1',
  /** Connection requests and connections, owned by connections. */
  connections: 'vouch.connections.connections.v1',
  /** Recommendation requests and recommendations, owned by recommendations. */
  recommendations: 'vouch.recommendations.recommendations.v1',
  /** Outcomes of email deliveries, owned by notifications. */
  deliveries: 'vouch.notifications.deliveries.v1',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

const DAY_MS = 24 * 60 * 60 * 1000;

/** What a topic is for, what its key is, and the configuration Vouch creates it with. */
export interface TopicDefinition {
  readonly name: TopicName;
  /** The service that publishes on it; no other does. */
  readonly owner: 'identity' | 'connections' | 'recommendations' | 'notifications';
  readonly description: string;
  /** What the message key is: events of one key keep their order. */
  readonly key: string;
  /**
   * Kafka topic configuration Vouch sets when it creates the topic (a cluster's operators may
   * pre-create it otherwise). Event topics keep 7 days: consumers' inboxes remember processed ids
   * for 30, so a replay within retention is always deduplicated.
   */
  readonly config: Readonly<Record<string, string>>;
}

/** An event topic: every event kept for 7 days, then deleted. */
const EVENT_TOPIC_CONFIG = { 'cleanup.policy': 'delete', 'retention.ms': String(7 * DAY_MS) };

/**
 * The compacted record topic: the last record of each key is kept forever. A record that has been
 * superseded stays at least an hour (a consumer reading the head sees every change) and at most 7
 * days (a person's old data does not linger), and a tombstone a day, so a consumer that reads
 * the topic at least daily sees each deletion.
 */
const RECORD_TOPIC_CONFIG = {
  'cleanup.policy': 'compact',
  'min.compaction.lag.ms': String(60 * 60 * 1000),
  'max.compaction.lag.ms': String(7 * DAY_MS),
  'delete.retention.ms': String(DAY_MS),
};

export const TopicDefinitions: readonly TopicDefinition[] = [
  {
    name: Topics.employees,
    owner: 'identity',
    description: 'What happens to employees: sign-up, profile changes, the org chart, offboarding.',
    key: 'employeeId',
    config: EVENT_TOPIC_CONFIG,
  },
  {
    name: Topics.employeeRecords,
    owner: 'identity',
    description:
      "Each employee's current record, republished whole after every change and compacted by key: " +
      'read from the beginning, it gives every employee as they are now.',
    key: 'employeeId',
    config: RECORD_TOPIC_CONFIG,
  },
  {
    name: Topics.connections,
    owner: 'connections',
    description: 'Connection requests and connections, from the request to its end.',
    key: 'connectionId',
    config: EVENT_TOPIC_CONFIG,
  },
  {
    name: Topics.recommendations,
    owner: 'recommendations',
    description: 'Recommendation requests and recommendations, from the ask to the profile.',
    key: 'requestId for request events, recommendationId for recommendation events, employeeId for `RecommendationsErasureCompleted`',
    config: EVENT_TOPIC_CONFIG,
  },
  {
    name: Topics.deliveries,
    owner: 'notifications',
    description: 'What became of each email: sent, or failed for good.',
    key: 'deliveryId; employeeId for `NotificationsErasureCompleted`',
    config: EVENT_TOPIC_CONFIG,
  },
];

/** The definition of a topic of the platform. */
export function topicDefinition(name: string): TopicDefinition | undefined {
  return TopicDefinitions.find((definition) => definition.name === name);
}

/** Where a consumer group's unprocessable messages of a topic go: `<topic>.dlq.<group>`. */
export function deadLetterTopic(topic: string, consumerGroup: string): string {
  return `${topic}.dlq.${consumerGroup}`;
}

/** Whether a topic is a consumer group's dead-letter topic (`<topic>.dlq.<group>`). */
export function isDeadLetterTopic(topic: string): boolean {
  return /\.dlq\.[^.]+$/.test(topic);
}

/**
 * Days a dead-letter topic keeps a message unless DEAD_LETTER_RETENTION_DAYS says otherwise: two
 * weeks for an operator to inspect and replay it, then the personal data it carries is gone.
 */
export const DEFAULT_DEAD_LETTER_RETENTION_DAYS = 14;

/** The configuration Vouch creates a dead-letter topic with: deleted after its retention. */
export function deadLetterTopicConfig(retentionDays: number): Readonly<Record<string, string>> {
  return { 'cleanup.policy': 'delete', 'retention.ms': String(retentionDays * DAY_MS) };
}
