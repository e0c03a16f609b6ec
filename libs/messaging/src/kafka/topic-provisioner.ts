import type { Kafka } from 'kafkajs';

/**
 * Creates the topics that are missing, leaving existing ones alone. Services call it at start so
 * that a fresh cluster works without a separate setup step; production clusters may pre-create
 * topics with their own settings, which this then keeps.
 */
export async function ensureTopics(kafka: Kafka, topics: string[], partitions: number): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = [...new Set(topics)].filter((topic) => !existing.has(topic));
    if (missing.length === 0) return;
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: -1 })),
    });
  } finally {
    await admin.disconnect();
  }
}
