import { Partitioners, type KafkaMessage, type Kafka, type Producer } from 'kafkajs';
import { deadLetterTopic } from '@vouch/contracts';
import { physicalTopic, type KafkaSettings } from '../kafka/kafka-settings';
import type { DeadLetterReason } from './event-errors';

/** Headers a dead letter carries beside the original message's own. */
export const DeadLetterHeaders = {
  reason: 'dlq-reason',
  error: 'dlq-error',
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
  consumerGroup: 'dlq-consumer-group',
  attempts: 'dlq-attempts',
  failedAt: 'dlq-failed-at',
} as const;

export interface DeadLetter {
  /** The logical topic the message came from (without the prefix). */
  topic: string;
  partition: number;
  message: KafkaMessage;
  reason: DeadLetterReason;
  error: string;
  attempts: number;
}

/**
 * Parks a message that cannot be processed on `<topic>.dlq.<group>`, unchanged, with why in its
 * headers, so the partition moves on and an operator can inspect and replay it.
 */
export class DeadLetterPublisher {
  private producer?: Producer;

  constructor(
    private readonly kafka: Kafka,
    private readonly kafkaSettings: Pick<KafkaSettings, 'topicPrefix'>,
    private readonly consumerGroup: string,
  ) {}

  /** The physical dead-letter topic of a logical topic. */
  topicFor(topic: string): string {
    return physicalTopic(this.kafkaSettings, deadLetterTopic(topic, this.consumerGroup));
  }

  async publish(letter: DeadLetter): Promise<void> {
    const producer = await this.connectedProducer();
    await producer.send({
      topic: this.topicFor(letter.topic),
      acks: -1,
      messages: [
        {
          key: letter.message.key,
          value: letter.message.value,
          headers: {
            ...letter.message.headers,
            [DeadLetterHeaders.reason]: letter.reason,
            [DeadLetterHeaders.error]: letter.error.slice(0, 4_000),
            [DeadLetterHeaders.originalTopic]: letter.topic,
            [DeadLetterHeaders.originalPartition]: String(letter.partition),
            [DeadLetterHeaders.originalOffset]: letter.message.offset,
            [DeadLetterHeaders.consumerGroup]: this.consumerGroup,
            [DeadLetterHeaders.attempts]: String(letter.attempts),
            [DeadLetterHeaders.failedAt]: new Date().toISOString(),
          },
        },
      ],
    });
  }

  async disconnect(): Promise<void> {
    await this.producer?.disconnect();
    this.producer = undefined;
  }

  private async connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.producer({
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await producer.connect();
      this.producer = producer;
    }
    return this.producer;
  }
}
