import type { Admin, Kafka } from 'kafkajs';
import { topicDefinition } from '@vouch/contracts';
import { sleep } from '../backoff';
import type { KafkaSettings } from './kafka-settings';

const METADATA_WAIT_MS = 15_000;

/** The configuration a platform topic is created with (the contract's); none for others, as dead letters. */
function configEntriesOf(topic: string, topicPrefix: string): Array<{ name: string; value: string }> {
  const logical = topic.startsWith(topicPrefix) ? topic.slice(topicPrefix.length) : topic;
  const config = topicDefinition(logical)?.config ?? {};
  return Object.entries(config).map(([name, value]) => ({ name, value }));
}

/**
 * Creates the topics that are missing, leaving existing ones alone, and returns once every
 * partition of them has a leader. Services call it at start so that a fresh cluster works without
 * a separate setup step; production clusters may pre-create topics with their own settings, which
 * this then keeps. Several services may create the same topic at the same moment: whoever loses
 * the race waits for the winner's topic like for its own.
 */
export async function ensureTopics(
  kafka: Kafka,
  topics: string[],
  settings: Pick<KafkaSettings, 'topicPrefix' | 'topicPartitions'>,
): Promise<void> {
  const wanted = [...new Set(topics)];
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = wanted.filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      // Not kafkajs' own wait: on a fresh broker it gives up on "does not host this topic-partition",
      // which is only metadata catching up. The wait below retries through it.
      await admin.createTopics({
        waitForLeaders: false,
        topics: missing.map((topic) => ({
          topic,
          numPartitions: settings.topicPartitions,
          replicationFactor: -1,
          configEntries: configEntriesOf(topic, settings.topicPrefix),
        })),
      });
    }
    // Listed is not yet usable: a topic another service has just created may have no leaders yet.
    await waitForLeaders(admin, wanted);
  } finally {
    await admin.disconnect();
  }
}

async function waitForLeaders(admin: Admin, topics: string[]): Promise<void> {
  const deadline = Date.now() + METADATA_WAIT_MS;
  for (;;) {
    try {
      const metadata = await admin.fetchTopicMetadata({ topics });
      const led = metadata.topics.every(
        (topic) =>
          topic.partitions.length > 0 && topic.partitions.every((partition) => partition.leader >= 0),
      );
      if (led) return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline)
      throw new Error(`topics ${topics.join(', ')} have no leaders after ${METADATA_WAIT_MS} ms`);
    await sleep(200);
  }
}
