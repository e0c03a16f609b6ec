import { logLevel, Partitioners, type Kafka, type KafkaMessage } from 'kafkajs';
import {
  createEvent,
  toKafkaRecord,
  type CloudEvent,
  type EventData,
  type EventDefinition,
} from '@vouch/contracts';
import { createKafkaClient, type KafkaConnection } from '@vouch/kafka-client';
import { uniqueName } from './test-infrastructure';
import { waitFor } from './wait-for';

/** A topic prefix of a test file's own, so its topics and groups never meet another file's. */
export function uniqueTopicPrefix(label: string): string {
  return `${uniqueName(label)}.`;
}

/** A client of the tests' own, made as the services make theirs; plaintext unless `connection` says. */
export function testKafka(brokers: string[], connection?: KafkaConnection): Kafka {
  return createKafkaClient({
    clientId: uniqueName('test'),
    brokers,
    ...(connection ? { connection } : {}),
    logLevel: logLevel.NOTHING,
  });
}

/** Reads a topic from the beginning until `count` messages arrived (or the timeout). */
export async function readTopic(
  brokers: string[],
  topic: string,
  count: number,
  { timeoutMs = 60_000 } = {},
): Promise<KafkaMessage[]> {
  await waitForTopic(brokers, topic, timeoutMs);
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

/**
 * Reads a topic from the beginning to its end as it is now (each partition's high watermark): the
 * messages in each partition's order, tombstones (null values) included.
 */
export async function readTopicToEnd(
  brokers: string[],
  topic: string,
  { timeoutMs = 60_000 } = {},
): Promise<KafkaMessage[]> {
  await waitForTopic(brokers, topic, timeoutMs);
  const kafka = testKafka(brokers);
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map(
    (await admin.fetchTopicOffsets(topic)).map(({ partition, high }) => [partition, Number(high)]),
  );
  await admin.disconnect();
  const remaining = new Set([...ends].filter(([, high]) => high > 0).map(([partition]) => partition));
  const messages: KafkaMessage[] = [];
  if (remaining.size === 0) return messages;
  const consumer = kafka.consumer({ groupId: uniqueName('reader') });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(`read ${messages.length} messages of ${topic}, not to its end, in ${timeoutMs} ms`),
          ),
        timeoutMs,
      );
      void consumer.run({
        eachMessage: async ({ partition, message }) => {
          const end = ends.get(partition) ?? 0;
          if (Number(message.offset) >= end) return;
          messages.push(message);
          if (Number(message.offset) === end - 1) remaining.delete(partition);
          if (remaining.size === 0) {
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

/**
 * Publishes events as another service would (CloudEvents in binary mode, key = subject), for
 * feeding a service's replicas in its own tests. Returns the events as sent.
 */
export async function publishEvents<TDefinition extends EventDefinition>(
  brokers: string[],
  topicPrefix: string,
  definition: TDefinition,
  events: Array<{ subject: string; data: EventData<TDefinition> }>,
): Promise<CloudEvent[]> {
  const created = events.map((event) => createEvent(definition, { ...event, source: '/vouch/test' }));
  const producer = testKafka(brokers).producer({
    createPartitioner: Partitioners.DefaultPartitioner,
    allowAutoTopicCreation: false,
  });
  await producer.connect();
  try {
    await createTopic(brokers, `${topicPrefix}${definition.topic}`);
    await producer.send({
      topic: `${topicPrefix}${definition.topic}`,
      acks: -1,
      messages: created.map(toKafkaRecord),
    });
  } finally {
    await producer.disconnect();
  }
  return created;
}

/**
 * Deletes the topics and consumer groups under `prefix`, for a run that must leave a shared broker
 * as it found it: the bench's runs each added 132 partitions, and later runs met them all.
 */
export async function deleteTopicsAndGroupsUnder(brokers: string[], prefix: string): Promise<void> {
  const admin = testKafka(brokers).admin();
  await admin.connect();
  try {
    const { groups } = await admin.listGroups();
    const groupIds = groups.map((group) => group.groupId).filter((id) => id.startsWith(prefix));
    if (groupIds.length > 0) await admin.deleteGroups(groupIds);
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics });
  } finally {
    await admin.disconnect();
  }
}

/** Creates a topic if it does not exist yet. */
export async function createTopic(brokers: string[], topic: string, partitions = 3): Promise<void> {
  const admin = testKafka(brokers).admin();
  await admin.connect();
  try {
    if (!(await admin.listTopics()).includes(topic)) {
      await admin.createTopics({ waitForLeaders: false, topics: [{ topic, numPartitions: partitions }] });
    }
  } finally {
    await admin.disconnect();
  }
  await waitForTopic(brokers, topic);
}

/**
 * Waits until a topic exists with leaders. Services create their topics when they first publish,
 * so a test may come to read before them.
 */
export async function waitForTopic(brokers: string[], topic: string, timeoutMs = 60_000): Promise<void> {
  const admin = testKafka(brokers).admin();
  await admin.connect();
  try {
    await waitFor(
      `topic ${topic} to exist`,
      () =>
        admin.fetchTopicMetadata({ topics: [topic] }).then(
          (metadata) =>
            metadata.topics.every((entry) => entry.partitions.every((partition) => partition.leader >= 0)),
          () => false,
        ),
      Boolean,
      { timeoutMs },
    );
  } finally {
    await admin.disconnect();
  }
}
