import type { Consumer } from 'kafkajs';
import { CloudEventHeaders, RecommendationGivenV1 } from '@vouch/contracts';
import { createTopic, testKafka, uniqueName } from '@vouch/testing';

/** A RecommendationGiven event as it went through Kafka. */
export interface GivenEvent {
  recommendationId: string;
  /** The CloudEvent `time` (the moment the recommendation was written), in ms since the epoch. */
  time: number;
}

/**
 * Reads the recommendations topic, as notifications does, to learn each RecommendationGiven event's
 * id and time: an email names its cause by event id (X-Vouch-Event-Id), the HTTP answer names the
 * recommendation; the event links the two (its key is the recommendation's id).
 */
export class RecommendationEvents {
  readonly byEventId = new Map<string, GivenEvent>();
  readonly byRecommendationId = new Map<string, string>();

  private constructor(private readonly consumer: Consumer) {}

  static async start(
    brokers: string[],
    topicPrefix: string,
    partitions: number,
  ): Promise<RecommendationEvents> {
    const topic = `${topicPrefix}${RecommendationGivenV1.topic}`;
    // Created as the service creates it, in case this reader comes first.
    await createTopic(brokers, topic, partitions);
    const consumer = testKafka(brokers).consumer({ groupId: uniqueName('bench_events') });
    const events = new RecommendationEvents(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachBatch: async ({ batch }) => {
        for (const { headers, key } of batch.messages) {
          const header = (name: string) => headers?.[name]?.toString();
          if (header(CloudEventHeaders.type) !== RecommendationGivenV1.type || !key) continue;
          const [id, time] = [header(CloudEventHeaders.id), header(CloudEventHeaders.time)];
          if (!id || !time) continue;
          const recommendationId = key.toString();
          events.byEventId.set(id, { recommendationId, time: Date.parse(time) });
          events.byRecommendationId.set(recommendationId, id);
        }
      },
    });
    return events;
  }

  stop(): Promise<void> {
    return this.consumer.disconnect();
  }
}
