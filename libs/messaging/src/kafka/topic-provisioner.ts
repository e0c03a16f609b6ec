import type { Admin, Kafka } from 'kafkajs';
import { deadLetterTopicConfig, isDeadLetterTopic, topicDefinition } from '@vouch/contracts';
import { sleep } from '../backoff';
import type { KafkaSettings } from './kafka-settings';

const METADATA_WAIT_MS = 15_000;

type ProvisioningSettings = Pick<
  KafkaSettings,
  'topicPrefix' | 'topicPartitions' | 'deadLetterRetentionDays'
>;

/**
 * The configuration a topic is created with: a platform topic's is the contract's, a dead-letter
 * topic's keeps messages deadLetterRetentionDays; any other gets the cluster's defaults.
 */
function configEntriesOf(
  topic: string,
  settings: ProvisioningSettings,
): Array<{ name: string; value: string }> {
  const logical = topic.startsWith(settings.topicPrefix) ? topic.slice(settings.topicPrefix.length) : topic;
  const config = isDeadLetterTopic(logical)
    ? deadLetterTopicConfig(settings.deadLetterRetentionDays)
    : (topicDefinition(logical)?.config ?? {});
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
  settings: ProvisioningSettings,
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
          configEntries: configEntriesOf(topic, settings),
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
