import { Kafka, logLevel, type KafkaMessage } from 'kafkajs';
import { uniqueName } from './test-infrastructure';

/** A topic prefix of a test file's own, so its topics and groups never meet another file's. */
export function uniqueTopicPrefix(label: string): string {
  return `${uniqueName(label)}.`;
}

export function testKafka(brokers: string[]): Kafka {
  return new Kafka({ clientId: uniqueName('test'), brokers, logLevel: logLevel.NOTHING });
}

/** Reads a topic from the beginning until `count` messages arrived (or the timeout). */
export async function readTopic(
  brokers: string[],
  topic: string,
  count: number,
  { timeoutMs = 60_000 } = {},
): Promise<KafkaMessage[]> {
  const consumer = testKafka(brokers).consumer({ groupId: uniqueName('reader') });
  const messages: KafkaMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(new Error(`read ${messages.length} of ${count} messages from ${topic} in ${timeoutMs} ms`)),
        timeoutMs,
      );
      void consumer.run({
        eachMessage: async ({ message }) => {
          messages.push(message);
          if (messages.length >= count) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
    return messages;
  } finally {
    await consumer.disconnect();
  }
}
