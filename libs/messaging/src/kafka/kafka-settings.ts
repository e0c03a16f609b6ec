import { logLevel, type Kafka, type LogEntry } from 'kafkajs';
import { Logger } from '@nestjs/common';
import { createKafkaClient, type KafkaConnection } from '@vouch/kafka-client';

/** Where a service's Kafka is and how its topics are named. */
export interface KafkaSettings {
  brokers: string[];
  /** Identifies this process to the brokers (`<service>-<host>-<pid>`). */
  clientId: string;
  /**
   * Prepended to every topic and consumer group name, empty in production. Lets tests and several
   * local setups share one broker without seeing each other's events.
   */
  topicPrefix: string;
  /** Partitions of topics this service creates; enough for consumers to scale out. */
  topicPartitions: number;
  /** Days the dead-letter topics this service creates keep a message (`retention.ms`). */
  deadLetterRetentionDays: number;
  /** TLS and SASL towards the brokers; plaintext when unset (local development and tests). */
  connection?: KafkaConnection;
}

/** The name a logical topic has on the broker. */
export function physicalTopic(settings: Pick<KafkaSettings, 'topicPrefix'>, topic: string): string {
  return `${settings.topicPrefix}${topic}`;
}

/**
 * Logged at debug, not warn: kafkajs retries a lost connection many times a second and logs each
 * try, while the relay and the consumer report an outage once in their own words; it warns
 * about the relay's bounded retries on its idempotent producer, which the relay handles by
 * replacing the producer after a failed send (the outbox keeps the events meanwhile); and it logs
 * a consumer's crash and restart as errors, which the consumer reports in its own words too.
 */
const EXPECTED_NOISE =
  /^(Connection error|Failed to connect to seed broker|Connection timeout|Limiting retries for the idempotent producer|Crash: |Restarting the consumer in )/;

/**
 * Errors a broker answers while a new topic's partitions get their leader, or while its
 * coordinator starts or loads, which kafkajs logs at error level for each request before
 * refreshing its metadata and retrying: a first start on a fresh broker showed a dozen of them.
 * What still fails after the retries reaches the relay or the consumer. Likewise the topic
 * another service created a moment before: ensureTopics waits for it, and any other failure to
 * create a topic throws there.
 */
const LEADERSHIP_SETTLING = new RegExp(
  `^(${[
    'This server is not the leader for that topic-partition',
    'This server does not host this topic-partition',
    'There is no leader for this topic-partition',
    'The group coordinator is not available',
    'This is not the correct coordinator for this group',
    "The coordinator is loading and hence can't process requests",
    'Topic creation errors',
  ].join('|')})`,
);

function isExpectedNoise(message: string, error: unknown): boolean {
  return (
    EXPECTED_NOISE.test(message) ||
    (message.startsWith('Response ') && typeof error === 'string' && LEADERSHIP_SETTLING.test(error))
  );
}

/** A kafkajs client whose logs go through Nest's logger: warnings and errors, without retry chatter. */
export function createKafka(settings: KafkaSettings): Kafka {
  const logger = new Logger('Kafka');
  return createKafkaClient({
    clientId: settings.clientId,
    brokers: settings.brokers,
    ...(settings.connection ? { connection: settings.connection } : {}),
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const { message, timestamp: _timestamp, logger: _logger, stack: _stack, ...extra } = log;
        const line = `${message} ${JSON.stringify(extra)}`;
        if (isExpectedNoise(message, extra.error)) logger.debug(line);
        else if (level <= logLevel.ERROR) logger.error(line);
        else logger.warn(line);
      },
  });
}
